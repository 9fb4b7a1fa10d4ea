/**
 * How a platform call failed (`../shared/reference/platform-apis.md` §9.2):
 * - `retry`: safe to repeat later (429 with its reset, 5xx on a non-commit call, refused before sending);
 * - `refresh`: the credentials are the problem; refresh and retry once, else the user must reconnect;
 * - `permanent`: the request is wrong or forbidden (validation, duplicate content, permissions); never retried;
 * - `unknown`: the commit call was sent but no answer came back (timeout, dropped connection, 5xx on commit):
 *   the post may exist, so reconcile before anything is sent again.
 */
export type PlatformErrorKind = 'retry' | 'refresh' | 'permanent' | 'unknown';

export interface PlatformErrorDetails {
  /** Not before this instant (from the platform's reset signal), for `retry`. */
  retryAt?: Date;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The platform's own error code (e.g. Meta `190`, Bluesky `ExpiredToken`, LinkedIn `DUPLICATE_POST`). */
  code?: string;
  /** For a rate limit: whether it binds the account or the whole app. */
  scope?: 'account' | 'app';
  /** The platform said the same content was already posted: evidence a previous attempt went through. */
  duplicate?: boolean;
}

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: PlatformErrorDetails = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  static is(error: unknown, kind?: PlatformErrorKind): error is PlatformError {
    return error instanceof PlatformError && (kind === undefined || error.kind === kind);
  }
}
