import { Envelope } from '@app/contracts';
import { Logger } from '@nestjs/common';
import type { ServiceMetrics } from '@app/telemetry';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { DeadLetterHook, MessageProcessor } from '../consumer/message-processor';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { BusOptions } from '../bus.options';
import { topologyNames } from '../topology';
import { BusTransport } from '../transport/bus-transport';
import { BusContext, TransactionMode } from './bus.context';

/**
 * Nest transport strategy over the bus: every `@EventPattern(Events.X)` handler of the service becomes a
 * binding of the service's queue, and each delivery runs through the MessageProcessor (inbox, transaction,
 * outbox, ack after commit, retry and dead-letter).
 */
export class BusServer extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  private readonly log = new Logger(BusServer.name);
  private processor?: MessageProcessor;
  private deadLetterHook?: DeadLetterHook;

  constructor(
    private readonly options: BusOptions,
    private readonly transport: BusTransport,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly metrics?: ServiceMetrics,
  ) {
    super();
  }

  /** Registers what happens after a message of this service is dead-lettered (e.g. publish campaign.failed). */
  setDeadLetterHook(hook: DeadLetterHook): void {
    this.deadLetterHook = hook;
  }

  /** Routing keys this service consumes (its `@EventPattern` handlers). */
  routingKeys(): string[] {
    return [...this.messageHandlers.keys()];
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const routingKeys = this.routingKeys();
      const names = topologyNames(this.options.namespace, this.options.service);
      await this.transport.declare({ namespace: this.options.namespace, service: this.options.service, routingKeys, retry: this.options.retry });
      this.relay.start();
      this.processor = new MessageProcessor({
        ...this.options,
        dataSource: this.dataSource,
        transport: this.transport,
        outbox: this.outbox,
        relay: this.relay,
        dispatch: (envelope, context) => this.dispatch(envelope, context),
        modeOf: (routingKey) => this.transactionMode(routingKey),
        onDeadLetter: this.deadLetterHook,
        metrics: this.metrics,
      });
      if (routingKeys.length > 0) {
        const processor = this.processor;
        await this.transport.consume(names.queue, this.options.prefetch, (delivery) => processor.handle(delivery).then(() => undefined));
        this.log.log(`consuming ${names.queue} for ${routingKeys.join(', ')}`);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops consuming and waits for in-flight handlers; the relay keeps running until `close`. */
  async drain(): Promise<void> {
    await this.transport.stopConsuming();
    await this.processor?.idle();
  }

  /**
   * Stops consuming. In-flight handlers were given the grace period before this (Readiness drains first, within
   * SHUTDOWN_GRACE_MS); any still running are not waited for: closing the connection hands their messages
   * back to the broker, and the inbox drops the copy should one still commit.
   */
  async close(): Promise<void> {
    await this.transport.stopConsuming();
    await this.relay.stop();
  }

  on(): never {
    throw new Error('BusServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.transport as T;
  }

  private transactionMode(routingKey: string): TransactionMode {
    const extras = (this.getHandlerByPattern(routingKey) as { extras?: { transaction?: TransactionMode } } | null)?.extras;
    return extras?.transaction === 'manual' ? 'manual' : 'auto';
  }

  private async dispatch(envelope: Envelope, context: BusContext): Promise<void> {
    const handler = this.getHandlerByPattern(envelope.routingKey);
    if (!handler) throw new Error(`no handler for ${envelope.routingKey}`);
    const result: unknown = await handler(envelope, context);
    await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }
}
