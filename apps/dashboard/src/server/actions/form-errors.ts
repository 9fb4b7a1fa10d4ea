import type { FieldError } from '../api';

/** The API's `errors` array as a map from field path to messages. */
export function fieldErrorMap(errors: FieldError[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const { field, messages } of errors) map[field] = [...(map[field] ?? []), ...messages];
  return map;
}
