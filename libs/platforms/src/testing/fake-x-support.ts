import type { FakeResponse } from './fake-platform-server';

/** X problem-details bodies (§2.10), served as `application/problem+json`. */
export const X_PROBLEMS = 'https://api.x.com/2/problems/';

export function xProblem(status: number, title: string, detail: string, type = 'about:blank', extras: Record<string, unknown> = {}): FakeResponse {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { title, detail, type, status, ...extras } };
}

/** 400 `invalid-request`, with the per-parameter `errors[]` X lists. */
export function xInvalid(message: string, parameters: Record<string, unknown[]> = {}): FakeResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    body: { errors: [{ parameters, message }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: `${X_PROBLEMS}invalid-request` },
  };
}

export const X_UNAUTHORIZED = (): FakeResponse => xProblem(401, 'Unauthorized', 'Unauthorized');
export const X_DUPLICATE = (): FakeResponse => xProblem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
export const X_TOO_MANY = (): FakeResponse => xProblem(429, 'Too Many Requests', 'Too Many Requests');
export const X_USAGE_CAPPED = (): FakeResponse => ({
  status: 429,
  headers: { 'content-type': 'application/problem+json' },
  body: { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Monthly product cap', type: `${X_PROBLEMS}usage-capped`, period: 'Monthly', scope: 'Product' },
});
export const X_APP_ONLY_FORBIDDEN = (): FakeResponse =>
  xProblem(
    403,
    'Unsupported Authentication',
    'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
    `${X_PROBLEMS}unsupported-authentication`,
  );

/** Per-user limits per 15 minutes (§2.8), keyed `METHOD /path` as the fake's routes are. */
export const X_USER_LIMITS_15MIN: Record<string, number> = {
  'POST /2/tweets': 100,
  'DELETE /2/tweets/:id': 50,
  'GET /2/tweets/:id': 900,
  'GET /2/tweets': 5000,
  'GET /2/users/:id/tweets': 900,
  'GET /2/users/me': 75,
  'GET /2/users/:id': 900,
  'POST /2/media/upload': 500,
  'GET /2/media/upload': 1000,
  'POST /2/media/upload/initialize': 1875,
  'POST /2/media/upload/:id/append': 1875,
  'POST /2/media/upload/:id/finalize': 1875,
  'POST /2/media/metadata': 500,
};

/** Per-app limits per 24 hours (§2.8); these endpoints also send `x-app-limit-24hour-*`. */
export const X_APP_LIMITS_24H: Record<string, number> = {
  'POST /2/tweets': 10_000,
  'POST /2/media/upload': 50_000,
  'GET /2/media/upload': 100_000,
  'POST /2/media/upload/initialize': 180_000,
  'POST /2/media/upload/:id/append': 180_000,
  'POST /2/media/upload/:id/finalize': 180_000,
  'POST /2/media/metadata': 50_000,
};

/** Per-user limits per 24 hours, sent as `x-user-limit-24hour-*` (values unconfirmed; 2,400 posts a day is X's long-standing figure). */
export const X_USER_LIMITS_24H: Record<string, number> = { 'POST /2/tweets': 2_400 };

const WINDOW_15MIN = 15 * 60_000;
const WINDOW_24H = 24 * 3_600_000;

interface Counter {
  start: number;
  used: number;
}

interface WindowState {
  header: string;
  key: string;
  limit: number;
  windowMs: number;
  counter: Counter;
}

/**
 * X's rate-limit windows as a fake keeps them: each starts at its first request and lasts 15 minutes or
 * 24 hours; every answer carries the window's `*-limit`, `*-remaining` and `*-reset` (Unix seconds). A
 * request that finds any of its windows used up is refused without counting against the others.
 */
export class FakeXRateLimits {
  readonly user15min = { ...X_USER_LIMITS_15MIN };
  readonly user24h = { ...X_USER_LIMITS_24H };
  readonly app24h = { ...X_APP_LIMITS_24H };
  private readonly counters = new Map<string, Counter>();

  /** Counts one request of `subject` (a user id, or `app` for app-only tokens) to `endpoint`. */
  take(subject: string, endpoint: string, now = Date.now()): { headers: Record<string, string>; exhausted: boolean } {
    const windows = [
      this.window('x-rate-limit', `${subject}|${endpoint}|15m`, this.user15min[endpoint], WINDOW_15MIN, now),
      this.window('x-user-limit-24hour', `${subject}|${endpoint}|24h`, this.user24h[endpoint], WINDOW_24H, now),
      this.window('x-app-limit-24hour', `app|${endpoint}|24h`, this.app24h[endpoint], WINDOW_24H, now),
    ].filter((w): w is WindowState => w !== undefined);
    const exhausted = windows.some((w) => w.counter.used >= w.limit);
    const headers: Record<string, string> = {};
    for (const w of windows) {
      if (!exhausted) w.counter.used += 1;
      this.counters.set(w.key, w.counter);
      headers[`${w.header}-limit`] = String(w.limit);
      headers[`${w.header}-remaining`] = String(Math.max(0, w.limit - w.counter.used));
      headers[`${w.header}-reset`] = String(Math.ceil((w.counter.start + w.windowMs) / 1000));
    }
    return { headers, exhausted };
  }

  /** Forgets every counter (a new window for everyone). */
  reset(): void {
    this.counters.clear();
  }

  private window(header: string, key: string, limit: number | undefined, windowMs: number, now: number): WindowState | undefined {
    if (limit === undefined) return undefined;
    const current = this.counters.get(key);
    const counter = current && now < current.start + windowMs ? current : { start: now, used: 0 };
    return { header, key, limit, windowMs, counter };
  }
}
