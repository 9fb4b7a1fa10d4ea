import { Envelope, HEADER } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { SpanKind, extractTraceContext, inSpan, markSpanError, tracerFor, withLogContext } from '@app/telemetry';
import type { ServiceMetrics, Tracer } from '@app/telemetry';
import { DataSource, EntityManager } from 'typeorm';
import { BusContext, DuplicateMessageError, TransactionMode } from '../nest/bus.context';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { RetryPolicy } from '@app/config';
import { topologyNames } from '../topology';
import { InboundDelivery, BusTransport, WireMessage } from '../transport/bus-transport';
import { PoisonMessageError, fromWire } from '../wire';

export type Dispatch = (envelope: Envelope, context: BusContext) => Promise<void>;
/** Called (in its own transaction, with an outbox) when a message is dead-lettered, e.g. to publish a failure event. */
export type DeadLetterHook = (envelope: Envelope, reason: string, context: BusContext) => Promise<void>;

export interface ProcessorDeps {
  service: string;
  namespace: string;
  schema: string;
  retry: RetryPolicy;
  dataSource: DataSource;
  transport: BusTransport;
  outbox: Outbox;
  relay: OutboxRelay;
  dispatch: Dispatch;
  /** Transaction mode of the handler for a routing key. */
  modeOf: (routingKey: string) => TransactionMode;
  onDeadLetter?: DeadLetterHook;
  /** The service's metrics (messages by routing key and outcome, handler duration); none in bare tests. */
  metrics?: ServiceMetrics;
}

export type Outcome = 'processed' | 'duplicate' | 'retried' | 'dead-lettered';

/**
 * The consume pipeline shared by every transport: parse → inbox dedup + handler + outbox in one
 * transaction → ack after commit. A failure is re-sent to the retry queue for its attempt (then acked);
 * after the last retry, or at once for a poison message, it goes to the dead-letter queue.
 */
