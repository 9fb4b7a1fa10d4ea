import { RetryPolicy } from '@app/config';

/**
 * Names of everything a service declares on the broker, all under one namespace so that several
 * deployments (or test runs) can share a broker without touching each other.
 *
 *   <ns>.events            durable topic exchange; its alternate exchange is <ns>.unroutable
 *   <ns>.unroutable        fanout exchange → queue <ns>.unroutable (nothing is dropped silently)
 *   <ns>.<svc>             the service's durable quorum queue, bound to the routing keys it handles
 *   <ns>.<svc>.retry.<ms>  TTL queues that dead-letter back into <ns>.<svc>
 *   <ns>.<svc>.dlq         the service's dead-letter queue (no delivery limit), inspected and replayed by operators
 */
export interface ServiceTopology {
  namespace: string;
  service: string;
  routingKeys: string[];
  retry: RetryPolicy;
}

export const topologyNames = (namespace: string, service: string) => ({
  exchange: `${namespace}.events`,
  unroutableExchange: `${namespace}.unroutable`,
  unroutableQueue: `${namespace}.unroutable`,
  queue: `${namespace}.${service}`,
  dlq: `${namespace}.${service}.dlq`,
  retryQueue: (delayMs: number) => `${namespace}.${service}.retry.${delayMs}ms`,
});

/** An exchange of the plan: `topic` routes by pattern, `fanout` to every bound queue. */
export interface ExchangePlan {
  name: string;
  type: 'topic' | 'fanout';
  /** Where messages no binding matches go instead of being dropped. */
  alternate?: string;
}

/**
 * A durable queue of the plan. `quorum` queues are replicated on RabbitMQ and count deliveries;
 * `classic` ones are plain durable queues.
 */
export interface QueuePlan {
  name: string;
  kind: 'quorum' | 'classic';
  /** Where a message goes once it has been delivered more than `deliveryLimit` times. */
  deadLetterQueue?: string;
  deliveryLimit?: number;
  /**
   * Never dead-letter or drop a message for how often it was delivered. The DLQ needs it: reading it takes
   * letters and hands them back, which a quorum queue counts as deliveries, and RabbitMQ 4 gives quorum queues
   * a default delivery limit of 20 (past it, a queue with no dead-letter target of its own drops the message).
   */
  unlimitedDeliveries?: boolean;
  /** A delay queue: each message waits `messageTtlMs`, then moves to `ttlTargetQueue`. */
  messageTtlMs?: number;
  ttlTargetQueue?: string;
}

export interface BindingPlan {
  exchange: string;
  queue: string;
  /** Topic pattern (`*` one word, `#` zero or more); ignored by fanout exchanges. */
  pattern: string;
}

/** Everything one service declares, independent of the transport that applies it. */
export interface TopologyPlan {
  exchanges: ExchangePlan[];
  queues: QueuePlan[];
  bindings: BindingPlan[];
}

/**
 * What a service declares: the namespace's exchanges and unroutable queue (shared, declared by every
 * service), its own queue bound to its routing keys with a delivery limit that dead-letters to its DLQ,
 * the DLQ, and one delay queue per distinct retry delay that hands messages back to its queue.
 */
export function planTopology(topology: ServiceTopology): TopologyPlan {
  const names = topologyNames(topology.namespace, topology.service);
  return {
    exchanges: [
      { name: names.unroutableExchange, type: 'fanout' },
      { name: names.exchange, type: 'topic', alternate: names.unroutableExchange },
    ],
    queues: [
      { name: names.unroutableQueue, kind: 'classic' },
      { name: names.dlq, kind: 'quorum', unlimitedDeliveries: true },
      { name: names.queue, kind: 'quorum', deliveryLimit: topology.retry.deliveryLimit, deadLetterQueue: names.dlq },
      ...[...new Set(topology.retry.delaysMs)].map(
        (delay): QueuePlan => ({ name: names.retryQueue(delay), kind: 'classic', messageTtlMs: delay, ttlTargetQueue: names.queue }),
      ),
    ],
    bindings: [
      { exchange: names.unroutableExchange, queue: names.unroutableQueue, pattern: '' },
      ...topology.routingKeys.map((key): BindingPlan => ({ exchange: names.exchange, queue: names.queue, pattern: key })),
    ],
  };
}
