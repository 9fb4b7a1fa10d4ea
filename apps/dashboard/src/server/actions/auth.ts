'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/form-state';
import { gatewayClient, toGatewayError } from '../api';
import { endSession, startSession } from '../session';
import { fieldErrorMap } from './form-errors';

function credentials(form: FormData) {
  return { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
}

/** Signs in through the gateway and keeps its token in the HttpOnly session cookie. */
async function signIn(email: string, password: string): Promise<FormState | undefined> {
  const { data, error, response } = await gatewayClient().POST('/api/v1/auth/login', { body: { email, password } });
  if (!data) {
    const failure = toGatewayError(error, response.status);
    return { status: 'error', message: failure.message, fieldErrors: fieldErrorMap(failure.fieldErrors), values: { email } };
  }
  await startSession(data.accessToken, email.trim().toLowerCase(), data.expiresIn);
  return undefined;
}

export async function loginAction(_state: FormState, form: FormData): Promise<FormState> {
  const { email, password } = credentials(form);
  const failed = await signIn(email, password);
  if (failed) return failed;
  redirect(safeNext(form.get('next')));
}

export async function registerAction(_state: FormState, form: FormData): Promise<FormState> {
  const { email, password } = credentials(form);
  const { error, response } = await gatewayClient().POST('/api/v1/auth/register', { body: { email, password } });
  if (!response.ok) {
    const failure = toGatewayError(error, response.status);
    return { status: 'error', message: failure.message, fieldErrors: fieldErrorMap(failure.fieldErrors), values: { email } };
  }
  const failed = await signIn(email, password);
  if (failed) return failed;
  redirect('/campaigns/new');
}

export async function logoutAction(): Promise<void> {
  await endSession();
  redirect('/login');
}

/** Only paths of this site: `next` comes from the URL and must not send the user elsewhere. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
