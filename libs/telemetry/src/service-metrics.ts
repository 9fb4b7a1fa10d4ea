import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

export type ConsumeOutcome = 'processed' | 'duplicate' | 'retried' | 'dead-lettered' | 'requeued';

/** What the bus reports at scrape time. */
export interface BusGauges {
  outboxBacklog(): Promise<number>;
  queueDepths(): Promise<Array<{ queue: string; depth: number }>>;
}

/**
 * One service's Prometheus metrics, in a registry of its own (several services share a process in the
 * embedded mode, each serving its own `/metrics`), every series labelled with `service`.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly messagesConsumed: Counter<'routing_key' | 'outcome'>;
  readonly messagesPublished: Counter<'routing_key'>;
  readonly messagesFailed: Counter<'routing_key'>;
  readonly messagesDeadLettered: Counter<'routing_key'>;
  readonly handlerDuration: Histogram<'routing_key' | 'outcome'>;
  readonly stageDuration: Histogram<'stage' | 'outcome'>;
  readonly modelTokens: Counter<'provider' | 'model' | 'kind'>;
  readonly modelCalls: Counter<'provider' | 'model' | 'outcome'>;
  readonly postsPublished: Counter<'platform'>;
  readonly postsFailed: Counter<'platform' | 'code'>;
  private gauges?: BusGauges;

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpRequestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests served, by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.messagesConsumed = new Counter({ name: 'bus_messages_consumed_total', help: 'Messages taken from the service queue, by routing key and outcome.', labelNames: ['routing_key', 'outcome'], registers });
    this.messagesPublished = new Counter({ name: 'bus_messages_published_total', help: 'Messages published (confirmed by the broker) from the outbox, by routing key.', labelNames: ['routing_key'], registers });
    this.messagesFailed = new Counter({ name: 'bus_messages_failed_total', help: 'Handler failures (each sent to a retry queue or the dead-letter queue), by routing key.', labelNames: ['routing_key'], registers });
    this.messagesDeadLettered = new Counter({ name: 'bus_messages_dead_lettered_total', help: 'Messages moved to the dead-letter queue, by routing key.', labelNames: ['routing_key'], registers });
    this.handlerDuration = new Histogram({
      name: 'bus_handler_duration_seconds',
      help: 'Time to handle one message (transaction, handler, outbox), by routing key and outcome.',
      labelNames: ['routing_key', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.stageDuration = new Histogram({
      name: 'agent_stage_duration_seconds',
      help: 'Duration of an agent pipeline stage for one campaign, by stage and outcome.',
      labelNames: ['stage', 'outcome'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.modelTokens = new Counter({ name: 'llm_tokens_total', help: 'Model tokens used, by provider, model and kind (prompt, completion).', labelNames: ['provider', 'model', 'kind'], registers });
    this.modelCalls = new Counter({ name: 'llm_calls_total', help: 'Model calls, by provider, model and outcome.', labelNames: ['provider', 'model', 'outcome'], registers });
    this.postsPublished = new Counter({ name: 'posts_published_total', help: 'Posts published to a platform, by platform.', labelNames: ['platform'], registers });
    this.postsFailed = new Counter({ name: 'posts_failed_total', help: 'Posts that failed for good, by platform and failure code.', labelNames: ['platform', 'code'], registers });
    const metrics = this;
    new Gauge({
      name: 'bus_outbox_backlog',
      help: 'Outbox rows committed and not yet confirmed by the broker.',
      registers,
      async collect() {
        if (metrics.gauges) this.set(await metrics.gauges.outboxBacklog().catch(() => Number.NaN));
      },
    });
    new Gauge({
      name: 'bus_queue_depth',
      help: 'Messages ready in the service queue and its dead-letter queue.',
      labelNames: ['queue'],
      registers,
      async collect() {
        if (!metrics.gauges) return;
        this.reset();
        for (const { queue, depth } of await metrics.gauges.queueDepths().catch(() => [])) this.set({ queue }, depth);
      },
    });
  }

  /** Connects the scrape-time gauges to the bus (outbox backlog, queue depths). */
  observeBus(gauges: BusGauges): void {
    this.gauges = gauges;
  }

  /** One consumed message: its outcome and how long it took. */
  consumed(routingKey: string, outcome: ConsumeOutcome, seconds: number): void {
    this.messagesConsumed.inc({ routing_key: routingKey, outcome });
    this.handlerDuration.observe({ routing_key: routingKey, outcome }, seconds);
    if (outcome === 'retried' || outcome === 'dead-lettered') this.messagesFailed.inc({ routing_key: routingKey });
    if (outcome === 'dead-lettered') this.messagesDeadLettered.inc({ routing_key: routingKey });
  }

  published(routingKey: string): void {
    this.messagesPublished.inc({ routing_key: routingKey });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
