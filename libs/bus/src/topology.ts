import { RetryPolicy } from '@app/config';

/**
 * Names of everything a service declares on the broker, all under one namespace so that several
 * deployments (or test runs) can share a broker without touching each other.
 *
 *   <ns>.events            durable topic exchange; its alternate exchange is <ns>.unroutable
 *   <ns>.unroutable        fanout exchange → queue <ns>.unroutable (nothing is dropped silently)
 *   <ns>.<svc>             the service's durable quorum queue, bound to the routing keys it handles
 *   <ns>.<svc>.retry.<ms>  TTL queues that dead-letter back into <ns>.<svc>
 *   <ns>.<svc>.dlq         the service's dead-letter queue, inspected and replayed by operators
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
