import type { HttpResponse } from '../http/platform-http';
import { blueskyError, observeBlueskyRateLimit } from './bluesky.errors';
import { PlatformHttp, type RateLimitObservation } from '../http/platform-http';

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers(headers), text: JSON.stringify(body), body, ok: status < 300 };
}

describe('blueskyError', () => {
  it.each([
    ['400 ExpiredToken', 400, 'ExpiredToken', false, 'refresh'],
    ['400 InvalidToken', 400, 'InvalidToken', false, 'refresh'],
    ['401 AuthenticationRequired (sign-in)', 401, 'AuthenticationRequired', false, 'refresh'],
    ['401 AuthMissing', 401, 'AuthMissing', false, 'permanent'],
    ['400 InvalidRequest', 400, 'InvalidRequest', true, 'permanent'],
    ['400 BlobNotFound', 400, 'BlobNotFound', true, 'permanent'],
    ['400 AccountTakedown', 400, 'AccountTakedown', false, 'permanent'],
    ['403 Forbidden', 403, 'Forbidden', true, 'permanent'],
    ['413 PayloadTooLarge', 413, 'PayloadTooLarge', false, 'permanent'],
    ['500 on createRecord', 500, 'InternalServerError', true, 'unknown'],
    ['502 on createRecord', 502, 'UpstreamFailure', true, 'unknown'],
    ['504 on a read', 504, 'UpstreamTimeout', false, 'retry'],
    ['503 on an upload', 503, 'NotEnoughResources', false, 'retry'],
  ])('%s', (_name, status, error, commit, kind) => {
    const classified = blueskyError(response(status, { error, message: 'details' }), 'publish', commit);
    expect(classified.kind).toBe(kind);
    expect([classified.details.status, classified.details.code]).toEqual([status, error]);
    expect(classified.message).toMatch(/^Bluesky publish: .*details/);
  });

  it('waits for RateLimit-Reset (Unix seconds) on 429', () => {
    const limited = blueskyError(response(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'RateLimit-Reset': '1796000000', 'RateLimit-Remaining': '0' }), 'publish', true);
    expect([limited.kind, limited.details.scope]).toEqual(['retry', 'account']);
    expect(limited.details.retryAt?.toISOString()).toBe(new Date(1_796_000_000_000).toISOString());
  });

  it('explains the errors a user can act on', () => {
    expect(blueskyError(response(400, { error: 'BlobTooLarge', message: 'big' }), 'publish').message).toContain('2 MB');
    expect(blueskyError(response(400, { error: 'AuthFactorTokenRequired', message: 'code' }), 'sign-in').message).toContain('app password');
  });
});

describe('observeBlueskyRateLimit', () => {
  it('reports the four RateLimit headers, and nothing when they are absent', () => {
    const observed: RateLimitObservation[] = [];
    const http = new PlatformHttp({ baseUrl: 'https://bsky.social', timeoutMs: 1000, onRateLimit: (o) => observed.push(o) });
    observeBlueskyRateLimit(http, response(200, {}, { 'RateLimit-Limit': '5000', 'RateLimit-Remaining': '4997', 'RateLimit-Reset': '1796000000', 'RateLimit-Policy': '5000;w=3600' }));
    observeBlueskyRateLimit(http, response(200, {}));
    expect(observed).toEqual([{ scope: 'account', limit: 5000, remaining: 4997, resetAt: new Date(1_796_000_000_000) }]);
  });
});
