import { EmbeddedTransport, InboundDelivery, StartupError, WireMessage, busOptionsFrom, connectTransport, topicMatches } from '@app/bus';
import { ConfigError, EnvReader, readServiceConfig } from '@app/config';
import { TestDatabase, createTestDatabase, eventually, uniqueNamespace } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * What only the embedded broker has: its storage survives restarts (and redelivers what a dead run left
 * unacked), the delivery limit holds across restarts, and the in-process routing, delay queues and prefetch
 * behave as RabbitMQ's. Runs on real PostgreSQL; the bus contract itself is covered by bus.int-spec.ts.
 */
describe('embedded transport on PostgreSQL', () => {
  let db: TestDatabase;
  let sql: Client;
  const open: EmbeddedTransport[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('embedded_bus');
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    for (const transport of open.splice(0)) await transport.close();
  });

  afterAll(async () => {
    await sql?.end();
    await db?.drop();
  });

  const start = async (): Promise<EmbeddedTransport> => {
    const transport = new EmbeddedTransport({ databaseUrl: db.url, pollIntervalMs: 200 });
    await transport.connect();
    open.push(transport);
    return transport;
  };

  const stop = async (transport: EmbeddedTransport): Promise<void> => {
    open.splice(open.indexOf(transport), 1);
    await transport.close();
  };

  const message = (routingKey: string, label: string = randomUUID()): WireMessage => ({
    messageId: randomUUID(),
    routingKey,
    correlationId: label,
    headers: { 'x-schema-version': 1, label },
    body: Buffer.from(JSON.stringify({ label })),
  });

  const label = (delivery: InboundDelivery) => String(delivery.message.headers.label);

  const rows = async (queue: string) =>
    (
      await sql.query<{ id: string; deliveries: number; locked: boolean; headers: Record<string, unknown> }>(
        `SELECT "id", "deliveries", "locked_until" IS NOT NULL AS locked, "headers" FROM "embedded_bus"."messages" WHERE "queue" = $1 ORDER BY "id"`,
        [queue],
      )
    ).rows;

  /**
   * What a process that dies mid-delivery leaves behind: its claims stay locked (and counted). A graceful close
   * hands them back; locking them again afterwards recreates the crash state for the next broker to find.
   */
  const crash = async (transport: EmbeddedTransport, queue: string): Promise<void> => {
    const held = (await rows(queue)).filter((r) => r.locked).map((r) => r.id);
    await stop(transport);
    await sql.query(`UPDATE "embedded_bus"."messages" SET "locked_until" = 'infinity' WHERE "id" = ANY($1::bigint[])`, [held]);
  };

  const declare = (transport: EmbeddedTransport, namespace: string, service: string, routingKeys: string[], retry = { delaysMs: [300], deliveryLimit: 2 }) =>
    transport.declare({ namespace, service, routingKeys, retry });

  it('keeps queued messages through a restart and redelivers the one left unacked', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.svc`;
    const first = await start();
    await declare(first, ns, 'svc', ['order.placed.v1']);
    for (const l of ['m1', 'm2', 'm3']) await first.publish(`${ns}.events`, message('order.placed.v1', l));
    const held: InboundDelivery[] = [];
    await first.consume(queue, 1, async (delivery) => {
      held.push(delivery); // never acked
    });
    await eventually('m1 delivered', async () => (held.length === 1 ? true : undefined));
    expect(label(held[0])).toBe('m1');
    expect(held[0].redelivered).toBe(false);
    expect(await first.messageCount(queue)).toBe(2); // m1 is unacked, not ready
    await stop(first);

    const second = await start(); // a new broker: the last transport on the database closed
    expect(await second.messageCount(queue)).toBe(3);
    const seen: Array<{ label: string; redelivered: boolean }> = [];
    await second.consume(queue, 10, async (delivery) => {
      seen.push({ label: label(delivery), redelivered: delivery.redelivered });
      delivery.ack();
    });
    await eventually('all three delivered', async () => (seen.length === 3 ? true : undefined));
    expect(seen).toEqual([
      { label: 'm1', redelivered: true },
      { label: 'm2', redelivered: false },
      { label: 'm3', redelivered: false },
    ]);
    await second.stopConsuming(); // waits for the acks
    expect(await rows(queue)).toEqual([]);
  });

  it('redelivers what a run that died left locked, when the next broker starts', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.svc`;
    const first = await start();
    await declare(first, ns, 'svc', ['order.placed.v1']);
    await first.publish(`${ns}.events`, message('order.placed.v1', 'd1'));
    await first.publish(`${ns}.events`, message('order.placed.v1', 'd2'));
    const taken = await first.get(queue);
    expect(taken && label(taken)).toBe('d1');
    await crash(first, queue);
    expect((await rows(queue)).map((r) => r.locked)).toEqual([true, false]);

    const second = await start();
    expect((await rows(queue)).map((r) => r.locked)).toEqual([false, false]); // released on start
    const seen: Array<{ label: string; redelivered: boolean }> = [];
    await second.consume(queue, 5, async (delivery) => {
      seen.push({ label: label(delivery), redelivered: delivery.redelivered });
      delivery.ack();
    });
    await eventually('both delivered', async () => (seen.length === 2 ? true : undefined));
    expect(seen).toEqual([
      { label: 'd1', redelivered: true },
      { label: 'd2', redelivered: false },
    ]);
  });

  it('dead-letters a message that keeps crashing its consumer across restarts (delivery limit, as RabbitMQ: limit + 1 deliveries)', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.crashy`;
    const setup = await start();
    await declare(setup, ns, 'crashy', ['crash.me.v1'], { delaysMs: [100], deliveryLimit: 2 });
    await setup.publish(`${ns}.events`, message('crash.me.v1', 'boom'));
    await stop(setup);

    const deliveries: boolean[] = [];
    for (let run = 0; run < 6; run++) {
      const transport = await start();
      if ((await transport.messageCount(`${queue}.dlq`)) === 1) break;
      await transport.consume(queue, 1, async (delivery) => {
        deliveries.push(delivery.redelivered); // the handler "crashes" the process: never settled
      });
      await eventually(`delivery in run ${run + 1}`, async () => (deliveries.length === run + 1 ? true : undefined));
      await crash(transport, queue);
    }
    expect(deliveries).toEqual([false, true, true]);
    expect(await rows(queue)).toEqual([]);
    const [dead] = await rows(`${queue}.dlq`);
    expect(dead.headers).toMatchObject({ label: 'boom', 'x-first-death-reason': 'delivery_limit', 'x-first-death-queue': queue });
  });

  it('dead-letters at claim time, without delivering, a message already delivered more than the limit allows', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.crashy`;
    const setup = await start();
    await declare(setup, ns, 'crashy', ['crash.me.v1'], { delaysMs: [100], deliveryLimit: 2 });
    await setup.publish(`${ns}.events`, message('crash.me.v1', 'over'));
    await stop(setup);
    // Three runs died holding it (limit 2 allows three deliveries).
    await sql.query(`UPDATE "embedded_bus"."messages" SET "deliveries" = 3, "locked_until" = 'infinity' WHERE "queue" = $1`, [queue]);

    const transport = await start();
    const handled: string[] = [];
    await transport.consume(queue, 1, async (delivery) => {
      handled.push(label(delivery));
      delivery.ack();
    });
    await eventually('dead-lettered', async () => ((await transport.messageCount(`${queue}.dlq`)) === 1 ? true : undefined));
    expect(await rows(queue)).toEqual([]);
    expect(handled).toEqual([]);
  });

  it('routes by topic pattern like RabbitMQ (* one word, # zero or more), once per queue, and keeps unroutable messages', async () => {
    expect(topicMatches('a.*.c', 'a.b.c')).toBe(true);
    expect(topicMatches('a.*.c', 'a.c')).toBe(false);
    expect(topicMatches('a.#', 'a')).toBe(true);
    expect(topicMatches('#.z', 'z')).toBe(true);
    expect(topicMatches('a.#.c', 'a.x.y.c')).toBe(true);
    expect(topicMatches('#', 'anything.at.all')).toBe(true);
    expect(topicMatches('a.b', 'a.b.c')).toBe(false);

    const ns = uniqueNamespace();
    const transport = await start();
    await declare(transport, ns, 'star', ['a.*.c']);
    await declare(transport, ns, 'hash', ['a.#', 'a.*.*']); // both match a.b.c: one copy
    await declare(transport, ns, 'tail', ['#.z']);
    await declare(transport, ns, 'exact', ['x.y']);
    for (const key of ['a.b.c', 'a', 'a.b.b.c', 'q.z', 'z', 'x.y', 'x.y.z.w', 'nope']) await transport.publish(`${ns}.events`, message(key, key));

    const labels = async (service: string) => (await rows(`${ns}.${service}`)).map((r) => r.headers.label);
    expect(await labels('star')).toEqual(['a.b.c']);
    expect(await labels('hash')).toEqual(['a.b.c', 'a', 'a.b.b.c']);
    expect(await labels('tail')).toEqual(['q.z', 'z']);
    expect(await labels('exact')).toEqual(['x.y']);
    expect((await rows(`${ns}.unroutable`)).map((r) => r.headers.label)).toEqual(['x.y.z.w', 'nope']);
    expect(await transport.messageCount(`${ns}.unroutable`)).toBe(2);
    await expect(transport.publish(`${ns}.missing`, message('a.b.c'))).rejects.toThrow(/NOT_FOUND - no exchange/);
    await expect(transport.sendToQueue(`${ns}.missing`, message('a.b.c'))).rejects.toThrow(/NOT_FOUND - no queue/);
    await expect(transport.messageCount(`${ns}.missing`)).rejects.toThrow(/NOT_FOUND - no queue/);
  });

  it('holds a message sent to a retry queue for its TTL, then delivers it to the service queue', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.svc`;
    const retryQueue = `${ns}.svc.retry.300ms`;
    const transport = await start();
    await declare(transport, ns, 'svc', ['job.v1'], { delaysMs: [300], deliveryLimit: 5 });

    const sentAt = Date.now();
    await transport.sendToQueue(retryQueue, message('job.v1', 'delayed'));
    // Waiting in the retry queue, not ready in the service queue; held back for 300 ms by the database clock.
    expect(await transport.messageCount(retryQueue)).toBe(1);
    expect(await transport.messageCount(queue)).toBe(0);
    const [{ delay_ms }] = (
      await sql.query<{ delay_ms: number }>(
        `SELECT EXTRACT(EPOCH FROM ("ready_at" - "enqueued_at")) * 1000 AS delay_ms FROM "embedded_bus"."messages" WHERE "queue" = $1 AND "delayed_in" = $2`,
        [queue, retryQueue],
      )
    ).rows;
    expect(Number(delay_ms)).toBe(300);

    await transport.publish(`${ns}.events`, message('job.v1', 'immediate'));
    const seen: Array<{ label: string; at: number }> = [];
    await transport.consume(queue, 5, async (delivery) => {
      seen.push({ label: label(delivery), at: Date.now() });
      delivery.ack();
    });
    await eventually('both delivered', async () => (seen.length === 2 ? true : undefined));
    // The delayed one has the lower id but was not ready: the later, immediate one came first.
    expect(seen.map((s) => s.label)).toEqual(['immediate', 'delayed']);
    expect(seen[1].at - sentAt).toBeGreaterThanOrEqual(299);
    expect(await transport.messageCount(retryQueue)).toBe(0);
  });

  it('keeps exactly prefetch deliveries in flight', async () => {
    const ns = uniqueNamespace();
    const queue = `${ns}.svc`;
    const transport = await start();
    await declare(transport, ns, 'svc', ['work.v1']);
    for (let i = 0; i < 5; i++) await transport.publish(`${ns}.events`, message('work.v1', `w${i}`));
    const held: InboundDelivery[] = [];
    await transport.consume(queue, 2, async (delivery) => {
      held.push(delivery); // not acked
    });
    await eventually('two delivered', async () => (held.length >= 2 ? true : undefined));
    await transport.publish(`${ns}.events`, message('work.v1', 'w5')); // a wake-up while full
    expect(held.map(label)).toEqual(['w0', 'w1']);
    expect((await rows(queue)).filter((r) => r.locked)).toHaveLength(2);
    expect(await transport.messageCount(queue)).toBe(4);

    held[0].ack(); // frees one slot: exactly one more
    await eventually('third delivered', async () => (held.length >= 3 ? true : undefined));
    expect(held.map(label)).toEqual(['w0', 'w1', 'w2']);
    expect((await rows(queue)).filter((r) => r.locked)).toHaveLength(2);
    expect(await transport.messageCount(queue)).toBe(3);

    held[1].requeue(); // handed back: delivered again (redelivered), still two in flight
    await eventually('w1 again', async () => (held.length >= 4 ? true : undefined));
    expect(label(held[3])).toBe('w1');
    expect(held[3].redelivered).toBe(true);
    expect((await rows(queue)).filter((r) => r.locked)).toHaveLength(2);
    expect(transport.activeConsumers()).toBe(1);
    await transport.stopConsuming();
    expect(transport.activeConsumers()).toBe(0);
  });

  it('shares one broker per database in the process and closes its pool with the last transport', async () => {
    const ns = uniqueNamespace();
    const a = await start();
    const b = await start();
    await declare(a, ns, 'svc', ['share.v1']);
    await stop(a);
    expect(a.isConnected()).toBe(false);
    expect(b.isConnected()).toBe(true);
    await b.publish(`${ns}.events`, message('share.v1', 'still-works'));
    const got = await b.get(`${ns}.svc`);
    expect(got && label(got)).toBe('still-works');
    got!.ack();
    await stop(b); // awaits the ack
    expect(await rows(`${ns}.svc`)).toEqual([]);
    await eventually('broker connections closed', async () => {
      const { rows: [{ n }] } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'embedded-bus'`,
      );
      return n === 0 ? true : undefined;
    });
  });

  it('is selected by RABBITMQ_URL=embedded: and names DATABASE_URL when the database is unreachable', async () => {
    for (const url of ['embedded:', 'embedded://']) {
      const reader = new EnvReader({ RABBITMQ_URL: url, DATABASE_URL: db.url });
      const config = readServiceConfig('analytics-svc', reader);
      reader.done();
      const transport = await connectTransport(busOptionsFrom(config), 5_000);
      expect(transport).toBeInstanceOf(EmbeddedTransport);
      expect(transport.isConnected()).toBe(true);
      await transport.close();
      expect(transport.isConnected()).toBe(false);
    }

    const bad = new EnvReader({ RABBITMQ_URL: 'http://broker' });
    readServiceConfig('analytics-svc', bad);
    expect(() => bad.done()).toThrow(ConfigError);
    expect(() => bad.done()).toThrow(/RABBITMQ_URL must be a URL starting with amqp:\/\/, amqps:\/\/ or embedded:/);

    const reader = new EnvReader({ RABBITMQ_URL: 'embedded:', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    const unreachable = busOptionsFrom(readServiceConfig('analytics-svc', reader));
    const failure = await connectTransport(unreachable, 5_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as StartupError).variable).toBe('DATABASE_URL');
    expect((failure as Error).message).toMatch(/^DATABASE_URL: cannot reach postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/);
  });
});
