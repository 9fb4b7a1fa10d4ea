'use client';

import { useActionState } from 'react';
import { IDLE } from '@/lib/form-state';
import type { FormState } from '@/lib/form-state';
import { ErrorNotice, buttonClass } from '../ui';

/**
 * "Disconnect <account>": a plain form and submit button (keyboard and screen reader friendly) that asks for
 * confirmation first; the gateway's refusal is shown next to it.
 */
export function DisconnectButton({ action, accountName, platformName }: { action: (state: FormState, form: FormData) => Promise<FormState>; accountName: string; platformName: string }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  return (
    <form
      action={submit}
      onSubmit={(event) => {
        const question = `Disconnect ${accountName} (${platformName})? Its tokens are deleted and nothing more is published on it until you connect it again.`;
        if (!window.confirm(question)) event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="accountName" value={accountName} />
      <button type="submit" className={buttonClass.danger} disabled={pending}>
        {pending ? 'Disconnecting…' : `Disconnect ${accountName}`}
      </button>
      {state.status === 'error' ? <ErrorNotice title={`${accountName} was not disconnected`}>{state.message}</ErrorNotice> : null}
    </form>
  );
}
