import { BUS_TRANSPORT, toWire } from '@app/bus';
import type { BusTransport } from '@app/bus';
import { Events } from '@app/contracts';
import { Readiness } from '@app/service-kit';
import { TEST_RABBITMQ_URL, TestDatabase, createTestDatabase, eventually, uniqueNamespace } from '@app/testing';
import { INestApplication } from '@nestjs/common';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BusHarness, startRabbitHarness } from './bus-harness';
import { TEST_SCHEMA, startBusTestApp } from './bus-test.module';

const SERVICE = 'ready-test';
const RETRY_DELAYS = [100];

/**
 * Readiness on the real broker tells the truth about consumers: a consumer the broker cancelled (its queue
 * deleted under it) makes the service not ready until it has re-declared its queue and re-attached, and then
 * messages flow again. The metrics endpoint reports what the consumer did.
 */
describe('readiness and metrics on RabbitMQ', () => {
  let db: TestDatabase;
  let namespace: string;
  let harness: BusHarness;
  let app: INestApplication;
  let readiness: Readiness;

  beforeAll(async () => {
    db = await createTestDatabase('ready');
    namespace = uniqueNamespace();
    harness = await startRabbitHarness(namespace, [Events.CampaignArmed], { services: [SERVICE], retryDelaysMs: RETRY_DELAYS });
    app = await startBusTestApp(SERVICE, { DATABASE_URL: db.url, RABBITMQ_URL: harness.rabbitmqUrl, BUS_NAMESPACE: namespace, BUS_RETRY_DELAYS_MS: RETRY_DELAYS.join(','), OUTBOX_POLL_INTERVAL_MS: '200' });
    readiness = app.get(Readiness);
  });

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    await db?.drop();
  });

  const send = async (postId: string) => {
    const wire = toWire(Events.PostCancelled, { postId, campaignId: `campaign-${postId}`, cancelledAt: new Date().toISOString() }, { correlationId: `campaign-${postId}`, producer: 'test', messageId: randomUUID() });
    await harness.publishRaw(wire.routingKey, wire.body, { messageId: wire.messageId, correlationId: wire.correlationId, type: wire.routingKey, headers: wire.headers });
  };
  const effects = async (postId: string): Promise<number> => {
    const [row] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."effects" WHERE "post_id" = $1`, [postId]);
    return row.n;
  };

  it('is not ready while its consumer is cancelled, and ready again once re-attached; messages flow again', async () => {
    await eventually('ready', async () => ((await readiness.report()).ready ? true : undefined));
    await send('before');
    await eventually('handled before', async () => ((await effects('before')) === 1 ? true : undefined));

    // An operator (or a broker-side policy) deletes the service's queue: the broker cancels the consumer.
    const connection = await amqplib.connect(TEST_RABBITMQ_URL);
    try {
      const channel = await connection.createChannel();
      await channel.deleteQueue(`${namespace}.${SERVICE}`);
      await channel.close();
    } finally {
      await connection.close();
    }
    const down = await eventually('readiness drops', async () => {
      const report = await readiness.report();
      return report.checks.consumers ? undefined : report;
    }, 10_000, 10);
    expect(down).toMatchObject({ ready: false, checks: { consumers: false } });

    const up = await eventually('ready again', async () => {
      const report = await readiness.report();
      return report.ready ? report : undefined;
    }, 20_000);
    expect(up.checks).toEqual({ database: true, broker: true, consumers: true, accepting: true });
    // The queue and its bindings were declared again: a new message is consumed.
    await send('after');
    await eventually('handled after recovery', async () => ((await effects('after')) === 1 ? true : undefined));
    expect(app.get<BusTransport>(BUS_TRANSPORT).activeConsumers()).toBe(1);
  });

  it('counts a queue on a channel of its own: asking about a missing queue leaves the consumer attached', async () => {
    const transport = app.get<BusTransport>(BUS_TRANSPORT);
    await expect(transport.messageCount(`${namespace}.no-such-queue`)).rejects.toThrow(/NOT_FOUND/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // let a closing channel's events arrive
    expect(await readiness.report()).toMatchObject({ ready: true, checks: { consumers: true, broker: true } });
    await send('after-missing-queue');
    await eventually('still consuming', async () => ((await effects('after-missing-queue')) === 1 ? true : undefined));
  });

  it('answers /health/ready with 503 naming the failing check while the broker is gone', async () => {
    await harness.proxy!.stop();
    try {
      const res = await eventually('503', async () => {
        const r = await request(app.getHttpServer()).get('/health/ready');
        return r.status === 503 ? r : undefined;
      });
      expect(res.body).toMatchObject({ ready: false, checks: { broker: false, consumers: false, database: true } });
    } finally {
      await harness.proxy!.start();
    }
    await eventually('200 again', async () => ((await request(app.getHttpServer()).get('/health/ready')).status === 200 ? true : undefined), 30_000);
  });

  it('exposes Prometheus series for what it consumed, published, and its backlog and queue depth', async () => {
    await send('fail-metrics'); // the test handler throws for fail-*: retried once, then dead-lettered
    await eventually('dead-lettered', async () => {
      const text = (await request(app.getHttpServer()).get('/metrics')).text;
      return /bus_messages_dead_lettered_total\{[^}]*routing_key="post.cancelled.v1"[^}]*\} 1/.test(text) ? text : undefined;
    });
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    const series = (name: string, labels: Record<string, string>): number | undefined => {
      const line = res.text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
      return line === undefined ? undefined : Number(line.split(' ').at(-1));
    };
    expect(series('bus_messages_consumed_total', { routing_key: 'post.cancelled.v1', outcome: 'processed', service: SERVICE })).toBe(3); // before, after, after-missing-queue
    expect(series('bus_messages_consumed_total', { routing_key: 'post.cancelled.v1', outcome: 'retried' })).toBe(1);
    expect(series('bus_messages_failed_total', { routing_key: 'post.cancelled.v1' })).toBe(2);
    expect(series('bus_handler_duration_seconds_count', { routing_key: 'post.cancelled.v1', outcome: 'processed' })).toBe(3);
    expect(series('bus_messages_published_total', { routing_key: 'campaign.armed.v1' })).toBeGreaterThanOrEqual(3);
    expect(series('bus_queue_depth', { queue: `${namespace}.${SERVICE}.dlq` })).toBe(1);
    expect(series('bus_queue_depth', { queue: `${namespace}.${SERVICE}` })).toBe(0);
    expect(res.text).toMatch(/^bus_outbox_backlog\{service="ready-test"\} \d+$/m);
    expect(series('http_request_duration_seconds_count', { method: 'GET', route: '/health/ready', status_code: '503' })).toBeGreaterThanOrEqual(1);
    expect(res.text).toMatch(/^process_cpu_user_seconds_total\{service="ready-test"\}/m);
  });
});
