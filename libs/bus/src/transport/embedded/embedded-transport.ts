import { Logger } from '@nestjs/common';
import { withTimeout } from '../../startup-error';
import { ServiceTopology, planTopology } from '../../topology';
import { BusTransport, DeliveryHandler, InboundDelivery, WireMessage } from '../bus-transport';
import { ClaimedMessage, EmbeddedBroker } from './embedded-broker';

export interface EmbeddedTransportOptions {
  /** PostgreSQL database that stores the bus (in embedded mode the services' own database). */
  databaseUrl: string;
  /** Upper bound on a publish (like waiting for a RabbitMQ confirm); none by default. */
  publishTimeoutMs?: number;
  /** Safety-net poll of each consumer's queue in ms (default 1000); wake-ups and delay timers do the real work. */
  pollIntervalMs?: number;
  /** Connections of the broker's pool (default 4); used by the first transport that starts the broker. */
  poolSize?: number;
}

/** `RABBITMQ_URL=embedded:` (or `embedded://`) selects the embedded transport. */
export function isEmbeddedBusUrl(url: string): boolean {
  return /^embedded:/i.test(url.trim());
}

/** Most rows one claim statement takes (with a large prefetch the pump claims again while it gets full batches). */
const MAX_CLAIM = 500;

interface Unsettled {
  claimed: ClaimedMessage;
  consumer?: EmbeddedConsumer;
  settled: boolean;
}

/**
 * The bus contract on the in-process {@link EmbeddedBroker}: one transport per service, all sharing the
 * process's broker for the database. Acks and requeues are fire-and-forget in the port; their database work
 * is kept so `stopConsuming()` and `close()` can await it. Closing hands unacked deliveries back, like a
 * RabbitMQ channel closing.
 */
export class EmbeddedTransport implements BusTransport {
  private readonly logger = new Logger(EmbeddedTransport.name);
  private broker?: EmbeddedBroker;
  private closed = false;
  private readonly consumers = new Set<EmbeddedConsumer>();
  private readonly unsettled = new Set<Unsettled>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: EmbeddedTransportOptions) {}

  async connect(): Promise<void> {
    if (this.closed) throw new Error('bus transport is closed');
    if (this.broker) return;
    const broker = await EmbeddedBroker.acquire(this.options.databaseUrl, { poolSize: this.options.poolSize });
    if (this.closed) {
      // close() ran while connecting (e.g. a start-up timeout): give the reference back.
      await broker.release();
      throw new Error('bus transport was closed while connecting');
    }
    this.broker = broker;
  }

  async declare(topology: ServiceTopology): Promise<void> {
    await this.requireBroker().declare(planTopology(topology));
  }

  async publish(exchange: string, message: WireMessage): Promise<void> {
    const broker = this.requireBroker();
    await this.bounded(broker.enqueue(broker.route(exchange, message.routingKey), message));
  }

  async sendToQueue(queue: string, message: WireMessage, options: { expirationMs?: number } = {}): Promise<void> {
    const broker = this.requireBroker();
    const plan = broker.queue(queue);
    if (plan.messageTtlMs !== undefined && plan.ttlTargetQueue) {
      // A delay queue: RabbitMQ would expire the message after the TTL (or its own, if shorter) and
      // dead-letter it to the target queue. Store it for the target, ready then.
      const delayMs = Math.min(plan.messageTtlMs, options.expirationMs ?? Number.POSITIVE_INFINITY);
      await this.bounded(broker.enqueue([plan.ttlTargetQueue], message, { delayMs, delayedIn: queue }));
    } else {
      const expiresInMs = options.expirationMs ?? plan.messageTtlMs;
      await this.bounded(broker.enqueue([queue], message, { expiresInMs }));
    }
  }

  async consume(queue: string, prefetch: number, handler: DeliveryHandler): Promise<void> {
    const broker = this.requireBroker();
    broker.queue(queue);
    // Prefetch 0 means unlimited, as in AMQP.
    const consumer = new EmbeddedConsumer(this, broker, queue, prefetch > 0 ? prefetch : Number.MAX_SAFE_INTEGER, handler, this.options.pollIntervalMs ?? 1_000, this.logger);
    this.consumers.add(consumer);
    consumer.start();
  }

  async stopConsuming(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await this.settled();
  }

  async get(queue: string): Promise<InboundDelivery | null> {
    const broker = this.requireBroker();
    await this.settled(); // like acks on an AMQP channel: settled before the next command on it
    for (;;) {
      const result = await broker.claim(queue, 1);
      if (result.delivered.length > 0) return this.delivery(result.delivered[0]);
      if (result.claimed === 0) return null;
    }
  }

  async messageCount(queue: string): Promise<number> {
    const broker = this.requireBroker();
    await this.settled();
    return broker.count(queue);
  }

  isConnected(): boolean {
    return this.broker !== undefined && !this.closed;
  }

  activeConsumers(): number {
    return this.isConnected() ? this.consumers.size : 0;
  }

  /** Stops consuming, hands unacked deliveries back, waits for pending acks, and releases the broker. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const broker = this.broker;
    if (!broker) return;
    await this.stopConsuming();
    for (const entry of [...this.unsettled]) this.settle(entry, (b) => b.requeue(entry.claimed), 'when-done');
    await this.settled();
    this.broker = undefined;
    await broker.release();
  }

  /** Hands a claimed message to the consumer's handler, without waiting for it (up to prefetch run at once). */
  dispatch(claimed: ClaimedMessage, consumer: EmbeddedConsumer, handler: DeliveryHandler): void {
    const delivery = this.delivery(claimed, consumer);
    void Promise.resolve()
      .then(() => handler(delivery))
      .catch((error: unknown) => this.logger.error(`handler failed for ${claimed.message.messageId} on ${claimed.queue}: ${(error as Error)?.message ?? String(error)}`));
  }

  private delivery(claimed: ClaimedMessage, consumer?: EmbeddedConsumer): InboundDelivery {
    const entry: Unsettled = { claimed, consumer, settled: false };
    this.unsettled.add(entry);
    return {
      message: claimed.message,
      redelivered: claimed.deliveries > 1,
      ack: () => this.settle(entry, (broker) => broker.ack(claimed)),
      requeue: () => this.settle(entry, (broker) => broker.requeue(claimed), 'when-done'),
    };
  }

  /**
   * Settles a delivery once: the database work runs in the background and is awaited by close(). An ack frees
   * the consumer's slot at once (the row stays locked until deleted); a requeue frees it once the message is
   * back, so the next claim takes it before later messages, as RabbitMQ redelivers a returned message first.
   */
  private settle(entry: Unsettled, work: (broker: EmbeddedBroker) => Promise<void>, freeSlot: 'now' | 'when-done' = 'now'): void {
    if (entry.settled) return;
    entry.settled = true;
    this.unsettled.delete(entry);
    const broker = this.broker;
    if (!broker) {
      entry.consumer?.freeSlot();
      return;
    }
    const done: Promise<void> = work(broker)
      .catch((error: unknown) => this.logger.error(`could not settle message ${entry.claimed.message.messageId} on ${entry.claimed.queue}: ${(error as Error).message}`))
      .finally(() => {
        this.pending.delete(done);
        if (freeSlot === 'when-done') entry.consumer?.freeSlot();
      });
    this.pending.add(done);
    if (freeSlot === 'now') entry.consumer?.freeSlot();
  }

  private async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private bounded(work: Promise<void>): Promise<void> {
    const ms = this.options.publishTimeoutMs;
    return ms ? withTimeout(work, ms, `publish not committed within ${ms} ms`) : work;
  }

  private requireBroker(): EmbeddedBroker {
    if (!this.broker || this.closed) throw new Error('bus transport is not connected');
    return this.broker;
  }
}

