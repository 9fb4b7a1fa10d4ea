import type { HttpResponse } from '../http/platform-http';
import { PlatformHttp, type RateLimitObservation } from '../http/platform-http';
import { describeX, observeXRateLimit, problemType, xError, xRetryAt, xTokenError } from './x.errors';

function response(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: new Headers(headers), text, body: typeof body === 'string' ? undefined : body, ok: status >= 200 && status < 300 };
}

const problem = (status: number, title: string, detail: string, type = 'about:blank') => ({ title, detail, type, status });
const epoch = (date: Date) => String(Math.floor(date.getTime() / 1000));
const inMinutes = (minutes: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + minutes * 60_000);

describe('xError', () => {
  it.each([
    ['expired token', 401, problem(401, 'Unauthorized', 'Unauthorized'), false, 'refresh'],
    ['app-only token on a user endpoint', 403, problem(403, 'Unsupported Authentication', 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.', 'https://api.x.com/2/problems/unsupported-authentication'), false, 'refresh'],
    ['unsupported authentication by detail only', 403, problem(403, 'Forbidden', 'Unsupported Authentication'), false, 'refresh'],
    ['duplicate content', 403, problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'), true, 'permanent'],
    ['not permitted', 403, problem(403, 'Forbidden', 'You are not permitted to perform this action.'), true, 'permanent'],
    ['client forbidden', 403, problem(403, 'Client Forbidden', 'This request must be made using an approved developer account', 'https://api.twitter.com/2/problems/client-forbidden'), false, 'permanent'],
    ['invalid request', 400, { errors: [{ message: 'text is too long', parameters: { text: [] } }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.x.com/2/problems/invalid-request' }, true, 'permanent'],
    ['not found', 404, problem(404, 'Not Found Error', 'Could not find tweet', 'https://api.x.com/2/problems/resource-not-found'), false, 'permanent'],
    ['rate limited', 429, problem(429, 'Too Many Requests', 'Too Many Requests'), true, 'retry'],
    ['server error on the commit', 503, problem(503, 'Service Unavailable', 'Service Unavailable'), true, 'unknown'],
    ['server error on a read or upload', 500, 'Internal Server Error', false, 'retry'],
    ['gateway timeout on the commit', 504, undefined, true, 'unknown'],
  ])('%s → %s', (_, status, body, commit, kind) => {
    const error = xError(response(status, body), 'create the post', commit);
    expect(error.kind).toBe(kind);
    expect(error.details.status).toBe(status);
    expect(error.message).toMatch(/X/);
  });

  it('marks a duplicate-content refusal as evidence of an earlier success', () => {
    const error = xError(response(403, problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.')), 'create the post', true);
    expect(error.details).toMatchObject({ duplicate: true, code: 'duplicate-content', status: 403 });
    expect(error.message).toContain('same text');
    expect(xError(response(403, problem(403, 'Forbidden', 'You are not permitted to perform this action.')), 'create the post').details.duplicate).toBeUndefined();
  });

  it('carries the problem type suffix as the code, whatever the host of the type URI', () => {
    expect(xError(response(400, problem(400, 'Invalid Request', 'bad', 'https://api.twitter.com/2/problems/invalid-request')), 'x').details.code).toBe('invalid-request');
    expect(problemType({ type: 'https://developer.x.com/en/support/x-api/error-troubleshooting#usage-capped' })).toBe('usage-capped');
    expect(problemType({ type: 'about:blank' })).toBeUndefined();
  });

  it('says what X said: detail, else the first error message, else the raw text', () => {
    expect(describeX(response(400, { errors: [{ message: 'media_ids is invalid' }] }))).toBe('media_ids is invalid');
    expect(describeX(response(502, '<html>Bad Gateway</html>'))).toBe('<html>Bad Gateway</html>');
    expect(describeX(response(429, { errors: [{ code: 88, message: 'Rate limit exceeded' }] }))).toBe('Rate limit exceeded');
  });
});

describe('xRetryAt', () => {
  it('uses x-rate-limit-reset (epoch seconds) for an exhausted 15-minute window, scoped to the account', () => {
    const reset = inMinutes(7);
    const error = xError(response(429, problem(429, 'Too Many Requests', 'Too Many Requests'), { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': epoch(reset) }), 'create the post', true);
    expect(error.details).toMatchObject({ retryAt: reset, scope: 'account' });
  });

  it("waits for the app's 24-hour reset when that window is the exhausted one", () => {
    const daily = inMinutes(600);
    const headers = {
      'x-rate-limit-remaining': '40',
      'x-rate-limit-reset': epoch(inMinutes(5)),
      'x-app-limit-24hour-limit': '10000',
      'x-app-limit-24hour-remaining': '0',
      'x-app-limit-24hour-reset': epoch(daily),
    };
    expect(xRetryAt(response(429, {}, headers))).toEqual({ retryAt: daily, scope: 'app' });
  });

  it('waits for the latest reset when several windows are exhausted', () => {
    const user = inMinutes(300);
    const headers = { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': epoch(inMinutes(5)), 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': epoch(user) };
    expect(xRetryAt(response(429, {}, headers))).toEqual({ retryAt: user, scope: 'account' });
  });

  it('never retries a usage cap on the short window: the daily reset, else a day later', () => {
    const capped = { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: 'https://api.x.com/2/problems/usage-capped' };
    const daily = inMinutes(900);
    const withDaily = xRetryAt(response(429, capped, { 'x-rate-limit-remaining': '99', 'x-rate-limit-reset': epoch(inMinutes(3)), 'x-app-limit-24hour-remaining': '5', 'x-app-limit-24hour-reset': epoch(daily) }));
    expect(withDaily).toEqual({ retryAt: daily, scope: 'app' });
    const now = new Date('2026-03-01T10:00:00.000Z');
    expect(xRetryAt(response(429, capped, { 'x-rate-limit-reset': epoch(inMinutes(3)) }), now)).toEqual({ retryAt: new Date('2026-03-02T10:00:00.000Z'), scope: 'app' });
    expect(xError(response(429, capped), 'create the post', true).details.code).toBe('usage-capped');
  });

  it('has no retryAt when X sent no reset', () => {
    expect(xRetryAt(response(429, {}))).toEqual({ retryAt: undefined, scope: 'account' });
  });
});

describe('observeXRateLimit', () => {
  it('reports each window present, with its scope', () => {
    const observed: RateLimitObservation[] = [];
    const http = new PlatformHttp({ baseUrl: 'http://x.invalid', timeoutMs: 1000, onRateLimit: (o) => observed.push(o) });
    const [reset, userReset, appReset] = [inMinutes(15), inMinutes(1000), inMinutes(1200)];
    observeXRateLimit(
      http,
      response(201, {}, {
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '42',
        'x-rate-limit-reset': epoch(reset),
        'x-user-limit-24hour-limit': '2400',
        'x-user-limit-24hour-remaining': '2390',
        'x-user-limit-24hour-reset': epoch(userReset),
        'x-app-limit-24hour-limit': '10000',
        'x-app-limit-24hour-remaining': '9000',
        'x-app-limit-24hour-reset': epoch(appReset),
      }),
    );
    expect(observed).toEqual([
      { scope: 'account', limit: 100, remaining: 42, resetAt: reset },
      { scope: 'account', limit: 2400, remaining: 2390, resetAt: userReset },
      { scope: 'app', limit: 10000, remaining: 9000, resetAt: appReset },
    ]);
    observeXRateLimit(http, response(200, {}));
    expect(observed).toHaveLength(3);
  });
});

describe('xTokenError', () => {
  it.each([
    ['a used or revoked refresh token', 400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' }, 'token refresh', 'refresh'],
    ['an invalid grant on refresh', 400, { error: 'invalid_grant', error_description: 'expired' }, 'token refresh', 'refresh'],
    ['a bad code', 400, { error: 'invalid_request', error_description: 'Value passed for the authorization code was invalid.' }, 'code exchange', 'permanent'],
    ['a rejected client', 401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' }, 'token refresh', 'permanent'],
    ['a rate limit', 429, { title: 'Too Many Requests' }, 'token refresh', 'retry'],
    ['a server error', 503, 'Service Unavailable', 'code exchange', 'retry'],
  ] as const)('%s → %s', (_, status, body, grant, kind) => {
    const error = xTokenError(response(status, body), grant);
    expect(error.kind).toBe(kind);
    expect(error.details.status).toBe(status);
  });

  it('names the OAuth error code', () => {
    expect(xTokenError(response(400, { error: 'invalid_request', error_description: 'x' }), 'token refresh').details.code).toBe('invalid_request');
  });
});
