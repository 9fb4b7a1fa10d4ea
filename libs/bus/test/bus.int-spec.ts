import { BUS_TRANSPORT, DeadLetters, Outbox, toWire } from '@app/bus';
import type { BusTransport } from '@app/bus';
import { Events } from '@app/contracts';
import { Readiness } from '@app/service-kit';
import { TestDatabase, createTestDatabase, eventually, uniqueNamespace } from '@app/testing';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_SCHEMA, startBusTestApp } from './bus-test.module';
import { BusHarness, startEmbeddedHarness, startRabbitHarness } from './bus-harness';

const SERVICE = 'bus-test';
const RETRY_DELAYS = [100, 200];

type Kind = 'rabbitmq' | 'embedded';

/**
 * The same contract tests on both transports: RabbitMQ (behind a TCP proxy, to cut it) and the embedded
 * broker stored in the test database. Tests of RabbitMQ specifics (outage, raw-AMQP delivery limit) run on it only.
 */
describe.each<[string, Kind]>([
  ['RabbitMQ', 'rabbitmq'],
  ['the embedded broker', 'embedded'],
])('bus on %s and PostgreSQL', (_name, kind) => {
  let db: TestDatabase;
  let namespace: string;
  let harness: BusHarness;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('bus');
    namespace = uniqueNamespace();
    harness =
      kind === 'rabbitmq'
        ? await startRabbitHarness(namespace, [Events.CampaignArmed], { services: [SERVICE, 'crashy'], retryDelaysMs: RETRY_DELAYS })
        : await startEmbeddedHarness(namespace, [Events.CampaignArmed], db.url);
    app = await startBusTestApp(SERVICE, {
      DATABASE_URL: db.url,
      RABBITMQ_URL: harness.rabbitmqUrl,
      BUS_NAMESPACE: namespace,
      BUS_RETRY_DELAYS_MS: RETRY_DELAYS.join(','),
      BUS_DELIVERY_LIMIT: '3',
      BUS_PREFETCH: '1',
      OUTBOX_POLL_INTERVAL_MS: '200',
    });
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    await db?.drop();
  });

  const cancelled = (postId: string, messageId = randomUUID()) =>
    toWire(Events.PostCancelled, { postId, campaignId: `campaign-${postId}`, cancelledAt: new Date().toISOString() }, {
      correlationId: `campaign-${postId}`,
      producer: 'test',
      messageId,
    });

  const send = (wire: ReturnType<typeof cancelled>) =>
    harness.publishRaw(wire.routingKey, wire.body, { messageId: wire.messageId, correlationId: wire.correlationId, type: wire.routingKey, headers: wire.headers });

  const count = async (table: string, postId: string): Promise<number> => {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."${table}" WHERE "post_id" = $1`, [postId]);
    return row.n;
  };

  it('commits the handler work, acks, and publishes the follow-up through the outbox with causation', async () => {
    const wire = cancelled('ok-1');
    await send(wire);
    const followUp = await harness.waitFor('campaign.armed for ok-1', (m) => m.correlationId === 'campaign-ok-1');
    expect(followUp.headers['x-causation-id']).toBe(wire.messageId);
    expect(followUp.headers['x-schema-version']).toBe(1);
    expect(followUp.headers['x-producer']).toBe(SERVICE);
    expect(await count('effects', 'ok-1')).toBe(1);
    await eventually('outbox drained', async () => ((await app.get(DataSource).query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."outbox"`))[0].n === 0 ? true : undefined));
  });

  it('processes a redelivered message (same message id) once', async () => {
    const messageId = randomUUID();
    await send(cancelled('dup-1', messageId));
    await send(cancelled('dup-1', messageId));
    await send(cancelled('sentinel-dup')); // prefetch 1: handled after both copies
    await eventually('sentinel handled', async () => ((await count('effects', 'sentinel-dup')) === 1 ? true : undefined));
    expect(await count('attempts', 'dup-1')).toBe(1);
    expect(await count('effects', 'dup-1')).toBe(1);
    expect(harness.of(Events.CampaignArmed).filter((m) => m.correlationId === 'campaign-dup-1')).toHaveLength(1);
  });

  it('runs a manual-transaction handler outside a transaction, commits its effect with the inbox, drops the duplicate', async () => {
    const messageId = randomUUID();
    const failed = (postId: string, id: string) =>
      toWire(Events.PostFailed, { postId, campaignId: `campaign-${postId}`, userId: 'u', platform: 'x', reason: 'r', failedAt: new Date().toISOString() }, { correlationId: `campaign-${postId}`, producer: 'test', messageId: id });
    await send(failed('manual-1', messageId));
    await send(failed('manual-1', messageId));
    await send(cancelled('sentinel-manual'));
    await eventually('sentinel handled', async () => ((await count('effects', 'sentinel-manual')) === 1 ? true : undefined));
    await harness.waitFor('follow-up of the manual handler', (m) => m.correlationId === 'campaign-manual-1');
    expect(await count('attempts', 'manual-1')).toBe(1);
    expect(await count('effects', 'manual-1')).toBe(1);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."inbox" WHERE "message_id" = $1`, [messageId]);
    expect(n).toBe(1);
  });

  it('retries a failing handler with delay, dead-letters it with the reason, and keeps consuming', async () => {
    await send(cancelled('fail-1'));
    await send(cancelled('ok-after-fail'));
    await eventually('later message handled', async () => ((await count('effects', 'ok-after-fail')) === 1 ? true : undefined));
    const deadLetters = app.get(DeadLetters);
    await eventually('fail-1 dead-lettered', async () => ((await deadLetters.count()) === 1 ? true : undefined));
    expect(await count('attempts', 'fail-1')).toBe(1 + RETRY_DELAYS.length);
    expect(await count('effects', 'fail-1')).toBe(0); // every attempt rolled back
    expect(harness.of(Events.CampaignArmed).some((m) => m.correlationId === 'campaign-fail-1')).toBe(false);
    const [letter] = await deadLetters.peek(10);
    expect(letter).toMatchObject({ routingKey: Events.PostCancelled, failedBy: SERVICE, attempts: 3 });
    expect(letter.error).toContain('handler refused fail-1');
    expect(await deadLetters.count()).toBe(1); // peeking leaves it there

    expect(await deadLetters.replay(10)).toBe(1);
    await eventually('replayed message dead-lettered again', async () => ((await count('attempts', 'fail-1')) === 6 && (await deadLetters.count()) === 1 ? true : undefined));
  });

  it('dead-letters a poison message at once and routes unknown keys to the unroutable queue', async () => {
    const deadLetters = app.get(DeadLetters);
    const before = await deadLetters.count();
    await harness.publishRaw(Events.PostCancelled, Buffer.from('{not json'), { messageId: randomUUID(), type: Events.PostCancelled, headers: { 'x-schema-version': 1 } });
    await harness.publishRaw('nobody.listens.v1', Buffer.from('{}'), { messageId: randomUUID() });
    await send(cancelled('sentinel-poison'));
    await eventually('sentinel handled', async () => ((await count('effects', 'sentinel-poison')) === 1 ? true : undefined));
    await eventually('poison dead-lettered', async () => ((await deadLetters.count()) === before + 1 ? true : undefined));
    const letters = await deadLetters.peek(10);
    expect(letters.some((l) => l.error.startsWith('poison message: body is not JSON'))).toBe(true);
    const transport = app.get<BusTransport>(BUS_TRANSPORT);
    await eventually('unroutable kept', async () => ((await transport.messageCount(`${namespace}.unroutable`)) === 1 ? true : undefined));
  });

  if (kind === 'rabbitmq') {
    it('dead-letters a message that keeps crashing its consumer (delivery limit)', async () => {
      const transport = app.get<BusTransport>(BUS_TRANSPORT);
      await transport.declare({ namespace, service: 'crashy', routingKeys: ['crashy.test.v1'], retry: { delaysMs: [100], deliveryLimit: 2 } });
      await harness.publishRaw('crashy.test.v1', Buffer.from('{}'), { messageId: randomUUID() });
      const amqplib = await import('amqplib');
      const connection = await amqplib.connect('amqp://guest:guest@127.0.0.1:5672');
      let deliveries = 0;
      try {
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline) {
          const channel = await connection.createChannel();
          const message = await channel.get(`${namespace}.crashy`, { noAck: false });
          const dead = (await channel.checkQueue(`${namespace}.crashy.dlq`)).messageCount;
          await channel.close(); // "crash": the channel goes away without an ack
          if (message) deliveries += 1;
          else if (dead > 0) break;
          else await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await connection.close();
      }
      expect(await transport.messageCount(`${namespace}.crashy.dlq`)).toBe(1);
      expect(deliveries).toBeGreaterThanOrEqual(2);
      expect(deliveries).toBeLessThanOrEqual(3);
    });

    it('keeps outbox rows through a broker outage and publishes them when it is back; readiness tells the truth', async () => {
      const readiness = app.get(Readiness);
      expect((await readiness.report()).ready).toBe(true);
      await harness.proxy!.stop();
      await eventually('readiness drops', async () => ((await readiness.report()).checks.broker ? undefined : true));
      expect((await readiness.report()).ready).toBe(false);
      const outbox = app.get(Outbox);
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < 5; i++) {
          await outbox.add(manager, Events.CampaignArmed, { campaignId: 'outage', armedPostIds: [`p${i}`], armedAt: new Date().toISOString() }, { correlationId: 'outage' });
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // several relay polls while down
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."outbox"`);
      expect(n).toBe(5);
      await harness.proxy!.start();
      await eventually('all 5 published after the outage', async () => (harness.of(Events.CampaignArmed).filter((m) => m.correlationId === 'outage').length === 5 ? true : undefined), 30_000);
      await eventually('ready again', async () => ((await readiness.report()).ready ? true : undefined), 30_000);
    });
  }
});
