'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { IDLE, errorsFor } from '@/lib/form-state';
import type { FormState } from '@/lib/form-state';
import { ErrorNotice, Field, buttonClass, fieldAria, inputClass } from './ui';

interface Props {
  mode: 'login' | 'register';
  action: (state: FormState, form: FormData) => Promise<FormState>;
  next?: string;
  notice?: string;
}

export function AuthForm({ mode, action, next, notice }: Props) {
  const [state, submit, pending] = useActionState(action, IDLE);
  const emailErrors = errorsFor(state, 'email');
  const passwordErrors = errorsFor(state, 'password');
  const title = mode === 'login' ? 'Sign in' : 'Create your account';
  return (
    <form action={submit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">{title}</h1>
      {notice ? <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">{notice}</p> : null}
      {state.status === 'error' && !state.fieldErrors?.email && !state.fieldErrors?.password ? <ErrorNotice title={state.message} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="email" label="Email" errors={emailErrors}>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} className={inputClass} {...fieldAria('email', emailErrors)} />
      </Field>
      <Field id="password" label="Password" hint={mode === 'register' ? 'At least 8 characters.' : undefined} errors={passwordErrors}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
          required
          className={inputClass}
          {...fieldAria('password', passwordErrors, mode === 'register')}
        />
      </Field>
      <button type="submit" className={`${buttonClass.primary} w-full`} disabled={pending}>
        {pending ? 'Please wait…' : title}
      </button>
      <p className="text-center text-sm text-slate-600">
        {mode === 'login' ? (
          <>
            New here? <Link href="/register" className={buttonClass.link}>Create an account</Link>
          </>
        ) : (
          <>
            Already registered? <Link href="/login" className={buttonClass.link}>Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}
