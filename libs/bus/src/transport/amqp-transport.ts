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
    await Promise.all([this.publisher.waitForConnect(), this.consumer.waitForConnect()]);
  }

  async declare(topology: ServiceTopology): Promise<void> {
    const plan = planTopology(topology);
    await this.requireConsumer().addSetup(async (channel: Channel) => {
      for (const exchange of plan.exchanges) {
        await channel.assertExchange(exchange.name, exchange.type, { durable: true, ...(exchange.alternate ? { alternateExchange: exchange.alternate } : {}) });
      }
      for (const queue of plan.queues) await channel.assertQueue(queue.name, { durable: true, arguments: queueArguments(queue) });
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

  async messageCount(queue: string): Promise<number> {
    const channel = this.consumerChannel;
    if (!channel) throw new Error('consumer channel is not open');
    const { messageCount } = await channel.checkQueue(queue);
    return messageCount;
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

  private requirePublisher(): ChannelWrapper {
    if (!this.publisher) throw new Error('bus transport is not connected');
    return this.publisher;
  }

  private requireConsumer(): ChannelWrapper {
    if (!this.consumer) throw new Error('bus transport is not connected');
    return this.consumer;
  }
}

/** RabbitMQ arguments of a planned queue: quorum type, delivery limit, TTL, and dead-lettering via the default exchange. */
export function queueArguments(queue: QueuePlan): Record<string, unknown> {
  if (queue.deadLetterQueue && queue.ttlTargetQueue) throw new Error(`queue ${queue.name}: a dead-letter queue and a TTL target are both RabbitMQ's dead-letter target`);
  const args: Record<string, unknown> = {};
  if (queue.kind === 'quorum') args['x-queue-type'] = 'quorum';
  if (queue.deliveryLimit !== undefined) args['x-delivery-limit'] = queue.deliveryLimit;
  if (queue.messageTtlMs !== undefined) args['x-message-ttl'] = queue.messageTtlMs;
  const deadLetterTarget = queue.deadLetterQueue ?? queue.ttlTargetQueue;
  if (deadLetterTarget) {
    args['x-dead-letter-exchange'] = '';
    args['x-dead-letter-routing-key'] = deadLetterTarget;
  }
  return args;
}
