import { Events } from '@app/contracts';
import type { OptimizationUpdatedPayload, PostAnalyticsView, PostDuePayload } from '@app/contracts';
import type { ServiceGroup } from '@app/launcher';
import { FakeMastodon } from '@app/platforms';
import { BusObserver, TestDatabase, createTestDatabase, deleteNamespace, eventually, startSystem, uniqueNamespace } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(120_000);

const HOUR = 3_600_000;

/**
 * The Analytics and Optimization agents as processes (posting-svc + analytics-svc from the build) on the real
 * RabbitMQ and PostgreSQL, reading a local fake Mastodon instance through the real adapter and the sandbox's
 * audience simulator: history import on connect, metric readings on schedule, a deleted post, a rate limit,
 * a revoked token and its reconnect, and the model published as optimization.updated.
 */
describe('analytics-svc: collection, history import and optimization', () => {
  const fake = new FakeMastodon();
  let db: TestDatabase;
  let namespace: string;
  let system: ServiceGroup;
  let sql: Client;
  let observer: BusObserver;
  const posting = (p: string) => `http://127.0.0.1:${system.ports['posting-svc']}${p}`;
  const analytics = (p: string) => `http://127.0.0.1:${system.ports['analytics-svc']}${p}`;

  beforeAll(async () => {
    await fake.start();
    db = await createTestDatabase('analytics_loop');
    namespace = uniqueNamespace();
    system = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir: path.resolve(__dirname, '../../../test-artifacts/logs', namespace),
      only: ['posting-svc', 'analytics-svc'],
      env: {
        MASTODON_API_BASE_URL: fake.url,
        TOKEN_ENCRYPTION_KEYS: `an=${randomBytes(32).toString('base64')}`,
        PUBLISH_TICK_MS: '100',
        ANALYTICS_TICK_MS: '150',
        ANALYTICS_COLLECT_AT: '1s,4s,60s',
        ANALYTICS_MATURE_AFTER: '1s',
        ANALYTICS_OPTIMIZE_DEBOUNCE: '1s',
      },
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    observer = await BusObserver.start(namespace, [Events.PostPublished, Events.OptimizationUpdated, Events.AccountConnected]);
  });

  afterAll(async () => {
    await observer?.close();
    await sql?.end();
    await system?.stop();
    await deleteNamespace(namespace, ['posting-svc', 'analytics-svc']);
    await db?.drop();
    await fake.close();
  });

  const connect = async (body: Record<string, unknown>) => {
    const res = await fetch(posting('/internal/connections'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect([200, 201]).toContain(res.status);
    return (await res.json()) as { id: string; kind: string; accountId: string };
  };

  const due = (userId: string, connectionId: string | undefined, text: string): PostDuePayload => ({
    postId: randomUUID(),
    campaignId: randomUUID(),
    userId,
    platform: 'mastodon',
    contentType: 'single',
    text,
    hashtags: [],
    scheduledTime: new Date().toISOString(),
    editRevision: 0,
    connectionId,
  });

  const postView = async (postId: string): Promise<PostAnalyticsView | undefined> => {
    const res = await fetch(analytics(`/internal/analytics/posts/${postId}`));
    return res.status === 200 ? ((await res.json()) as PostAnalyticsView) : undefined;
  };

  /** Waits for the account's first history import, so a post's readings after it come from the schedule alone. */
  const imported = (connectionId: string) =>
    eventually('history imported', async () => ((await sql.query(`SELECT last_import_at FROM analytics.accounts WHERE connection_id = $1`, [connectionId])).rows[0]?.last_import_at ? true : undefined));

  const job = async (postId: string) => (await sql.query(`SELECT status, step, last_error, due_at FROM analytics.collection_jobs WHERE post_id = $1`, [postId])).rows[0];

  it('imports a connected account’s 16 weeks of history with its metrics, and learns from it', async () => {
    const { accountId, token } = fake.addAccount('bakery');
    const now = Date.now();
    // 40 statuses over 20 weeks (the oldest 8 fall outside the 16-week window); evenings get more favourites.
    fake.seedHistory(accountId, 40, {
      newest: new Date(now - 2 * HOUR),
      spacingMs: 3.5 * 24 * HOUR,
      metrics: (i) => ({ favourites_count: 10 + i, reblogs_count: 2, replies_count: 1 }),
    });
    const userId = randomUUID();
    const connection = await connect({ userId, platform: 'mastodon', accessToken: token, serverUrl: fake.url, timeZone: 'Europe/Berlin' });
    const model = await observer.waitFor('a model of the account', (m) => m.routingKey === Events.OptimizationUpdated && (m.payload as OptimizationUpdatedPayload).connectionId === connection.id, 30_000);
    const payload = model.payload as OptimizationUpdatedPayload;
    const imported = (await sql.query(`SELECT platform_post_id, metrics FROM analytics.posts WHERE platform_connection_id = $1 AND source = 'imported' ORDER BY published_at DESC`, [connection.id])).rows;
    expect(imported).toHaveLength(32);
    // The newest status: index 0 → 10 favourites, 2 reblogs, 1 reply; Mastodon reports no impressions.
    expect(imported[0].metrics).toEqual({ likes: 10, shares: 2, comments: 1 });
    expect(payload).toMatchObject({ platform: 'mastodon', timeZone: 'Europe/Berlin', observations: 32, basis: 'engagements' });
    expect(payload.slots).toHaveLength(168);
    expect(payload.bestSlots.length).toBeGreaterThan(0);
    const readings = Number((await sql.query(`SELECT count(*) FROM analytics.analytics a JOIN analytics.posts p ON p.id = a.post_id WHERE p.platform_connection_id = $1`, [connection.id])).rows[0].count);
    expect(readings).toBe(32 * 3);
  });

  it('reads a published post’s metrics on schedule, and stops reading it once the platform deleted it', async () => {
    const { accountId, token } = fake.addAccount('florist');
    const userId = randomUUID();
    const connection = await connect({ userId, platform: 'mastodon', accessToken: token, serverUrl: fake.url });
    await imported(connection.id);
    const post = due(userId, connection.id, 'Tulips are in. What colour should we feature next week?');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = await observer.waitFor('published', (m) => m.routingKey === Events.PostPublished && (m.payload as { postId: string }).postId === post.postId);
    const statusId = (published.payload as { platformPostId: string }).platformPostId;
    fake.setMetrics(statusId, { favourites_count: 3, reblogs_count: 1, replies_count: 0 });
    const first = await eventually('first reading', async () => ((await postView(post.postId))?.series.length === 1 ? postView(post.postId) : undefined), 15_000);
    expect(first!.series[0].metrics).toEqual({ likes: 3, shares: 1, comments: 0 });
    fake.setMetrics(statusId, { favourites_count: 9, reblogs_count: 2, replies_count: 4 });
    const second = await eventually('second reading', async () => {
      const view = await postView(post.postId);
      return view && view.series.length === 2 ? view : undefined;
    }, 15_000);
    expect(second.series.map((r) => r.metrics.likes)).toEqual([3, 9]);
    expect(Date.parse(second.series[1].at)).toBeGreaterThan(Date.parse(second.series[0].at));
    expect(second.series[1].ageHours).toBeGreaterThanOrEqual(second.series[0].ageHours);
    expect(second.metrics).toEqual({ likes: 9, shares: 2, comments: 4 });
    expect(second.engagements).toBe(15);
    expect(second.nextCollectionAt).toBeDefined();
    expect(fake.statusesOf(accountId)).toHaveLength(1);

    // The 60 s reading is brought forward; by then the user deleted the status on Mastodon.
    await fetch(`${fake.url}/api/v1/statuses/${statusId}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    await sql.query(`UPDATE analytics.collection_jobs SET due_at = now() WHERE post_id = $1`, [post.postId]);
    const stopped = await eventually('reading stopped', async () => {
      const row = await job(post.postId);
      return row?.status === 'stopped' ? row : undefined;
    }, 15_000);
    expect(stopped.last_error).toContain('no longer has the post');
    expect((await postView(post.postId))!.series).toHaveLength(2);
  });

  it('waits for the platform’s reset on a rate limit, pauses while the token is revoked, and resumes on reconnect', async () => {
    const { token } = fake.addAccount('cafe');
    const userId = randomUUID();
    const connection = await connect({ userId, platform: 'mastodon', accessToken: token, serverUrl: fake.url });
    await imported(connection.id);
    // The first metrics read is refused until the instance's reset, 4 s from now.
    const reset = new Date(Date.now() + 4_000);
    fake.inject('GET', '/api/v1/statuses/:id', { status: 429, body: { error: 'Too many requests' }, headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset.toISOString() } });
    const post = due(userId, connection.id, 'Flat white Fridays are back.');
    await observer.publish(Events.PostDue, post, post.campaignId);
    await observer.waitFor('published', (m) => m.routingKey === Events.PostPublished && (m.payload as { postId: string }).postId === post.postId);

    const limited = await eventually('rate limited', async () => {
      const row = await job(post.postId);
      return row?.last_error?.startsWith('rate_limited') ? row : undefined;
    }, 15_000);
    expect(new Date(limited.due_at).getTime()).toBeGreaterThanOrEqual(reset.getTime() - 1_000);
    const read = await eventually('read after the reset', async () => ((await postView(post.postId))?.series.length ?? 0) >= 1 ? postView(post.postId) : undefined, 15_000);
    expect(new Date(read!.series[0].at).getTime()).toBeGreaterThanOrEqual(reset.getTime() - 1_000);

    fake.revoke(token);
    await sql.query(`UPDATE analytics.collection_jobs SET due_at = now() WHERE post_id = $1`, [post.postId]);
    const paused = await eventually('paused', async () => {
      const row = await job(post.postId);
      return row?.status === 'paused' ? row : undefined;
    }, 15_000);
    expect(paused.last_error).toContain('reconnect required');

    // The user reconnects the same account with a new token.
    fake.grantToken(connection.accountId, 'mastodon-token-cafe-2');
    await connect({ userId, platform: 'mastodon', accessToken: 'mastodon-token-cafe-2', serverUrl: fake.url });
    const resumed = await eventually('resumed', async () => ((await postView(post.postId))?.series.length ?? 0) >= 2 ? job(post.postId) : undefined, 15_000);
    // Reading again: active, or done when that was its last scheduled reading (the 60 s one, brought forward).
    expect(['active', 'done']).toContain(resumed.status);
    expect(resumed.last_error).toBeNull();
  });

  it('simulates a sandbox account: 16 weeks of history, metrics that grow with age, and a model with confidence', async () => {
    const userId = randomUUID();
    const connection = await connect({ userId, platform: 'mastodon', sandbox: true, timeZone: 'America/Chicago' });
    expect(connection.kind).toBe('sandbox');
    const model = await observer.waitFor('a model of the sandbox account', (m) => m.routingKey === Events.OptimizationUpdated && (m.payload as OptimizationUpdatedPayload).connectionId === connection.id, 30_000);
    const payload = model.payload as OptimizationUpdatedPayload;
    expect(payload.observations).toBeGreaterThanOrEqual(100);
    expect(Math.max(...payload.slots.map((s) => s.confidence))).toBeGreaterThan(0.5);

    const post = due(userId, connection.id, 'Our sourdough starter turns ten today. Any name ideas?');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = await observer.waitFor('published to the sandbox', (m) => m.routingKey === Events.PostPublished && (m.payload as { postId: string }).postId === post.postId);
    expect((published.payload as { platformPostId: string }).platformPostId).toMatch(/^sbx_mastodon_/);
    const view = await eventually('two sandbox readings', async () => {
      const v = await postView(post.postId);
      return v && v.series.length === 2 ? v : undefined;
    }, 20_000);
    const [early, later] = view.series.map((r) => (r.metrics.likes ?? 0) + (r.metrics.shares ?? 0) + (r.metrics.comments ?? 0));
    expect(later).toBeGreaterThanOrEqual(early);
    expect(view.series[0].metrics.impressions).toBeUndefined();
  });
});