/**
 * One consumer: keeps up to `prefetch` deliveries in flight. It claims when woken (a message stored in or
 * handed back to its queue, a slot freed), when the next delayed message becomes ready, and on a slow poll.
 */
export class EmbeddedConsumer {
  private inFlight = 0;
  private stopped = false;
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly transport: EmbeddedTransport,
    private readonly broker: EmbeddedBroker,
    readonly queue: string,
    private readonly prefetch: number,
    private readonly handler: DeliveryHandler,
    private readonly pollIntervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribe = this.broker.subscribe(this.queue, () => this.pump());
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  freeSlot(): void {
    this.inFlight -= 1;
    this.pump();
  }

  pump(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.logger.warn(`consuming ${this.queue} failed, will retry: ${(error as Error).message}`);
        this.schedule(null);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.pump();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const wanted = Math.min(this.prefetch - this.inFlight, MAX_CLAIM);
      if (wanted <= 0) return; // a settled delivery pumps again
      this.again = false;
      const result = await this.broker.claim(this.queue, wanted);
      if (this.stopped) {
        await this.broker.unclaim(result.delivered.map((m) => m.id));
        return;
      }
      for (const claimed of result.delivered) {
        this.inFlight += 1;
        this.transport.dispatch(claimed, this, this.handler);
      }
      if (result.claimed < wanted) {
        this.schedule(result.nextReadyInMs);
        return;
      }
    }
  }

  /** Pumps again when the next delayed message is ready, or after the poll interval at the latest. */
  private schedule(nextReadyInMs: number | null): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = nextReadyInMs === null ? this.pollIntervalMs : Math.min(this.pollIntervalMs, Math.max(1, Math.ceil(nextReadyInMs)));
    this.timer = setTimeout(() => this.pump(), delay);
    this.timer.unref();
  }
}
