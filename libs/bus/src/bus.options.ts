import { RetryPolicy } from '@app/config';

export interface BusOptions {
  /** Service name: names its queues and is the producer on its messages. */
  service: string;
  /** Database schema the service's inbox and outbox live in. */
  schema: string;
  namespace: string;
  url: string;
  prefetch: number;
  publishTimeoutMs: number;
  outboxPollIntervalMs: number;
  outboxBatchSize: number;
  retry: RetryPolicy;
}

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');
