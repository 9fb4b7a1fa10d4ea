'use client';

import { useActionState } from 'react';
import type { ReactNode } from 'react';
import { IDLE } from '@/lib/form-state';
import type { FormState } from '@/lib/form-state';
import { buttonClass } from '../ui';

/** A one-button form for a Server Action (execute, cancel), with its outcome announced next to it. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = 'secondary',
  confirm,
  children,
}: {
  action: (state: FormState) => Promise<FormState>;
  label: string;
  pendingLabel: string;
  variant?: keyof typeof buttonClass;
  confirm?: string;
  children?: ReactNode;
}) {
  const [state, submit, pending] = useActionState(action, IDLE);
  return (
    <form
      action={submit}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
      className="inline-flex flex-col gap-1"
    >
      {children}
      <button type="submit" className={buttonClass[variant]} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <p role="status" className={`text-xs ${state.status === 'error' ? 'text-red-700' : 'text-green-800'}`}>
        {state.message ?? ''}
      </p>
    </form>
  );
}
