import { RetryableFailure } from './retry';

/**
 * Runs one HTTP attempt under its own deadline: `run` gets a signal that aborts after `timeoutMs`.
 * A timeout or a network failure becomes a RetryableFailure ('unavailable'); other errors pass through.
 */
export async function withDeadline<T>(timeoutMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (timedOut) throw new RetryableFailure(`request timed out after ${timeoutMs} ms`, 'unavailable');
    if (isNetworkError(error)) throw new RetryableFailure(`network error: ${describe(error)}`, 'unavailable');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * fetch (undici) reports connection failures as `TypeError: fetch failed` with the system error as cause; the
 * SDK may wrap that once more. Duck-typed along the cause chain, because errors can come from another realm
 * (e.g. under Jest) where `instanceof Error` is false.
 */
export function isNetworkError(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause as ErrorLike | undefined, depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.test(e.code)) return true;
    if (typeof e.message === 'string' && /fetch failed|socket hang up|other side closed|terminated/i.test(e.message)) return true;
  }
  return false;
}

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e = error as ErrorLike | undefined, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause as ErrorLike | undefined, depth++) {
    if (typeof e.message === 'string' && e.message) messages.push(e.message);
  }
  return messages.join(': ') || String(error);
}
