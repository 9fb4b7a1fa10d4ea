import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { fromIsoInstant, intHeader } from '../http/reset-signals';
import { PlatformError } from '../platform-error';

/** Reads Mastodon's `X-RateLimit-*` headers (the reset is an ISO 8601 instant, not epoch seconds). */
export function observeMastodonRateLimit(http: PlatformHttp, response: HttpResponse): void {
  const resetAt = fromIsoInstant(response.headers.get('x-ratelimit-reset'));
  const remaining = intHeader(response.headers.get('x-ratelimit-remaining'));
  if (resetAt === undefined && remaining === undefined) return;
  http.observeRateLimit({ scope: 'account', limit: intHeader(response.headers.get('x-ratelimit-limit')), remaining, resetAt });
}

/**
 * Mastodon's error classes (§8.9): 401 means the token was revoked (there is no refresh, so the user must
 * reconnect); 403/404/422 are permanent; 429 waits for `X-RateLimit-Reset`; 5xx on the status create is an
 * unknown outcome (safe to resend only with the same Idempotency-Key), elsewhere a retry.
 */
export function mastodonError(response: HttpResponse, what: string, commit = false): PlatformError {
  const message = `Mastodon ${what}: ${response.status} ${describe(response)}`;
  const status = response.status;
  if (status === 401) return new PlatformError('refresh', message, { status });
  if (status === 429) {
    return new PlatformError('retry', message, { status, scope: 'account', retryAt: fromIsoInstant(response.headers.get('x-ratelimit-reset')) });
  }
  if (status >= 500) return new PlatformError(commit ? 'unknown' : 'retry', message, { status });
  return new PlatformError('permanent', message, { status });
}

function describe(response: HttpResponse): string {
  const body = response.body as { error?: string; error_description?: string } | undefined;
  if (body?.error) return body.error_description ? `${body.error}: ${body.error_description}` : body.error;
  return response.text.slice(0, 200) || 'no details';
}
