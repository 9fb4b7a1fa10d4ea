import { AmqpTransport, planTopology, queueArguments, topologyNames } from '@app/bus';
import type { QueuePlan } from '@app/bus';
import { TEST_RABBITMQ_URL, deleteNamespace, uniqueNamespace } from '@app/testing';
import { Logger } from '@nestjs/common';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';

const RETRY = { delaysMs: [100], deliveryLimit: 3 };

/**
 * How the dead-letter queue is declared on the real broker: without a delivery limit whatever the RabbitMQ
 * version (so reading it, which hands letters back, never drops one), and without breaking a DLQ that already
 * exists with other arguments.
 */
describe('dead-letter queue declaration on RabbitMQ', () => {
  let connection: amqplib.ChannelModel;
  let major: number;

  beforeAll(async () => {
    connection = await amqplib.connect(TEST_RABBITMQ_URL);
    major = Number(/^(\d+)\./.exec(String(connection.connection.serverProperties.version))?.[1]);
  });

  afterAll(async () => {
    await connection?.close();
  });

  /** Requeues one message up to `times` times on a quorum queue with these arguments; how many it survived. */
  const requeuesSurvived = async (args: Record<string, unknown>, times: number): Promise<number> => {
    const channel = await connection.createChannel();
    const queue = `dlq-probe-${randomUUID()}`;
    try {
      await channel.assertQueue(queue, { durable: true, arguments: args });
      channel.sendToQueue(queue, Buffer.from('letter'), { persistent: true });
      for (let i = 0; i < times; i++) {
        let message: amqplib.GetMessage | false = false;
        for (let tries = 0; tries < 100 && !message; tries++) {
          message = await channel.get(queue, { noAck: false });
          if (!message) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (!message) return i;
        channel.nack(message, false, true);
      }
      return times;
    } finally {
      await channel.deleteQueue(queue);
      await channel.close();
    }
  };

  it("gives the DLQ no delivery limit the way this broker's version needs (checked against the broker itself)", async () => {
    const dlq = planTopology({ namespace: 'ns', service: 'svc', routingKeys: [], retry: RETRY }).queues.find((q) => q.name === 'ns.svc.dlq')!;
    expect(dlq).toMatchObject({ kind: 'quorum', unlimitedDeliveries: true });
    expect(dlq.deliveryLimit).toBeUndefined();
    const args = queueArguments(dlq, major);
    // What the declaration sends survives 25 hand-backs on this broker (RabbitMQ 4's default limit is 20).
    expect(await requeuesSurvived(args, 25)).toBe(25);
    // And why it differs by version: -1 disables the limit on RabbitMQ 4, but RabbitMQ 3 (3.10.8 measured)
    // dead-letters (here: drops) the message at its first requeue.
    const withMinusOne = await requeuesSurvived({ 'x-queue-type': 'quorum', 'x-delivery-limit': -1 }, 25);
    if (major >= 4) {
      expect(args['x-delivery-limit']).toBe(-1);
      expect(withMinusOne).toBe(25);
    } else {
      expect(args).not.toHaveProperty('x-delivery-limit');
      expect(withMinusOne).toBe(1);
    }
  });

  it('keeps an existing DLQ declared with other arguments and still declares the rest of the topology', async () => {
    const namespace = uniqueNamespace();
    const names = topologyNames(namespace, 'svc');
    const setup = await connection.createChannel();
    await setup.assertQueue(names.dlq, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 5 } });
    await setup.close();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const transport = new AmqpTransport({ url: TEST_RABBITMQ_URL, publishTimeoutMs: 5_000, connectionName: 'dlq-declaration-test' });
    try {
      await transport.connect();
      await transport.declare({ namespace, service: 'svc', routingKeys: ['thing.happened.v1'], retry: RETRY });
      expect(warn.mock.calls.map(([message]) => String(message)).some((m) => m.includes(names.dlq) && m.includes('keeping it as it is'))).toBe(true);
      await transport.publish(names.exchange, { messageId: randomUUID(), routingKey: 'thing.happened.v1', correlationId: 'c', headers: {}, body: Buffer.from('{}') });
      expect(await transport.messageCount(names.queue)).toBe(1);
      // The consumer channel survived the refused declaration: it still gets and settles.
      await transport.sendToQueue(names.dlq, { messageId: 'letter-1', routingKey: 'thing.happened.v1', correlationId: 'c', headers: {}, body: Buffer.from('{}') });
      const letter = await transport.get(names.dlq);
      expect(letter?.message.messageId).toBe('letter-1');
      letter!.ack();
      // Declaring again (the next start) works the same.
      await transport.declare({ namespace, service: 'svc', routingKeys: ['thing.happened.v1'], retry: RETRY });
      expect(transport.isConnected()).toBe(true);
    } finally {
      warn.mockRestore();
      await transport.close();
      await deleteNamespace(namespace, ['svc'], RETRY.delaysMs);
    }
  });

  it('turns the plan into arguments: -1 only from RabbitMQ 4 on, and never together with a delivery limit', () => {
    const dlq: QueuePlan = { name: 'a.dlq', kind: 'quorum', unlimitedDeliveries: true };
    expect(queueArguments(dlq, 3)).toEqual({ 'x-queue-type': 'quorum' });
    expect(queueArguments(dlq, undefined)).toEqual({ 'x-queue-type': 'quorum' });
    expect(queueArguments(dlq, 4)).toEqual({ 'x-queue-type': 'quorum', 'x-delivery-limit': -1 });
    const queue: QueuePlan = { name: 'a', kind: 'quorum', deliveryLimit: 10, deadLetterQueue: 'a.dlq' };
    expect(queueArguments(queue, 4)).toEqual({ 'x-queue-type': 'quorum', 'x-delivery-limit': 10, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': 'a.dlq' });
    expect(() => queueArguments({ ...queue, unlimitedDeliveries: true }, 4)).toThrow(/delivery limit and unlimited deliveries/);
  });
});
