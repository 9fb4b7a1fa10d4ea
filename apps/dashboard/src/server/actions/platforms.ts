'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { PLATFORM_ORDER } from '@/api/types';
import type { ConnectPlatform, Platform } from '@/api/types';
import type { FormState } from '@/lib/form-state';
import { instantOfWallTime, isTimeZone } from '@/lib/time-zone';
import { toGatewayError, userClient } from '../api';
import { fieldErrorMap } from './form-errors';
import { isUuid } from '@/lib/ids';

/** A trimmed text field, undefined when empty (the API tells "absent" from "empty"). */
function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function isPlatform(value: string | undefined): value is Platform {
  return PLATFORM_ORDER.includes(value as Platform);
}

function refresh(): void {
  revalidatePath('/platforms');
  revalidatePath('/');
}

/** A gateway refusal as form state; a 401 (token expired or revoked) ends the session instead. */
function failed(error: unknown, status: number, values: Record<string, string>): FormState {
  if (status === 401) redirect('/session-expired');
  const failure = toGatewayError(error, status);
  return { status: 'error', message: failure.message, fieldErrors: fieldErrorMap(failure.fieldErrors), values };
}

/**
 * The connect form: its submit button says what to do (`intent`):
 * - `connect`: POST /platforms/connect with the credentials the chosen platform needs;
 * - `sandbox`: the same with `sandbox: true` and no credentials (a simulated account, for a local demo);
 * - `oauth`: GET /platforms/oauth/{platform}/start, then the browser goes to the platform's authorize page.
 * Connected: back to the Platforms page, which names the new connection.
 */
export async function connectPlatformAction(_state: FormState, form: FormData): Promise<FormState> {
  const intent = text(form, 'intent') ?? 'connect';
  const platform = text(form, 'platform');
  const timeZone = text(form, 'timeZone');
  const serverUrl = text(form, 'serverUrl');
  const identifier = text(form, 'identifier');
  const expiresAtLocal = text(form, 'expiresAt');
  const values: Record<string, string> = { intent, platform: platform ?? '', timeZone: timeZone ?? '', serverUrl: serverUrl ?? '', identifier: identifier ?? '', expiresAt: expiresAtLocal ?? '' };
  if (!isPlatform(platform)) return { status: 'error', message: 'Choose a platform.', fieldErrors: { platform: ['Choose a platform'] }, values };

  if (intent === 'oauth') return startOAuth(platform, serverUrl, timeZone, values);

  let body: ConnectPlatform;
  if (intent === 'sandbox') {
    body = { platform, sandbox: true, timeZone };
  } else {
    let expiresAt: string | undefined;
    if (expiresAtLocal) {
      const zone = text(form, 'browserTimeZone');
      const instant = instantOfWallTime(expiresAtLocal, zone && isTimeZone(zone) ? zone : 'UTC');
      if (!instant) return { status: 'error', message: 'Please correct the highlighted fields.', fieldErrors: { expiresAt: ['expiresAt must be a date and time'] }, values };
      expiresAt = instant.toISOString();
    }
    body = {
      platform,
      accessToken: text(form, 'accessToken'),
      refreshToken: text(form, 'refreshToken'),
      expiresAt,
      serverUrl,
      identifier,
      appPassword: text(form, 'appPassword'),
      timeZone,
    };
  }
  const { data, error, response } = await (await userClient()).POST('/api/v1/platforms/connect', { body });
  if (!data) return failed(error, response.status, values);
  refresh();
  redirect(`/platforms?connected=${platform}&connectionId=${encodeURIComponent(data.id)}`);
}

/** Asks the gateway for the platform's authorize URL and sends the browser there; a refusal is shown in the form. */
async function startOAuth(platform: Platform, serverUrl: string | undefined, timeZone: string | undefined, values: Record<string, string>): Promise<FormState> {
  const { data, error, response } = await (await userClient()).GET('/api/v1/platforms/oauth/{platform}/start', {
    params: { path: { platform }, query: { serverUrl, timeZone } },
  });
  if (!data) {
    const state = failed(error, response.status, values);
    // "No OAuth flow / no OAuth client configured" names `platform`: it is about OAuth, not about the choice.
    const { platform: about, ...fieldErrors } = state.fieldErrors ?? {};
    const message = about?.length ? `Connect with OAuth is not available: ${about.join('; ')}` : `Connect with OAuth failed: ${state.message}`;
    return { ...state, message, fieldErrors };
  }
  let target: URL;
  try {
    target = new URL(data.authorizeUrl);
  } catch {
    return { status: 'error', message: 'Connect with OAuth failed: the gateway sent no usable authorize address.', values };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return { status: 'error', message: 'Connect with OAuth failed: the gateway sent no usable authorize address.', values };
  redirect(target.toString());
}

/** DELETE /platforms/{id}: the account's tokens are deleted; an account already gone counts as disconnected. */
export async function disconnectPlatformAction(connectionId: string, _state: FormState, form: FormData): Promise<FormState> {
  if (!isUuid(connectionId)) return { status: 'error', message: 'This account cannot be found.' };
  const { error, response } = await (await userClient()).DELETE('/api/v1/platforms/{id}', { params: { path: { id: connectionId } } });
  if (!response.ok && response.status !== 404) return failed(error, response.status, {});
  refresh();
  const name = (text(form, 'accountName') ?? 'The account').slice(0, 200);
  redirect(`/platforms?disconnected=${encodeURIComponent(name)}`);
}
