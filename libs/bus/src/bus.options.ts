import { RetryPolicy } from '@app/config';

export interface BusOptions {
  /** Service name: names its queues and is the producer on its messages. */
  service: string;
  /** Database schema the service's inbox and outbox live in. */
  schema: string;
  namespace: string;
  /** RABBITMQ_URL: an amqp(s):// broker, or `embedded:` for the in-process broker stored in `databaseUrl`. */
  url: string;
  /** DATABASE_URL: the service's database; also the embedded broker's storage when `url` is `embedded:`. */
  databaseUrl: string;
  prefetch: number;
  publishTimeoutMs: number;
  outboxPollIntervalMs: number;
  outboxBatchSize: number;
  retry: RetryPolicy;
  /** On shutdown, how long the relay may keep publishing committed outbox rows before the connection closes. */
  shutdownFlushMs: number;
}

export const BUS_OPTIONS = Symbol('BUS_OPTIONS');
