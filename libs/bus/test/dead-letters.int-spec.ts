import { BusServer, DeadLetters, toWire } from '@app/bus';
import { EnvReader, SERVICE_CONFIG, ServiceConfig, readServiceConfig } from '@app/config';
import type { ServiceName } from '@app/config';
import { Events } from '@app/contracts';
import { DeadLettersAdminController } from '@app/service-kit';
import { TestDatabase, createTestDatabase, eventually, uniqueNamespace } from '@app/testing';
import { INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dlqMain } from '@app/launcher';
import { BusHarness, startEmbeddedHarness, startRabbitHarness } from './bus-harness';
import { TEST_SCHEMA } from './bus-test.module';
import { BrokenPosts, DeadLettersTestModule } from './dead-letters-test.module';

/** A real service name, so the `npm run dlq` tool (which only knows the seven services) can address its DLQ. */
const SERVICE: ServiceName = 'posting-svc';
const RETRY_DELAYS = [50];
const TOKEN = 'dead-letters-admin-token-0123456789';
const ROOT = path.resolve(__dirname, '../../..');

type Kind = 'rabbitmq' | 'embedded';

/**
 * Dead-letter tooling end to end on both transports, on the real broker and database: letters made by the bus
 * itself (poison messages and handlers whose retries ran out), listed without loss or reordering however often,
 * inspected, replayed by id to a fixed handler, discarded; through DeadLetters, the admin HTTP API and the CLI.
 */
