import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { fromEpochSeconds, fromRetryAfter, intHeader } from '../http/reset-signals';
import { PlatformError } from '../platform-error';

/** Reads the xrpc-server `RateLimit-*` headers (the reset is Unix seconds); PDS write limits are per account (DID). */
export function observeBlueskyRateLimit(http: PlatformHttp, response: HttpResponse): void {
  const remaining = intHeader(response.headers.get('ratelimit-remaining'));
  const resetAt = fromEpochSeconds(response.headers.get('ratelimit-reset'));
  if (remaining === undefined && resetAt === undefined) return;
  http.observeRateLimit({ scope: 'account', limit: intHeader(response.headers.get('ratelimit-limit')), remaining, resetAt });
}

const TOKEN_ERRORS = new Set(['ExpiredToken', 'InvalidToken']);
const ACCOUNT_STATES = new Set(['AccountTakedown', 'AccountDeactivated', 'AccountSuspended']);

const EXPLANATIONS: Record<string, string> = {
  ExpiredToken: 'the session has expired; it must be refreshed',
  InvalidToken: 'the session token is not valid; it must be refreshed or the account reconnected',
  AuthenticationRequired: 'Bluesky refused the credentials; reconnect the account with a new app password',
  AuthMissing: 'the request carried no credentials',
  AuthFactorTokenRequired: 'the account asks for an email code: connect it with an app password instead of the main password',
  AccountTakedown: 'the Bluesky account has been taken down',
  AccountDeactivated: 'the Bluesky account is deactivated',
  RateLimitExceeded: 'Bluesky rate limit reached',
  PayloadTooLarge: 'the file is too large for Bluesky',
  BlobTooLarge: 'an image is too large for Bluesky (2 MB at most)',
  BlobNotFound: 'an uploaded image is no longer on the server; upload it again',
};

/**
 * Bluesky's error classes (§7.9, §9.2): 400 `ExpiredToken` / `InvalidToken` → refresh (not 401!); 401
 * `AuthenticationRequired` (wrong app password, or a repo of another account) → refresh, i.e. reconnect; 401
 * `AuthMissing`, 400 `InvalidRequest`, 403, 413 and account states → permanent; 429 → retry at `RateLimit-Reset`;
 * 5xx → unknown on `createRecord` (`commit`), retry elsewhere.
 */
export function blueskyError(response: HttpResponse, what: string, commit = false, now = new Date()): PlatformError {
  const body = response.body as { error?: string; message?: string } | undefined;
  const status = response.status;
  const code = body?.error;
  const said = `${status}${code ? ` ${code}` : ''}: ${body?.message ?? (response.text.slice(0, 200) || 'no details')}`;
  const fail = (kind: PlatformError['kind'], explanation: string, extra: Partial<PlatformError['details']> = {}) =>
    new PlatformError(kind, `Bluesky ${what}: ${explanation} (${said})`, { status, code, ...extra });
  const explained = (fallback: string) => (code && EXPLANATIONS[code]) || fallback;

  if (status === 429) {
    const retryAt = fromEpochSeconds(response.headers.get('ratelimit-reset')) ?? fromRetryAfter(response.headers.get('retry-after'), now);
    return fail('retry', explained('Bluesky rate limit reached'), { scope: 'account', retryAt });
  }
  if (code && TOKEN_ERRORS.has(code)) return fail('refresh', explained(''));
  if (code && ACCOUNT_STATES.has(code)) return fail('permanent', explained(''));
  if (status === 401 && code !== 'AuthMissing') return fail('refresh', EXPLANATIONS.AuthenticationRequired);
  if (status >= 500) return commit ? fail('unknown', 'the server failed while creating the post; it may exist') : fail('retry', 'the server is temporarily unavailable');
  if (status === 403) return fail('permanent', 'Bluesky forbids this action for the account');
  return fail('permanent', explained('Bluesky rejected the request'));
}
