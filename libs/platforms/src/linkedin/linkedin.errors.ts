import type { HttpResponse } from '../http/platform-http';
import { fromRetryAfter, nextUtcMidnight } from '../http/reset-signals';
import { PlatformError } from '../platform-error';

/** LinkedIn's error body (§6.10). */
export interface LinkedInErrorBody {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  errorDetailType?: string;
  errorDetails?: { inputErrors?: Array<{ code?: string; description?: string }> };
}

/** The daily quota message; other 429s are LinkedIn protecting its infrastructure and only need a back-off. */
const DAILY_QUOTA = /throttle limit/i;
/** Back-off for a 429 that is not the daily quota (no header says how long). */
const INFRASTRUCTURE_BACKOFF_MS = 60_000;
const VERSION_CODES = new Set(['VERSION_MISSING', 'NONEXISTENT_VERSION']);
/** Transient 404s LinkedIn answers right after a create (Postiz retries them). */
const NOT_YET_VISIBLE = /unable to obtain activity|resource is forbidden/i;

/** Every error code a LinkedIn body carries: the top-level `code` and those of `errorDetails.inputErrors`. */
export function linkedinErrorCodes(body: LinkedInErrorBody | undefined): string[] {
  const codes = [body?.code, ...(body?.errorDetails?.inputErrors ?? []).map((e) => e.code)];
  return codes.filter((c): c is string => typeof c === 'string' && c.length > 0);
}

/** The post a 422 `DUPLICATE_POST` names ("…Content is a duplicate of urn:li:share:<id>"). */
export function duplicateUrnOf(body: LinkedInErrorBody | undefined): string | undefined {
  return /urn:li:(?:share|ugcPost|activity):[0-9]+/.exec(body?.message ?? '')?.[0];
}

export function isDuplicatePost(response: HttpResponse): boolean {
  const body = response.body as LinkedInErrorBody | undefined;
  return response.status === 422 && (linkedinErrorCodes(body).includes('DUPLICATE_POST') || /duplicate/i.test(body?.message ?? ''));
}

/**
 * Classifies a LinkedIn error (§6.10, §9.2): 401 → refresh; 429 → retry at the next 00:00 UTC for the daily
 * quota (LinkedIn sends no reset header), after a back-off otherwise; 422 `DUPLICATE_POST` → permanent and
 * duplicate; 403 `ACCESS_DENIED`, 400 `INVALID_CONTENT_OWNERSHIP`, an inactive `LinkedIn-Version` and other
 * 4xx → permanent; 5xx → unknown on `POST /rest/posts` (`commit`), retry elsewhere.
 */
export function linkedinError(response: HttpResponse, what: string, commit = false, now = new Date()): PlatformError {
  const body = response.body as LinkedInErrorBody | undefined;
  const status = response.status;
  const codes = linkedinErrorCodes(body);
  const code = codes[0] ?? (body?.serviceErrorCode !== undefined ? String(body.serviceErrorCode) : undefined);
  const said = describe(response, body, code);
  const fail = (kind: PlatformError['kind'], explanation: string, extra: Partial<PlatformError['details']> = {}) =>
    new PlatformError(kind, `LinkedIn ${what}: ${explanation} (${said})`, { status, code, ...extra });

  if (status === 401) return fail('refresh', 'the access token is invalid or has expired; the account must be refreshed or reconnected');
  if (status === 429) {
    if (DAILY_QUOTA.test(body?.message ?? '')) return fail('retry', 'the daily LinkedIn quota is used up; it resets at 00:00 UTC', { scope: 'account', retryAt: nextUtcMidnight(now) });
    const retryAt = fromRetryAfter(response.headers.get('retry-after'), now) ?? new Date(now.getTime() + INFRASTRUCTURE_BACKOFF_MS);
    return fail('retry', 'LinkedIn is throttling requests; trying again shortly', { scope: 'account', retryAt });
  }
  if (codes.some((c) => VERSION_CODES.has(c)) || /version .* is not active|version must be present/i.test(body?.message ?? '')) {
    return fail('permanent', 'the configured LinkedIn-Version is missing or no longer active; update the adapter configuration');
  }
  if (isDuplicatePost(response)) {
    const urn = duplicateUrnOf(body);
    return fail('permanent', `LinkedIn rejected the post as a duplicate of ${urn ?? 'an existing post'}: the same text was already posted`, { duplicate: true, code: 'DUPLICATE_POST' });
  }
  if (status >= 500) {
    return commit
      ? fail('unknown', 'LinkedIn failed while creating the post; it may have been published')
      : fail('retry', 'LinkedIn is temporarily unavailable');
  }
  if (status === 404 && !commit && NOT_YET_VISIBLE.test(body?.message ?? '')) return fail('retry', 'the post is not visible yet');
  if (status === 403) return fail('permanent', 'the connection lacks the permission for this action; reconnect and grant it', { code: code ?? 'ACCESS_DENIED' });
  if (codes.includes('INVALID_CONTENT_OWNERSHIP')) return fail('permanent', 'the image does not belong to the posting account');
  return fail('permanent', 'LinkedIn rejected the request');
}

function describe(response: HttpResponse, body: LinkedInErrorBody | undefined, code: string | undefined): string {
  const message = body?.message?.trim() || response.text.slice(0, 200) || 'no details';
  return `${response.status}${code ? ` ${code}` : ''}: ${message}`;
}

/**
 * Errors of the OAuth token endpoint (`{ error, error_description }`). A refused code exchange is permanent (the
 * user must start over); a refused refresh means the grant is dead (kind `refresh`: reconnect); 429/5xx retry.
 */
export function linkedinTokenError(response: HttpResponse, grant: 'code exchange' | 'token refresh', now = new Date()): PlatformError {
  const body = response.body as { error?: string; error_description?: string } | undefined;
  const status = response.status;
  const said = body?.error ? `${body.error}${body.error_description ? `: ${body.error_description}` : ''}` : response.text.slice(0, 200) || 'no details';
  const message = `LinkedIn ${grant}: ${status} ${said}`;
  if (status === 429) return new PlatformError('retry', message, { status, code: body?.error, retryAt: nextUtcMidnight(now), scope: 'app' });
  if (status >= 500) return new PlatformError('retry', message, { status, code: body?.error });
  return new PlatformError(grant === 'token refresh' ? 'refresh' : 'permanent', message, { status, code: body?.error });
}