describe.each<[string, Kind]>([
  ['RabbitMQ', 'rabbitmq'],
  ['the embedded broker', 'embedded'],
])('dead letters on %s', (_name, kind) => {
  let db: TestDatabase;
  let namespace: string;
  let harness: BusHarness;
  let app: INestApplication;
  let config: ServiceConfig;
  let letters: DeadLetters;
  let broken: BrokenPosts;
  let url: string;
  /** Message ids of the letters in the order they were dead-lettered. */
  const ids: Record<string, string> = {};
  let order: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('dlq');
    namespace = uniqueNamespace();
    harness =
      kind === 'rabbitmq'
        ? await startRabbitHarness(namespace, [], { services: [SERVICE], retryDelaysMs: RETRY_DELAYS })
        : await startEmbeddedHarness(namespace, [], db.url);
    const reader = new EnvReader({
      DATABASE_URL: db.url,
      RABBITMQ_URL: harness.rabbitmqUrl,
      BUS_NAMESPACE: namespace,
      BUS_RETRY_DELAYS_MS: RETRY_DELAYS.join(','),
      BUS_PREFETCH: '1',
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'error',
    });
    config = { ...readServiceConfig(SERVICE, reader), schema: TEST_SCHEMA, port: 0 };
    reader.done();
    app = await NestFactory.create(DeadLettersTestModule.forRoot(config), { logger: ['error'], abortOnError: false });
    app.connectMicroservice({ strategy: app.get(BusServer) });
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    letters = app.get(DeadLetters);
    broken = app.get(BrokenPosts);
  });

  afterAll(async () => {
    await app?.close();
    await harness?.close();
    await db?.drop();
  });

  const cancelled = (postId: string) =>
    toWire(Events.PostCancelled, { postId, campaignId: `campaign-${postId}`, cancelledAt: new Date().toISOString() }, { correlationId: `campaign-${postId}`, producer: 'test' });

  const publish = (routingKey: string, body: Buffer, headers: Record<string, string | number>, messageId = randomUUID()) =>
    harness.publishRaw(routingKey, body, { messageId, correlationId: `corr-${messageId.slice(0, 8)}`, type: routingKey, headers }).then(() => messageId);

  const effects = async (postId: string): Promise<number> => {
    const [row] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM "${TEST_SCHEMA}"."effects" WHERE "post_id" = $1`, [postId]);
    return row.n;
  };

  const dlqIds = async () => (await letters.list(1000)).letters.map((l) => l.messageId);

  /** Sends one message and waits until it is the DLQ's newest letter, so the DLQ's order is known. */
  const deadLetter = async (label: string, send: () => Promise<string>) => {
    const before = await letters.count();
    ids[label] = await send();
    await eventually(`${label} dead-lettered`, async () => ((await letters.count()) === before + 1 ? true : undefined), 20_000, 25);
    order.push(ids[label]);
  };

  const failing = (label: string) => async () => {
    broken.add(label);
    const wire = cancelled(label);
    await harness.publishRaw(wire.routingKey, wire.body, { messageId: wire.messageId, correlationId: wire.correlationId, type: wire.routingKey, headers: wire.headers });
    return wire.messageId;
  };

  it('dead-letters poison messages at once and failed ones after their retries, all kept in order', async () => {
    await deadLetter('not-json', () => publish(Events.PostCancelled, Buffer.from('{not json'), { 'x-schema-version': 1 }));
    await deadLetter('fail-a', failing('fail-a'));
    await deadLetter('wrong-version', () => publish(Events.PostCancelled, Buffer.from('{"postId":"v","campaignId":"c"}'), { 'x-schema-version': 2 }));
    await deadLetter('fail-b', failing('fail-b'));
    await deadLetter('malformed', () => publish(Events.PostCancelled, Buffer.from('{"campaignId":"c"}'), { 'x-schema-version': 1 }));
    await deadLetter('fail-c', failing('fail-c'));

    const list = await letters.list(100);
    expect(list.queue).toBe(`${namespace}.${SERVICE}.dlq`);
    expect(list.count).toBe(6);
    expect(list.letters.map((l) => l.messageId)).toEqual(order);
    const byId = Object.fromEntries(list.letters.map((l) => [l.messageId, l]));
    expect(byId[ids['not-json']].reason).toMatch(/^poison message: body is not JSON/);
    expect(byId[ids['wrong-version']].reason).toMatch(/x-schema-version header is 2, expected 1/);
    expect(byId[ids['malformed']].reason).toMatch(/payload\.postId must be a non-empty string/);
    expect(byId[ids['fail-a']]).toMatchObject({ routingKey: Events.PostCancelled, failedBy: SERVICE, attempts: 2, correlationId: 'campaign-fail-a' });
    expect(byId[ids['fail-a']].reason).toContain('post fail-a is broken');
    expect(await effects('fail-a')).toBe(0);
  });

  it('lists far more than 20 times without losing or reordering a letter (quorum DLQ without delivery limit)', async () => {
    for (let i = 0; i < 30; i++) {
      const list = await letters.list(i % 2 === 0 ? 100 : 3);
      expect(list.count).toBe(order.length);
      expect(list.letters.map((l) => l.messageId)).toEqual(order.slice(0, i % 2 === 0 ? 100 : 3));
    }
    const peeked = await letters.peek(2);
    expect(peeked.map((l) => l.messageId)).toEqual(order.slice(0, 2));
    expect(peeked[1].payload).toMatchObject({ postId: 'fail-a' });
    if (kind === 'rabbitmq') {
      // The broker really counted each hand-back (every read hands back every letter), and kept the letter.
      const first = await letters.inspect(order[0]);
      expect(first?.deliveryCount).toBeGreaterThanOrEqual(30);
    }
    expect(await dlqIds()).toEqual(order);
  });

  it('inspects one letter in full without moving it', async () => {
    const letter = await letters.inspect(ids['fail-b']);
    expect(letter).not.toBeNull();
    expect(letter!).toMatchObject({
      messageId: ids['fail-b'],
      routingKey: Events.PostCancelled,
      correlationId: 'campaign-fail-b',
      failedBy: SERVICE,
      attempts: 2,
      properties: { messageId: ids['fail-b'], correlationId: 'campaign-fail-b', type: Events.PostCancelled },
      bodyIsJson: true,
      payload: { postId: 'fail-b', campaignId: 'campaign-fail-b' },
    });
    expect(letter!.reason).toBe('failed 2 times: post fail-b is broken');
    expect(letter!.headers).toMatchObject({ 'x-schema-version': 1, 'x-producer': 'test', 'x-attempt': 1, 'x-failed-by': SERVICE });
    expect(Date.parse(letter!.deadLetteredAt)).not.toBeNaN();
    expect(letter!.bodyBytes).toBe(Buffer.byteLength(JSON.stringify(letter!.payload)));

    const poison = await letters.inspect(ids['not-json']);
    expect(poison).toMatchObject({ bodyIsJson: false, payload: '{not json', attempts: 1 });
    expect(await letters.inspect('no-such-message')).toBeNull();
    expect(await dlqIds()).toEqual(order);
  });

  it('replays one letter by id to the fixed handler; the others stay in order', async () => {
    broken.delete('fail-b');
    const result = await letters.replayByIds([ids['fail-b'], 'no-such-message']);
    expect(result).toEqual({ replayed: 1, messageIds: [ids['fail-b']], notFound: ['no-such-message'] });
    await eventually('fail-b processed after the replay', async () => ((await effects('fail-b')) === 1 ? true : undefined));
    order = order.filter((id) => id !== ids['fail-b']);
    expect(await dlqIds()).toEqual(order);
    expect(await effects('fail-a')).toBe(0); // still broken, still a letter
  });

  it('discards one letter for good; the others stay in order', async () => {
    const result = await letters.discard(ids['wrong-version']);
    expect(result.discarded.map((l) => l.messageId)).toEqual([ids['wrong-version']]);
    order = order.filter((id) => id !== ids['wrong-version']);
    expect(await dlqIds()).toEqual(order);
    expect((await letters.discard(ids['wrong-version'])).discarded).toEqual([]);
  });

  describe('admin HTTP API', () => {
    const api = () => request(app.getHttpServer());
    const auth = { Authorization: `Bearer ${TOKEN}` };

    it('answers 401 without the bearer token or with a wrong one', async () => {
      const missing = await api().get('/admin/dead-letters');
      expect(missing.status).toBe(401);
      expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(missing.body.message).toMatch(/missing admin token/);
      const wrong = await api().get('/admin/dead-letters').set('Authorization', 'Bearer not-the-token-at-all');
      expect(wrong.status).toBe(401);
      expect(wrong.body.message).toBe('invalid admin token');
      expect((await api().delete(`/admin/dead-letters/${ids['fail-a']}`).set('Authorization', `Basic ${TOKEN}`)).status).toBe(401);
      expect(await dlqIds()).toEqual(order); // nothing happened
    });

    it('answers 403 saying ADMIN_TOKEN is not set when the service has none', async () => {
      @Module({
        controllers: [DeadLettersAdminController],
        providers: [
          { provide: SERVICE_CONFIG, useValue: { ...config, adminToken: undefined } },
          { provide: DeadLetters, useValue: letters },
        ],
      })
      class NoTokenModule {}
      const bare = await NestFactory.create(NoTokenModule, { logger: false });
      await bare.init();
      try {
        const response = await request(bare.getHttpServer()).get('/admin/dead-letters').set(auth);
        expect(response.status).toBe(403);
        expect(response.body.message).toMatch(/ADMIN_TOKEN is not set/);
      } finally {
        await bare.close();
      }
    });

    it('lists (count + letters) and inspects', async () => {
      const list = await api().get('/admin/dead-letters?limit=2').set(auth);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ service: SERVICE, queue: `${namespace}.${SERVICE}.dlq`, count: order.length });
      expect(list.body.letters.map((l: { messageId: string }) => l.messageId)).toEqual(order.slice(0, 2));
      expect(list.body.letters[0].payload).toBeUndefined();
      const one = await api().get(`/admin/dead-letters/${ids['fail-a']}`).set(auth);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ messageId: ids['fail-a'], payload: { postId: 'fail-a' }, failedBy: SERVICE });
      const none = await api().get('/admin/dead-letters/no-such-message').set(auth);
      expect(none.status).toBe(404);
      expect(none.body.message).toContain('no-such-message');
    });

    it('answers 400 naming the field for invalid input', async () => {
      const cases: Array<[request.Test, string, RegExp]> = [
        [api().get('/admin/dead-letters?limit=abc').set(auth), 'limit', /limit must be an integer/],
        [api().get('/admin/dead-letters?limit=0').set(auth), 'limit', /limit must not be less than 1/],
        [api().post('/admin/dead-letters/replay').set(auth).send({}), 'messageIds', /messageIds or count is required/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ messageIds: [] }), 'messageIds', /at least 1/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ messageIds: [42] }), 'messageIds', /must be a string/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ count: 0 }), 'count', /count must not be less than 1/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ count: 'two' }), 'count', /count must be an integer/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ count: 1, messageIds: ['x'] }), 'count', /cannot be given together with messageIds/],
        [api().post('/admin/dead-letters/replay').set(auth).send({ messageIds: ['x'], everything: true }), 'everything', /should not exist/],
      ];
      for (const [call, field, message] of cases) {
        const response = await call;
        expect({ status: response.status, field: response.body.errors?.[0]?.field }).toEqual({ status: 400, field });
        expect(response.body.errors[0].messages.join('; ')).toMatch(message);
        expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
      expect(await dlqIds()).toEqual(order); // nothing replayed
    });

    it('replays by id (processed by the fixed handler) and discards', async () => {
      broken.delete('fail-a');
      const replay = await api().post('/admin/dead-letters/replay').set(auth).send({ messageIds: [ids['fail-a']] });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ queue: `${namespace}.${SERVICE}.dlq`, replayed: 1, messageIds: [ids['fail-a']], notFound: [] });
      await eventually('fail-a processed after the replay', async () => ((await effects('fail-a')) === 1 ? true : undefined));
      order = order.filter((id) => id !== ids['fail-a']);
      expect(await dlqIds()).toEqual(order);

      const gone = await api().delete(`/admin/dead-letters/${ids['malformed']}`).set(auth);
      expect(gone.status).toBe(200);
      expect(gone.body.discarded.map((l: { messageId: string }) => l.messageId)).toEqual([ids['malformed']]);
      expect((await api().delete(`/admin/dead-letters/${ids['malformed']}`).set(auth)).status).toBe(404);
      order = order.filter((id) => id !== ids['malformed']);
      expect(await dlqIds()).toEqual(order);
    });
  });

  describe('npm run dlq', () => {
    const run = async (argv: string[], env: Record<string, string | undefined> = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await dlqMain(argv, { DATABASE_URL: db.url, RABBITMQ_URL: harness.rabbitmqUrl, BUS_NAMESPACE: namespace, LOG_LEVEL: 'error', ...env }, {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      });
      return { status, out: out.join('\n'), err: err.join('\n') };
    };

    it('lists and inspects through the admin API with --url and ADMIN_TOKEN (how the embedded mode is reached)', async () => {
      const list = await run([SERVICE, 'list', '--url', url], { ADMIN_TOKEN: TOKEN });
      expect(list).toMatchObject({ status: 0, err: '' });
      expect(list.out.split('\n')[0]).toBe(`${order.length} dead letter(s) in ${namespace}.${SERVICE}.dlq`);
      const positions = order.map((id) => list.out.indexOf(id));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);

      const inspect = await run([SERVICE, 'inspect', order[0], '--url', url], { ADMIN_TOKEN: TOKEN });
      expect(inspect.status).toBe(0);
      expect(JSON.parse(inspect.out)).toMatchObject({ messageId: order[0] });

      const wrongToken = await run([SERVICE, 'list', '--url', url], { ADMIN_TOKEN: 'some-other-token-0123456789' });
      expect(wrongToken.status).toBe(1);
      expect(wrongToken.err).toMatch(/answered 401: invalid admin token/);
      const noToken = await run([SERVICE, 'list', '--url', url]);
      expect(noToken).toMatchObject({ status: 1 });
      expect(noToken.err).toMatch(/set ADMIN_TOKEN/);
    });

    if (kind === 'embedded') {
      it('points at the admin API when RABBITMQ_URL is embedded', async () => {
        const result = await run([SERVICE, 'list']);
        expect(result.status).toBe(1);
        expect(result.err).toMatch(/embedded bus lives inside the `npm start` process/);
        expect(result.err).toContain('--url http://');
      });
    }

    if (kind === 'rabbitmq') {
      it('lists, inspects, replays by id and discards on the broker', async () => {
        const fixed = `fixed-${randomUUID().slice(0, 8)}`;
        await deadLetter(fixed, failing(fixed));
        const lastOf = () => order[order.length - 1];
        expect(lastOf()).toBe(ids[fixed]);

        const list = await run([SERVICE, 'list', '50', '--json']);
        expect(list.status).toBe(0);
        expect(JSON.parse(list.out).letters.map((l: { messageId: string }) => l.messageId)).toEqual(order);

        const inspect = await run([SERVICE, 'inspect', ids[fixed]]);
        expect(inspect.status).toBe(0);
        expect(JSON.parse(inspect.out)).toMatchObject({ messageId: ids[fixed], payload: { postId: fixed }, failedBy: SERVICE });
        expect((await run([SERVICE, 'inspect', 'no-such-message'])).status).toBe(1);

        broken.delete(fixed);
        const replay = await run([SERVICE, 'replay', '--id', ids[fixed], 'no-such-message']);
        expect(replay.status).toBe(1); // one id was not there
        expect(replay.out).toContain(`replayed 1 message(s) from ${namespace}.${SERVICE}.dlq: ${ids[fixed]}`);
        expect(replay.out).toContain('not found: no-such-message');
        await eventually(`${fixed} processed after the CLI replay`, async () => ((await effects(fixed)) === 1 ? true : undefined));
        order = order.filter((id) => id !== ids[fixed]);
        expect(await dlqIds()).toEqual(order);

        const discard = await run([SERVICE, 'discard', order[0]]);
        expect(discard).toMatchObject({ status: 0, out: `discarded 1 letter(s) with message id ${order[0]} from ${namespace}.${SERVICE}.dlq` });
        order = order.slice(1);
        expect(await dlqIds()).toEqual(order);

        const usage = await run([SERVICE, 'replay', '3', '--id', 'x']);
        expect(usage.status).toBe(2);
        expect(usage.err).toMatch(/either a count or --id/);
      });

      it('runs as its own process (from the TypeScript sources) with exit statuses and clean --json output', async () => {
        const cli = (args: string[]) =>
          new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
            execFile(
              process.execPath,
              [path.join(ROOT, 'scripts/ts-run.cjs'), 'libs/launcher/src/dlq.ts', ...args],
              { cwd: ROOT, env: { PATH: process.env.PATH, RABBITMQ_URL: harness.rabbitmqUrl, BUS_NAMESPACE: namespace, DATABASE_URL: db.url }, timeout: 30_000 },
              (error, stdout, stderr) => resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
            );
          });
        const list = await cli([SERVICE, 'list', '--json']);
        expect({ status: list.status, stderr: list.stderr }).toEqual({ status: 0, stderr: '' });
        expect(JSON.parse(list.stdout)).toMatchObject({ queue: `${namespace}.${SERVICE}.dlq`, count: order.length });
        expect(JSON.parse(list.stdout).letters.map((l: { messageId: string }) => l.messageId)).toEqual(order);
        const missing = await cli([SERVICE, 'inspect', 'no-such-message']);
        expect(missing.status).toBe(1);
        expect(missing.stderr).toContain(`no dead letter with message id no-such-message in ${namespace}.${SERVICE}.dlq`);
        const usage = await cli(['no-such-service', 'list']);
        expect(usage.status).toBe(2);
        expect(usage.stderr).toMatch(/unknown service "no-such-service"/);
        expect(await dlqIds()).toEqual(order);
      });

      it('replays the first n letters; one that fails again comes back at the end of the queue', async () => {
        await deadLetter('late-poison', () => publish(Events.PostCancelled, Buffer.from('[]'), { 'x-schema-version': 1 }));
        expect(order.length).toBeGreaterThanOrEqual(2);
        const [first, ...others] = order;
        const replay = await run([SERVICE, 'replay', '1']);
        expect(replay).toMatchObject({ status: 0 });
        expect(replay.out).toContain(first);
        // Counted, not listed: a listing while the letter comes back holds the others, and the queue puts them
        // behind it when they are returned, so polling by listing would itself change the order under test.
        await eventually('the replayed letter dead-lettered again', async () => ((await letters.count()) === order.length ? true : undefined));
        order = [...others, first];
        expect(await dlqIds()).toEqual(order);
      });
    }
  });
});
