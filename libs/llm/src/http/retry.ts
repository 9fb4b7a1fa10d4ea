import { setTimeout as sleepFor } from 'node:timers/promises';
import { LlmError, LlmRateLimitedError, LlmUnavailableError } from '../errors';

/**
 * The retry loop shared by the real providers (the SDK's own retries stay off so every HTTP attempt is
 * counted here): exponential backoff with full jitter on 408/429/5xx, network errors and timeouts, honouring
 * the server's Retry-After when it sends one.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before retry n is random(0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs?: number;
  /** A longer Retry-After ends the loop at once: the bus retry queue is the better place to wait that long. */
  maxRetryAfterMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_MAX_DELAY_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

export type FailureKind = 'rate-limited' | 'unavailable';

/** Thrown by one attempt when it failed in a way worth trying again. */
export class RetryableFailure extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableFailure';
  }
}

/** The failure kind of an HTTP status: 429 rate limited, 408 and 5xx unavailable, anything else final. */
export function retryableKind(status: number): FailureKind | undefined {
  if (status === 429) return 'rate-limited';
  if (status === 408 || status >= 500) return 'unavailable';
  return undefined;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. `retry-after-ms` (OpenAI) wins when present. */
export function parseRetryAfter(headers: { get(name: string): string | null }, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffDelay(retry: number, options: RetryOptions): number {
  const cap = Math.min(options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round((options.random ?? Math.random)() * cap);
}

export interface Retried<T> {
  value: T;
  attempts: number;
}

/**
 * Runs `attempt` until it succeeds, throws something other than a RetryableFailure, or the attempts run out;
 * then throws LlmRateLimitedError / LlmUnavailableError. Every LlmError leaving here carries `attempts`.
 */
export async function withRetry<T>(provider: string, options: RetryOptions, attempt: (n: number) => Promise<T>): Promise<Retried<T>> {
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const maxRetryAfter = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  for (let n = 1; ; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error) {
      if (!(error instanceof RetryableFailure)) {
        if (error instanceof LlmError) error.attempts = n;
        throw error;
      }
      const tooLong = error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfter;
      if (n >= options.maxAttempts || tooLong) throw finalError(provider, error, n);
      await sleep(error.retryAfterMs ?? backoffDelay(n, options));
    }
  }
}

function finalError(provider: string, failure: RetryableFailure, attempts: number): LlmError {
  const message = `${provider}: ${failure.message} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
  const error =
    failure.kind === 'rate-limited'
      ? new LlmRateLimitedError(message, provider, failure.retryAfterMs)
      : new LlmUnavailableError(message, provider, failure.status);
  error.attempts = attempts;
  error.cause = failure;
  return error;
}
