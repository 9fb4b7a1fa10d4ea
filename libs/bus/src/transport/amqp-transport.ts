import { Logger } from '@nestjs/common';
import amqp, { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { Options } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage, GetMessage, MessageProperties } from 'amqplib';
import { QueuePlan, ServiceTopology, planTopology } from '../topology';
import { BusTransport, DeliveryHandler, InboundDelivery, WireMessage } from './bus-transport';

export interface AmqpTransportOptions {
  url: string;
  publishTimeoutMs: number;
  /** Name shown in the broker's connection list. */
  connectionName: string;
}

/**
 * RabbitMQ through amqp-connection-manager: one connection, one confirm channel for publishing and one
 * for consuming, both re-created (with their topology and consumers) after a reconnect. Acks are only sent
 * on the channel a message came from: after a reconnect the broker redelivers, and the inbox drops the copy.
 */
export class AmqpTransport implements BusTransport {
  private readonly logger = new Logger(AmqpTransport.name);
  private connection?: AmqpConnectionManager;
  private publisher?: ChannelWrapper;
  private consumer?: ChannelWrapper;
  private consumerChannel?: Channel;
  private wantedConsumers = 0;

  constructor(private readonly options: AmqpTransportOptions) {}

  async connect(): Promise<void> {
    const connection = amqp.connect([this.options.url], {
      heartbeatIntervalInSeconds: 10,
      reconnectTimeInSeconds: 1,
      connectionOptions: { clientProperties: { connection_name: this.options.connectionName } },
    });
    connection.on('connect', () => this.logger.log('connected to RabbitMQ'));
    connection.on('disconnect', ({ err }) => this.logger.warn(`disconnected from RabbitMQ: ${err?.message ?? 'closed'}`));
    this.connection = connection;
    this.publisher = connection.createChannel({ name: 'publisher', confirm: true });
    this.consumer = connection.createChannel({
      name: 'consumer',
      confirm: true,
      setup: (channel: Channel) => {
        this.consumerChannel = channel;
      },
    });
    // Setup failures (a queue redeclared with other arguments, say) are logged, not thrown (an unhandled 'error'
    // would crash the process). A channel the broker closes (our consumer cancelled and its queue gone) takes the
    // connection down with it; the reconnect re-declares the topology and re-attaches the consumers, and
    // readiness is false meanwhile (tested in libs/bus/test/readiness.int-spec.ts).
    this.publisher.on('error', (error: Error) => this.logger.warn(`publisher channel: ${error.message}`));
    this.consumer.on('error', (error: Error) => this.logger.warn(`consumer channel: ${error.message}`));
    await Promise.all([this.publisher.waitForConnect(), this.consumer.waitForConnect()]);
  }

  async declare(topology: ServiceTopology): Promise<void> {
    const plan = planTopology(topology);
    await this.requireConsumer().addSetup(async (channel: Channel) => {
      for (const exchange of plan.exchanges) {
        await channel.assertExchange(exchange.name, exchange.type, { durable: true, ...(exchange.alternate ? { alternateExchange: exchange.alternate } : {}) });
      }
      const major = brokerMajorVersion(channel);
      for (const queue of plan.queues) {
        const args = queueArguments(queue, major);
        if (queue.unlimitedDeliveries) await this.assertQueueKeepingExisting(queue.name, args);
        else await channel.assertQueue(queue.name, { durable: true, arguments: args });
      }
      for (const binding of plan.bindings) await channel.bindQueue(binding.queue, binding.exchange, binding.pattern);
    });
  }

  async publish(exchange: string, message: WireMessage): Promise<void> {
    await this.requirePublisher().publish(exchange, message.routingKey, message.body, this.properties(message));
  }

  async sendToQueue(queue: string, message: WireMessage, options: { expirationMs?: number } = {}): Promise<void> {
    const properties = this.properties(message);
    if (options.expirationMs !== undefined) properties.expiration = String(options.expirationMs);
    await this.requirePublisher().sendToQueue(queue, message.body, properties);
  }

  async consume(queue: string, prefetch: number, handler: DeliveryHandler): Promise<void> {
    this.wantedConsumers += 1;
    const wrapper = this.requireConsumer();
    await wrapper.consume(
      queue,
      (raw: ConsumeMessage) => {
        void handler(this.toDelivery(raw, this.consumerChannel));
      },
      { prefetch, noAck: false },
    );
  }

  async stopConsuming(): Promise<void> {
    this.wantedConsumers = 0;
    await this.consumer?.cancelAll();
  }

  async get(queue: string): Promise<InboundDelivery | null> {
    const wrapper = this.requireConsumer();
    await wrapper.waitForConnect();
    const channel = this.consumerChannel;
    if (!channel) throw new Error('consumer channel is not open');
    const raw: GetMessage | false = await channel.get(queue, { noAck: false });
    return raw ? this.toDelivery(raw, channel) : null;
  }

  /**
   * On a short-lived channel of its own: a queue that does not exist (deleted by an operator, say) makes the broker
   * close the channel that asked, and that must not be the consumers' (metrics scrape this).
   */
  async messageCount(queue: string): Promise<number> {
    return this.withOwnChannel(async (channel) => (await channel.checkQueue(queue)).messageCount);
  }

  isConnected(): boolean {
    return this.connection?.isConnected() ?? false;
  }

