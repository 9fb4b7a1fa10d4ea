'use client';

import { useActionState } from 'react';
import { IDLE, errorsFor } from '@/lib/form-state';
import type { FormState } from '@/lib/form-state';
import { Field, buttonClass, fieldAria, inputClass } from '../ui';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

function Outcome({ state }: { state: FormState }) {
  return (
    <p role="status" className={`text-sm ${state.status === 'error' ? 'text-red-700' : 'text-green-800'}`}>
      {state.status === 'error' && state.fieldErrors && Object.keys(state.fieldErrors).length > 0 ? '' : (state.message ?? '')}
    </p>
  );
}

/** Edit the text (for a thread: its first part). Used for draft and armed posts, and to resend a failed one. */
export function TextForm({ postId, text, action, submitLabel }: { postId: string; text: string; action: Action; submitLabel: string }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  const id = `text-${postId}`;
  const errors = errorsFor(state, 'text');
  return (
    <form action={submit} className="space-y-2">
      <Field id={id} label="Text" errors={errors}>
        <textarea id={id} name="text" rows={5} defaultValue={state.values?.text ?? text} className={inputClass} {...fieldAria(id, errors)} />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}

/** A date picker in the campaign's time zone. */
export function RescheduleForm({ postId, value, timeZone, action }: { postId: string; value: string; timeZone: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  const id = `when-${postId}`;
  const errors = errorsFor(state, 'scheduledTime');
  return (
    <form action={submit} className="space-y-2">
      <Field id={id} label={`New time (${timeZone})`} errors={errors}>
        <input id={id} name="scheduledTime" type="datetime-local" required defaultValue={state.values?.scheduledTime ?? value} className={inputClass} {...fieldAria(id, errors)} />
      </Field>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? 'Saving…' : 'Reschedule'}
        </button>
        <Outcome state={state} />
      </div>
    </form>
  );
}
