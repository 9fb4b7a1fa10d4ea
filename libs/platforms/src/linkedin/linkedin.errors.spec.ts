import type { HttpResponse } from '../http/platform-http';
import { nextUtcMidnight } from '../http/reset-signals';
import { duplicateUrnOf, linkedinError, linkedinTokenError } from './linkedin.errors';

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: new Headers(headers), text: JSON.stringify(body), body, ok: status < 300 };
}

const now = new Date('2026-11-25T17:45:00Z');

describe('linkedinError', () => {
  it.each([
    ['401 65600', response(401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 }), false, 'refresh', '65600'],
    ['403 ACCESS_DENIED', response(403, { serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: POST /rest/posts', status: 403 }), true, 'permanent', 'ACCESS_DENIED'],
    ['400 INVALID_CONTENT_OWNERSHIP', response(400, { status: 400, code: 'INVALID_CONTENT_OWNERSHIP', message: 'not owned' }), true, 'permanent', 'INVALID_CONTENT_OWNERSHIP'],
    ['422 validation', response(422, { status: 422, message: 'ERROR :: /commentary :: too long', errorDetails: { inputErrors: [{ code: 'MAX_LENGTH_EXCEEDED' }] } }), true, 'permanent', 'MAX_LENGTH_EXCEEDED'],
    ['426 inactive version', response(426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202001 is not active' }), false, 'permanent', 'NONEXISTENT_VERSION'],
    ['400 missing version', response(400, { status: 400, code: 'VERSION_MISSING', message: 'A version must be present.' }), false, 'permanent', 'VERSION_MISSING'],
    ['500 on the create', response(500, { status: 500, message: 'Internal Server Error' }), true, 'unknown', undefined],
    ['503 on the create', response(503, { status: 503, message: 'Service Unavailable' }), true, 'unknown', undefined],
    ['503 on a read', response(503, { status: 503, message: 'Service Unavailable' }), false, 'retry', undefined],
    ['404 right after a create', response(404, { status: 404, message: 'Unable to obtain activity' }), false, 'retry', undefined],
    ['404 otherwise', response(404, { status: 404, message: 'Not Found' }), false, 'permanent', undefined],
  ])('%s', (_name, res, commit, kind, code) => {
    const error = linkedinError(res, 'publish', commit, now);
    expect(error.kind).toBe(kind);
    expect(error.details.code).toBe(code);
    expect(error.details.status).toBe(res.status);
    expect(error.message).toMatch(/^LinkedIn publish: /);
  });

  it('marks DUPLICATE_POST as a permanent duplicate naming the existing post', () => {
    const body = {
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message: 'ERROR :: /commentary :: Content is a duplicate of urn:li:share:7300000000000000042\n',
      errorDetails: { inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }] },
      status: 422,
    };
    const error = linkedinError(response(422, body), 'publish', true, now);
    expect([error.kind, error.details.duplicate, error.details.code]).toEqual(['permanent', true, 'DUPLICATE_POST']);
    expect(error.message).toContain('urn:li:share:7300000000000000042');
    expect(duplicateUrnOf(body)).toBe('urn:li:share:7300000000000000042');
  });

  it('waits for 00:00 UTC on the daily quota and backs off on other 429s', () => {
    const quota = linkedinError(response(429, { status: 429, message: 'Resource level throttle limit for calls to this resource is reached.' }), 'publish', true, now);
    expect([quota.kind, quota.details.scope, quota.details.retryAt?.toISOString()]).toEqual(['retry', 'account', '2026-11-26T00:00:00.000Z']);
    expect(quota.details.retryAt).toEqual(nextUtcMidnight(now));
    const infra = linkedinError(response(429, { status: 429, message: 'Too many requests' }), 'publish', true, now);
    expect(infra.details.retryAt?.toISOString()).toBe('2026-11-25T17:46:00.000Z');
    const told = linkedinError(response(429, { status: 429, message: 'Too many requests' }, { 'retry-after': '5' }), 'publish', true, now);
    expect(told.details.retryAt?.toISOString()).toBe('2026-11-25T17:45:05.000Z');
  });
});

describe('linkedinTokenError', () => {
  it('treats a refused refresh as a dead grant and a refused code exchange as permanent', () => {
    const invalid = response(400, { error: 'invalid_grant', error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked.' });
    expect(linkedinTokenError(invalid, 'token refresh').kind).toBe('refresh');
    expect(linkedinTokenError(invalid, 'code exchange').kind).toBe('permanent');
    expect(linkedinTokenError(invalid, 'token refresh').message).toContain('invalid_grant');
  });

  it('retries 5xx and 429', () => {
    expect(linkedinTokenError(response(503, {}), 'token refresh').kind).toBe('retry');
    const limited = linkedinTokenError(response(429, {}), 'token refresh', now);
    expect([limited.kind, limited.details.retryAt?.toISOString()]).toEqual(['retry', '2026-11-26T00:00:00.000Z']);
  });
});
