/** What a Server Action behind a form answers: a message, and the API's validation errors by field. */
export interface FormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** Field path (as the API names it: `name`, `targetPlatforms`, `contentThemes.0`) → messages. */
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, to put back in the form after an error. */
  values?: Record<string, string>;
}

export const IDLE: FormState = { status: 'idle' };

/** The messages for `field`, including those of its items (`contentThemes.0` under `contentThemes`). */
export function errorsFor(state: FormState, field: string): string[] {
  const errors = state.fieldErrors ?? {};
  return Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages);
}
