import { EmbeddedTransport } from '@app/bus';
import { BusObserver, ObservedMessage, TcpProxy, deleteNamespace, eventually, publishRaw } from '@app/testing';
import { randomUUID } from 'node:crypto';

/** AMQP-like properties of a raw publish: `type` is the message's routing key when it differs from the routing one. */
export interface RawProperties {
  messageId?: string;
  correlationId?: string;
  type?: string;
  headers?: Record<string, string | number>;
}

/** What the bus tests need from "the broker", whichever transport the service under test uses. */
export interface BusHarness {
  /** RABBITMQ_URL for the service under test. */
  readonly rabbitmqUrl: string;
  /** Publishes to the namespace's exchange as a foreign (or broken) producer would. */
  publishRaw(routingKey: string, body: Buffer, properties: RawProperties): Promise<void>;
  /** Messages seen on the namespace's exchange for the routing keys given at start. */
  of(routingKey: string): ObservedMessage[];
  waitFor(what: string, predicate: (m: ObservedMessage) => boolean, timeoutMs?: number): Promise<ObservedMessage>;
  /** RabbitMQ only: the proxy between the service and the broker, to cut the connection. */
  readonly proxy?: TcpProxy;
  close(): Promise<void>;
}

/** RabbitMQ on loopback behind a TCP proxy; observes with its own exclusive queue and publishes with amqplib. */
export async function startRabbitHarness(namespace: string, routingKeys: string[], cleanup: { services: string[]; retryDelaysMs: number[] }): Promise<BusHarness> {
  const proxy = new TcpProxy('127.0.0.1', 5672);
  const port = await proxy.start();
  const observer = await BusObserver.start(namespace, routingKeys);
  return {
    rabbitmqUrl: `amqp://guest:guest@127.0.0.1:${port}`,
    proxy,
    publishRaw: (routingKey, body, properties) => publishRaw(namespace, routingKey, body, properties),
    of: (routingKey) => observer.of(routingKey),
    waitFor: (what, predicate, timeoutMs) => observer.waitFor(what, predicate, timeoutMs),
    close: async () => {
      await observer.close();
      await proxy.stop();
      await deleteNamespace(namespace, cleanup.services, cleanup.retryDelaysMs);
    },
  };
}

/**
 * The embedded broker on the test database: a second EmbeddedTransport in this process (so the same
 * broker as the service's) publishes to the exchange and observes through a queue of its own bound to the
 * routing keys, acking what it sees.
 */
export async function startEmbeddedHarness(namespace: string, routingKeys: string[], databaseUrl: string): Promise<BusHarness> {
  const client = new EmbeddedTransport({ databaseUrl });
  await client.connect();
  const service = `observer-${randomUUID().slice(0, 8)}`;
  await client.declare({ namespace, service, routingKeys, retry: { delaysMs: [], deliveryLimit: 100 } });
  const messages: ObservedMessage[] = [];
  await client.consume(`${namespace}.${service}`, 50, async (delivery) => {
    const { message } = delivery;
    messages.push({
      routingKey: message.routingKey,
      type: message.routingKey,
      messageId: message.messageId,
      correlationId: message.correlationId,
      headers: message.headers,
      payload: JSON.parse(message.body.toString('utf8')),
      receivedAt: Date.now(),
    });
    delivery.ack();
  });
  return {
    rabbitmqUrl: 'embedded:',
    publishRaw: (routingKey, body, properties) =>
      client.publish(`${namespace}.events`, {
        messageId: properties.messageId ?? '',
        routingKey: properties.type ?? routingKey,
        correlationId: properties.correlationId ?? '',
        headers: properties.headers ?? {},
        body,
      }),
    of: (routingKey) => messages.filter((m) => m.routingKey === routingKey),
    waitFor: (what, predicate, timeoutMs = 20_000) => eventually(what, async () => messages.find(predicate), timeoutMs),
    close: () => client.close(),
  };
}