export class MessageProcessor {
  private readonly logger: Logger;
  private readonly tracer: Tracer;
  private readonly names: ReturnType<typeof topologyNames>;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: ProcessorDeps) {
    this.logger = new Logger(`Bus:${deps.service}`);
    this.names = topologyNames(deps.namespace, deps.service);
    this.tracer = tracerFor(deps.service);
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once no message is being handled. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Handles one delivery in a consumer span that continues the producer's trace (its `traceparent` header),
   * with the campaign id as the log correlation id of every line written meanwhile.
   */
  async handle(delivery: InboundDelivery): Promise<Outcome | 'requeued'> {
    const { message } = delivery;
    this.inFlight += 1;
    const started = performance.now();
    let outcome: Outcome | 'requeued' = 'requeued';
    try {
      outcome = await withLogContext({ service: this.deps.service, correlationId: message.correlationId || undefined, messageId: message.messageId, routingKey: message.routingKey }, () =>
        inSpan(this.tracer, `${message.routingKey} process`, { kind: SpanKind.CONSUMER, parent: extractTraceContext(message.headers), attributes: this.spanAttributes(message) }, async (span) => {
          const result = await this.handleInSpan(delivery);
          span.setAttribute('messaging.outcome', result);
          if (result === 'dead-lettered' || result === 'requeued') markSpanError(span, result);
          return result;
        }),
      );
      return outcome;
    } finally {
      this.deps.metrics?.consumed(message.routingKey, outcome, (performance.now() - started) / 1000);
      this.inFlight -= 1;
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async handleInSpan(delivery: InboundDelivery): Promise<Outcome | 'requeued'> {
    try {
      return await this.process(delivery);
    } catch (error) {
      // Could not even retry or dead-letter (broker or database gone): hand it back to the broker.
      this.logger.error(`message ${delivery.message.messageId} handed back: ${(error as Error).message}`);
      delivery.requeue();
      return 'requeued';
    }
  }

  private spanAttributes(message: WireMessage): Record<string, string | number> {
    return {
      'messaging.system': 'rabbitmq',
      'messaging.operation.type': 'process',
      'messaging.destination.name': message.routingKey,
      'messaging.consumer.group.name': this.names.queue,
      'messaging.message.id': message.messageId,
      'messaging.message.conversation_id': message.correlationId,
      'messaging.rabbitmq.delivery.attempt': Number(message.headers[HEADER.attempt] ?? 0) + 1,
    };
  }

  private async process(delivery: InboundDelivery): Promise<Outcome> {
    let envelope: Envelope;
    try {
      envelope = fromWire(delivery.message);
    } catch (error) {
      if (!(error instanceof PoisonMessageError)) throw error;
      return this.deadLetter(delivery, `poison message: ${error.message}`);
    }
    try {
      const outcome = await this.runHandler(envelope);
      delivery.ack();
      if (outcome.published > 0) this.deps.relay.nudge();
      return outcome.duplicate ? 'duplicate' : 'processed';
    } catch (error) {
      return this.retryOrDeadLetter(delivery, envelope, describe(error));
    }
  }

  private async runHandler(envelope: Envelope): Promise<{ duplicate: boolean; published: number }> {
    const { dataSource, outbox, dispatch } = this.deps;
    const open = <T>(work: (manager: EntityManager) => Promise<T>) =>
      dataSource.transaction(async (manager) => {
        if (!(await this.recordInInbox(manager, envelope))) throw new DuplicateMessageError(envelope.messageId);
        return work(manager);
      });
    try {
      if (this.deps.modeOf(envelope.routingKey) === 'auto') {
        return await open(async (manager) => {
          const context = new BusContext(envelope, 'auto', dataSource, outbox, open, manager, this.deps.metrics);
          await dispatch(envelope, context);
          return { duplicate: false, published: context.published };
        });
      }
      if (await this.alreadyProcessed(envelope)) return { duplicate: true, published: 0 };
      const context = new BusContext(envelope, 'manual', dataSource, outbox, open, undefined, this.deps.metrics);
      await dispatch(envelope, context);
      if (!context.hasCommitted) await context.transaction(async () => undefined); // records the inbox row
      return { duplicate: false, published: context.published };
    } catch (error) {
      if (error instanceof DuplicateMessageError) return { duplicate: true, published: 0 };
      throw error;
    }
  }

  /** Inserts the inbox row; false when the message was already processed. */
  private async recordInInbox(manager: EntityManager, envelope: Envelope): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${this.deps.schema}"."inbox" ("message_id", "routing_key") VALUES ($1, $2)
       ON CONFLICT ("message_id") DO NOTHING RETURNING "message_id"`,
      [envelope.messageId, envelope.routingKey],
    );
    return inserted.length > 0;
  }

  private async alreadyProcessed(envelope: Envelope): Promise<boolean> {
    const rows: unknown[] = await this.deps.dataSource.query(`SELECT 1 FROM "${this.deps.schema}"."inbox" WHERE "message_id" = $1`, [envelope.messageId]);
    return rows.length > 0;
  }

  private async retryOrDeadLetter(delivery: InboundDelivery, envelope: Envelope, reason: string): Promise<Outcome> {
    const attempt = Number(delivery.message.headers[HEADER.attempt] ?? 0);
    const delays = this.deps.retry.delaysMs;
    if (attempt >= delays.length) return this.deadLetter(delivery, `failed ${attempt + 1} times: ${reason}`, envelope);
    const delay = delays[attempt];
    this.logger.warn(`${envelope.routingKey} ${envelope.messageId} failed (attempt ${attempt + 1}), retry in ${delay} ms: ${reason}`);
    await this.deps.transport.sendToQueue(this.names.retryQueue(delay), withHeaders(delivery.message, {
      [HEADER.attempt]: attempt + 1,
      [HEADER.error]: reason.slice(0, 1000),
    }));
    delivery.ack();
    return 'retried';
  }

  private async deadLetter(delivery: InboundDelivery, reason: string, envelope?: Envelope): Promise<Outcome> {
    this.logger.error(`dead-lettering ${delivery.message.routingKey} ${delivery.message.messageId}: ${reason}`);
    await this.deps.transport.sendToQueue(this.names.dlq, withHeaders(delivery.message, {
      [HEADER.error]: reason.slice(0, 1000),
      [HEADER.failedBy]: this.deps.service,
      [HEADER.deadLetteredAt]: new Date().toISOString(),
    }));
    delivery.ack();
    if (envelope && this.deps.onDeadLetter) await this.runDeadLetterHook(envelope, reason);
    return 'dead-lettered';
  }

  private async runDeadLetterHook(envelope: Envelope, reason: string): Promise<void> {
    const hook = this.deps.onDeadLetter!;
    try {
      const published = await this.deps.dataSource.transaction(async (manager) => {
        const context = new BusContext(envelope, 'auto', this.deps.dataSource, this.deps.outbox, (work) => work(manager), manager, this.deps.metrics);
        await hook(envelope, reason, context);
        return context.published;
      });
      if (published > 0) this.deps.relay.nudge();
    } catch (error) {
      this.logger.error(`dead-letter hook failed for ${envelope.messageId}: ${describe(error)}`);
    }
  }
}

function withHeaders(message: WireMessage, headers: Record<string, string | number>): WireMessage {
  return { ...message, headers: { ...message.headers, ...headers } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
}