  activeConsumers(): number {
    if (!this.isConnected() || !this.consumer) return 0;
    // amqp-connection-manager re-attaches consumers after a reconnect and clears a consumer's tag while it
    // is detached, so the tags it holds right now are the consumers the broker is delivering to.
    const consumers = (this.consumer as unknown as { _consumers?: Array<{ consumerTag: string | null }> })._consumers ?? [];
    return Math.min(this.wantedConsumers, consumers.filter((c) => c.consumerTag !== null).length);
  }

  async close(): Promise<void> {
    await this.connection?.close();
    this.connection = undefined;
  }

  private toDelivery(raw: ConsumeMessage | GetMessage, channel: Channel | undefined): InboundDelivery {
    const props: MessageProperties = raw.properties;
    const settle = (fn: (ch: Channel) => void) => {
      // An ack on another channel than the delivery's would close that channel: skip it, the broker redelivers.
      if (channel && channel === this.consumerChannel) fn(channel);
    };
    return {
      message: {
        messageId: String(props.messageId ?? ''),
        routingKey: String(props.type ?? raw.fields.routingKey),
        correlationId: String(props.correlationId ?? ''),
        headers: (props.headers ?? {}) as Record<string, string | number>,
        body: raw.content,
      },
      redelivered: raw.fields.redelivered,
      ack: () => settle((ch) => ch.ack(raw)),
      requeue: () => settle((ch) => ch.nack(raw, false, true)),
    };
  }

  private properties(message: WireMessage): Options.Publish {
    return {
      messageId: message.messageId,
      correlationId: message.correlationId,
      type: message.routingKey,
      headers: message.headers,
      contentType: 'application/json',
      persistent: true,
      timestamp: Math.floor(Date.now() / 1000),
      timeout: this.options.publishTimeoutMs,
    };
  }

  /**
   * Declares a queue on a channel of its own, so that PRECONDITION_FAILED (it exists with other arguments, e.g. a
   * DLQ declared by an older version) closes only that channel: the existing queue is kept, with a warning.
   */
  private async assertQueueKeepingExisting(name: string, args: Record<string, unknown>): Promise<void> {
    try {
      await this.withOwnChannel((channel) => channel.assertQueue(name, { durable: true, arguments: args }));
    } catch (error) {
      if (!/PRECONDITION_FAILED/.test((error as Error).message)) throw error;
      this.logger.warn(
        `${name} already exists with other arguments than ${JSON.stringify(args)}; keeping it as it is. If it has a delivery ` +
          'limit (RabbitMQ 4 applies 20 to a quorum queue declared without x-delivery-limit=-1), a letter listed or inspected ' +
          'more times than that is dropped: replay or discard its letters, delete the queue and restart the service to re-declare it.',
      );
    }
  }

  /** Runs `work` on a channel opened for it and closed after; a broker error closes only that channel. */
  private async withOwnChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    const model = this.connection?.connection;
    if (!model) throw new Error('bus transport is not connected');
    const channel = await model.createChannel();
    channel.on('error', () => undefined); // the broker closing it with an error is reported by `work`'s rejection
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }

  private requirePublisher(): ChannelWrapper {
    if (!this.publisher) throw new Error('bus transport is not connected');
    return this.publisher;
  }

  private requireConsumer(): ChannelWrapper {
    if (!this.consumer) throw new Error('bus transport is not connected');
    return this.consumer;
  }
}

/** The broker's major version from its server properties (`3` for RabbitMQ 3.10.8), if it says. */
export function brokerMajorVersion(channel: Channel): number | undefined {
  const version = String((channel as Partial<Channel>).connection?.serverProperties?.version ?? '');
  const match = /^(\d+)\./.exec(version);
  return match ? Number(match[1]) : undefined;
}

/**
 * RabbitMQ arguments of a planned queue: quorum type, delivery limit, TTL, and dead-lettering via the default
 * exchange. `unlimitedDeliveries` depends on the broker's major version: RabbitMQ 4 gives quorum queues a default
 * delivery limit of 20 and disables it only with the queue argument `x-delivery-limit = -1`; RabbitMQ 3 has no
 * default limit and reads -1 as "dead-letter at the first requeue" (measured on 3.10.8), so nothing is set there.
 */
export function queueArguments(queue: QueuePlan, brokerMajor?: number): Record<string, unknown> {
  if (queue.deadLetterQueue && queue.ttlTargetQueue) throw new Error(`queue ${queue.name}: a dead-letter queue and a TTL target are both RabbitMQ's dead-letter target`);
  if (queue.unlimitedDeliveries && queue.deliveryLimit !== undefined) throw new Error(`queue ${queue.name}: a delivery limit and unlimited deliveries`);
  const args: Record<string, unknown> = {};
  if (queue.kind === 'quorum') args['x-queue-type'] = 'quorum';
  if (queue.deliveryLimit !== undefined) args['x-delivery-limit'] = queue.deliveryLimit;
  if (queue.unlimitedDeliveries && queue.kind === 'quorum' && brokerMajor !== undefined && brokerMajor >= 4) args['x-delivery-limit'] = -1;
  if (queue.messageTtlMs !== undefined) args['x-message-ttl'] = queue.messageTtlMs;
  const deadLetterTarget = queue.deadLetterQueue ?? queue.ttlTargetQueue;
  if (deadLetterTarget) {
    args['x-dead-letter-exchange'] = '';
    args['x-dead-letter-routing-key'] = deadLetterTarget;
  }
  return args;
}
