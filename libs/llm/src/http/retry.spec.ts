import { LlmBlockedError, LlmRateLimitedError, LlmUnavailableError } from '../errors';
import { isNetworkError, withDeadline } from './attempt';
import { RetryableFailure, backoffDelay, parseRetryAfter, retryableKind, withRetry } from './retry';

const headers = (values: Record<string, string>) => new Headers(values);

describe('retry helper', () => {
  it('classifies statuses: 429 rate limited, 408 and 5xx unavailable, other 4xx final', () => {
    expect(retryableKind(429)).toBe('rate-limited');
    expect([408, 500, 502, 503, 504].map(retryableKind)).toEqual(Array(5).fill('unavailable'));
    expect([400, 401, 403, 404, 422].map(retryableKind)).toEqual(Array(5).fill(undefined));
  });

  it('parses Retry-After as seconds, as an HTTP date, and prefers retry-after-ms', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '1' }), now)).toBe(1_000);
    expect(parseRetryAfter(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:03 GMT' }), now)).toBe(3_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(headers({}), now)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '2', 'retry-after-ms': '150' }), now)).toBe(150);
  });

  it('draws full-jitter exponential delays capped at maxDelayMs', () => {
    const options = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...options, random: () => 0.999999 }))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...options, random: () => 0.5 })).toBe(200);
  });

  it('sleeps the backoff or the Retry-After between attempts and reports the attempts', async () => {
    const sleeps: number[] = [];
    const failures = [new RetryableFailure('HTTP 503', 'unavailable', 503), new RetryableFailure('HTTP 429', 'rate-limited', 429, 1_234)];
    const result = await withRetry('p', { maxAttempts: 5, baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) }, async (n) => {
      if (n <= failures.length) throw failures[n - 1];
      return 'ok';
    });
    expect(result).toEqual({ value: 'ok', attempts: 3 });
    expect(sleeps).toEqual([50, 1_234]);
  });

  it('ends with the typed error of the last failure, carrying attempts and cause', async () => {
    const sleep = async () => undefined;
    const limited = withRetry('p', { maxAttempts: 2, baseDelayMs: 1, sleep }, async () => {
      throw new RetryableFailure('HTTP 429: slow down', 'rate-limited', 429, 10);
    });
    await expect(limited).rejects.toBeInstanceOf(LlmRateLimitedError);
    await expect(limited).rejects.toMatchObject({ attempts: 2, retryAfterMs: 10, message: 'p: HTTP 429: slow down (after 2 attempts)' });
    const down = withRetry('p', { maxAttempts: 1, baseDelayMs: 1, sleep }, async () => {
      throw new RetryableFailure('HTTP 502', 'unavailable', 502);
    });
    await expect(down).rejects.toBeInstanceOf(LlmUnavailableError);
    await expect(down).rejects.toMatchObject({ attempts: 1, status: 502 });
  });

  it('does not retry final errors, but records the attempt on them', async () => {
    let calls = 0;
    const blocked = withRetry('p', { maxAttempts: 5, baseDelayMs: 1 }, async () => {
      calls++;
      throw new LlmBlockedError('blocked', 'p', 'SAFETY');
    });
    await expect(blocked).rejects.toMatchObject({ name: 'LlmBlockedError', attempts: 1 });
    expect(calls).toBe(1);
  });
});

describe('attempt deadline', () => {
  it('aborts the attempt and reports a retryable timeout', async () => {
    let aborted = false;
    const attempt = withDeadline(30, (signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(signal.reason)))));
    await expect(attempt).rejects.toMatchObject({ name: 'RetryableFailure', kind: 'unavailable', message: 'request timed out after 30 ms' });
    expect(aborted).toBe(true);
  });

  it('recognises network failures along the cause chain', () => {
    expect(isNetworkError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }))).toBe(true);
    expect(isNetworkError(new Error('exception TypeError: fetch failed sending request'))).toBe(true);
    expect(isNetworkError(new Error('wrapped', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isNetworkError(new Error('HTTP 400'))).toBe(false);
    expect(isNetworkError('fetch failed')).toBe(false);
  });
});
