import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { fromEpochSeconds, intHeader } from '../http/reset-signals';
import { PlatformError } from '../platform-error';

/** X's rate-limit header families (§2.9): the 15-minute window and the two 24-hour windows. */
const WINDOWS = [
  { prefix: 'x-rate-limit', scope: 'account', daily: false },
  { prefix: 'x-user-limit-24hour', scope: 'account', daily: true },
  { prefix: 'x-app-limit-24hour', scope: 'app', daily: true },
] as const;

interface Window {
  scope: 'account' | 'app';
  daily: boolean;
  limit?: number;
  remaining?: number;
  resetAt?: Date;
}

function windowsOf(response: HttpResponse): Window[] {
  return WINDOWS.map(({ prefix, scope, daily }) => ({
    scope,
    daily,
    limit: intHeader(response.headers.get(`${prefix}-limit`)),
    remaining: intHeader(response.headers.get(`${prefix}-remaining`)),
    resetAt: fromEpochSeconds(response.headers.get(`${prefix}-reset`)),
  })).filter((w) => w.remaining !== undefined || w.resetAt !== undefined);
}

/** Reports every rate-limit window a response announces (resets are Unix seconds). */
export function observeXRateLimit(http: PlatformHttp, response: HttpResponse): void {
  for (const { scope, limit, remaining, resetAt } of windowsOf(response)) http.observeRateLimit({ scope, limit, remaining, resetAt });
}

/** The suffix of a problem-details `type` URI (`https://api.x.com/2/problems/usage-capped` → `usage-capped`). */
export function problemType(body: unknown): string | undefined {
  const type = (body as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || type === 'about:blank') return undefined;
  return type.split(/[/#]/).pop() || undefined;
}

/** What X said, for the message: `detail`, else `title`, else the first `errors[].message`. */
export function describeX(response: HttpResponse): string {
  const body = response.body as { detail?: string; title?: string; errors?: { message?: string; detail?: string }[]; error_description?: string; error?: string } | undefined;
  const first = body?.errors?.find((e) => e.message || e.detail);
  return body?.detail ?? body?.error_description ?? first?.message ?? first?.detail ?? body?.title ?? body?.error ?? (response.text.slice(0, 200) || 'no details');
}

function isDuplicate(response: HttpResponse): boolean {
  return /duplicate content/i.test(describeX(response));
}

function isUnsupportedAuth(response: HttpResponse): boolean {
  return problemType(response.body) === 'unsupported-authentication' || /unsupported authentication/i.test(describeX(response));
}

/**
 * When a 429 lifts: the latest reset among the windows the response shows exhausted (all of them must reset),
 * else the 15-minute window's reset. A `usage-capped` 429 is a billing cap: it lifts at a 24-hour reset (or a
 * day from now when X sends none), never on a short timer.
 */
export function xRetryAt(response: HttpResponse, now = new Date()): { retryAt?: Date; scope: 'account' | 'app' } {
  const windows = windowsOf(response).filter((w) => w.resetAt);
  const latest = (candidates: Window[]) => candidates.reduce<Window | undefined>((a, b) => (!a || b.resetAt! > a.resetAt! ? b : a), undefined);
  if (problemType(response.body) === 'usage-capped') {
    const daily = latest(windows.filter((w) => w.daily && w.remaining === 0)) ?? latest(windows.filter((w) => w.daily));
    return daily ? { retryAt: daily.resetAt, scope: daily.scope } : { retryAt: new Date(now.getTime() + 86_400_000), scope: 'app' };
  }
  const binding = latest(windows.filter((w) => w.remaining === 0)) ?? windows.find((w) => !w.daily);
  return { retryAt: binding?.resetAt, scope: binding?.scope ?? 'account' };
}

/**
 * X's error classes (§2.10, §9.2): 401 and 403 "Unsupported Authentication" → refresh; 403 duplicate →
 * permanent with `duplicate` (evidence an earlier attempt went through); other 4xx → permanent; 429 → retry
 * at the binding window's reset; 5xx → unknown on the commit (`POST /2/tweets`), retry elsewhere.
 */
export function xError(response: HttpResponse, what: string, commit = false): PlatformError {
  const status = response.status;
  const said = describeX(response);
  const code = problemType(response.body);
  const base = { status, ...(code ? { code } : {}) };
  if (status === 401) return new PlatformError('refresh', `X did not accept the access token while trying to ${what}: it expired or was revoked (401 ${said})`, base);
  if (status === 403 && isUnsupportedAuth(response)) {
    return new PlatformError('refresh', `X refused the token type while trying to ${what}: it needs a user token, reconnect the account (403 ${said})`, base);
  }
  if (status === 403 && isDuplicate(response)) {
    return new PlatformError('permanent', `X refused to ${what}: the account already has a post with the same text (403 ${said})`, { ...base, code: code ?? 'duplicate-content', duplicate: true });
  }
  if (status === 429) {
    const { retryAt, scope } = xRetryAt(response);
    const capped = code === 'usage-capped';
    const why = capped ? 'the app used up its X API usage allowance' : `X's ${scope === 'app' ? 'app-wide' : "account's"} rate limit is reached`;
    return new PlatformError('retry', `Could not ${what}: ${why}; try again${retryAt ? ` after ${retryAt.toISOString()}` : ' later'} (429 ${said})`, { ...base, retryAt, scope });
  }
  if (status >= 500) {
    return commit
      ? new PlatformError('unknown', `X had a server error (${status} ${said}) after the request to ${what} was sent; the post may or may not be live`, base)
      : new PlatformError('retry', `X had a temporary server error while trying to ${what} (${status} ${said})`, base);
  }
  return new PlatformError('permanent', `X refused to ${what} (${status} ${said})`, base);
}

/**
 * Errors of the token endpoint (`POST /2/oauth2/token`, `{ error, error_description }`). On a refresh, a
 * rejected grant (400 `invalid_request` / `invalid_grant`: the refresh token was used, revoked or expired)
 * means the user must reconnect; a rejected client (401) is a configuration problem.
 */
export function xTokenError(response: HttpResponse, grant: 'code exchange' | 'token refresh'): PlatformError {
  const status = response.status;
  const error = (response.body as { error?: string } | undefined)?.error;
  const base = { status, ...(error ? { code: error } : {}) };
  const said = describeX(response);
  if (status === 429 || status >= 500) {
    return new PlatformError('retry', `X ${grant} failed temporarily (${status} ${said})`, { ...base, ...(status === 429 ? xRetryAt(response) : {}) });
  }
  if (grant === 'token refresh' && status === 400) {
    return new PlatformError('refresh', `X no longer accepts the stored refresh token; reconnect the account (${status} ${said})`, base);
  }
  return new PlatformError('permanent', `X ${grant} was refused (${status} ${said})`, base);
}
