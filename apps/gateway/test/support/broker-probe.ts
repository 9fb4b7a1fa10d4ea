import { toWire } from '@app/bus';
import type { RoutingKey } from '@app/contracts';
import { TEST_RABBITMQ_URL, eventually } from '@app/testing';
import amqplib from 'amqplib';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';

/**
 * The test's own view of the broker: a temporary queue bound to `<ns>.events` for the keys the gateway
 * publishes, and a publisher that speaks the bus wire format (AMQP properties + JSON body) like any service.
 */
export class BrokerProbe {
  readonly received: ConsumeMessage[] = [];

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    private readonly exchange: string,
  ) {}

  static async open(namespace: string, keys: RoutingKey[]): Promise<BrokerProbe> {
    const connection = await amqplib.connect(TEST_RABBITMQ_URL);
    const channel = await connection.createChannel();
    const exchange = `${namespace}.events`;
    const probe = new BrokerProbe(connection, channel, exchange);
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of keys) await channel.bindQueue(queue, exchange, key);
    await channel.consume(queue, (message) => message && probe.received.push(message), { noAck: true });
    return probe;
  }

  /** Waits for a message with this routing key whose JSON body passes `match`. */
  async next<T = Record<string, unknown>>(key: RoutingKey, match: (body: T) => boolean = () => true): Promise<{ message: ConsumeMessage; body: T }> {
    return eventually(`${key} on the broker`, async () => {
      for (const message of this.received) {
        if (message.fields.routingKey !== key) continue;
        const body = JSON.parse(message.content.toString('utf8')) as T;
        if (match(body)) return { message, body };
      }
      return undefined;
    });
  }

  /** Publishes an event as another service would; returns its message id. */
  publish(key: RoutingKey, payload: unknown, correlationId: string): string {
    const wire = toWire(key, payload, { correlationId, producer: 'gateway-int-spec' });
    this.channel.publish(this.exchange, key, wire.body, {
      messageId: wire.messageId,
      correlationId: wire.correlationId,
      type: key,
      headers: wire.headers,
      contentType: 'application/json',
      persistent: true,
    });
    return wire.messageId;
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}

/** Messages waiting in a queue of the namespace (e.g. the gateway's dead-letter queue). */
export async function queueDepth(queue: string): Promise<number> {
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}
