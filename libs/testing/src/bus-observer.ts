import { toWire } from '@app/bus';
import type { RoutingKey } from '@app/contracts';
import amqplib from 'amqplib';
import { TEST_RABBITMQ_URL, eventually } from './infra';

export interface ObservedMessage {
  routingKey: string;
  /** The AMQP `type` property (the bus sets it to the routing key). */
  type: string | undefined;
  messageId: string;
  correlationId: string;
  headers: Record<string, unknown>;
  payload: unknown;
  /** Local clock when the message arrived (ms since epoch). */
  receivedAt?: number;
}

/** Listens on a namespace's exchange through its own exclusive queue, like any third-party consumer would. */
export class BusObserver {
  readonly messages: ObservedMessage[] = [];
  private connection?: amqplib.ChannelModel;
  private channel?: amqplib.ConfirmChannel;
  private namespace = '';

  static async start(namespace: string, routingKeys: string[]): Promise<BusObserver> {
    const observer = new BusObserver();
    observer.connection = await amqplib.connect(TEST_RABBITMQ_URL);
    observer.namespace = namespace;
    const channel = await observer.connection.createConfirmChannel();
    observer.channel = channel;
    const exchange = `${namespace}.events`;
    await channel.assertExchange(exchange, 'topic', { durable: true, alternateExchange: `${namespace}.unroutable` });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of routingKeys) await channel.bindQueue(queue, exchange, key);
    await channel.consume(queue, (msg) => {
      if (!msg) return;
      observer.messages.push({
        routingKey: msg.fields.routingKey,
        type: msg.properties.type as string | undefined,
        messageId: String(msg.properties.messageId),
        correlationId: String(msg.properties.correlationId),
        headers: msg.properties.headers ?? {},
        payload: JSON.parse(msg.content.toString('utf8')),
        receivedAt: Date.now(),
      });
    }, { noAck: true });
    return observer;
  }

  of(routingKey: string): ObservedMessage[] {
    return this.messages.filter((m) => m.routingKey === routingKey);
  }

  waitFor(what: string, predicate: (m: ObservedMessage) => boolean, timeoutMs = 20_000): Promise<ObservedMessage> {
    return eventually(what, async () => this.messages.find(predicate), timeoutMs);
  }

  /** Publishes an event in the bus wire format, as another service would; returns its message id. */
  async publish(key: RoutingKey, payload: unknown, correlationId: string, messageId?: string): Promise<string> {
    const wire = toWire(key, payload, { correlationId, producer: 'test', messageId });
    this.channel!.publish(`${this.namespace}.events`, key, wire.body, {
      messageId: wire.messageId,
      correlationId: wire.correlationId,
      type: key,
      headers: wire.headers,
      contentType: 'application/json',
      persistent: true,
    });
    await this.channel!.waitForConfirms();
    return wire.messageId;
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }
}

/** Publishes raw bytes with the given AMQP properties, as a foreign (or broken) producer would. */
export async function publishRaw(
  namespace: string,
  routingKey: string,
  body: Buffer,
  properties: amqplib.Options.Publish,
): Promise<void> {
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    const channel = await connection.createConfirmChannel();
    channel.publish(`${namespace}.events`, routingKey, body, { persistent: true, ...properties });
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}
