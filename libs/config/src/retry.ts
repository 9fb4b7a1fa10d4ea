/**
 * Retry policy as named data: a handler failure is retried after each delay in turn (through a TTL queue
 * that dead-letters back into the service queue); when the delays are used up the message goes to the
 * service's dead-letter queue. A message that crashes the process instead of failing is bounded by the
 * quorum queue's delivery limit and lands in the same dead-letter queue.
 */
export interface RetryPolicy {
  /** Delay before each retry; its length is the number of retries. */
  readonly delaysMs: readonly number[];
  /** Deliveries of one message (crashes included) before the broker dead-letters it. */
  readonly deliveryLimit: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [1_000, 5_000, 30_000, 120_000],
  deliveryLimit: 10,
};

export function parseRetryDelays(value: string): number[] {
  const delays = value.split(',').map((s) => Number(s.trim()));
  if (delays.length === 0 || delays.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`must be a comma-separated list of positive integers (milliseconds), got "${value}"`);
  }
  return delays;
}
