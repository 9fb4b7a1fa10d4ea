import { Events } from '@app/contracts';
import type { ServiceGroup } from '@app/launcher';
import { FakeMastodon } from '@app/platforms';
import { BusObserver, TestDatabase, createTestDatabase, deleteNamespace, eventually, startSystem, uniqueNamespace } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(120_000);

const POSTS = 240;
const ACCOUNTS = 6;

/**
 * Two scheduler-svc and two posting-svc processes from the build on the real RabbitMQ and PostgreSQL,
 * publishing through the real Mastodon adapter to a local fake instance: every post is published exactly
 * once, and posts deleted one second before their time are never published.
 */
describe('publishing with two scheduler and two posting replicas', () => {
  const fake = new FakeMastodon();
  let db: TestDatabase;
  let namespace: string;
  let system: ServiceGroup;
  let sql: Client;
  let observer: BusObserver;

  beforeAll(async () => {
    await fake.start();
    fake.rateLimit = { limit: 1_000_000, windowMs: 300_000 };
    db = await createTestDatabase('e2e_replicas');
    namespace = uniqueNamespace();
    system = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir: path.resolve(__dirname, '../../test-artifacts/logs', namespace),
      only: ['scheduler-svc', 'posting-svc'],
      replicas: { 'scheduler-svc': 2, 'posting-svc': 2 },
      env: { MASTODON_API_BASE_URL: fake.url, TOKEN_ENCRYPTION_KEYS: `e2e=${randomBytes(32).toString('base64')}`, PUBLISH_TICK_MS: '100', PUBLISH_CONCURRENCY: '8' },
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    observer = await BusObserver.start(namespace, [Events.PostPublished, Events.PostFailed]);
  });

  afterAll(async () => {
    await observer?.close();
    await sql?.end();
    await system?.stop();
    await deleteNamespace(namespace, ['scheduler-svc', 'posting-svc']);
    await db?.drop();
    await fake.close();
  });

  it('publishes every post exactly once and never one deleted a second before its time', async () => {
    const owners: Array<{ userId: string; connectionId: string }> = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const { token } = fake.addAccount(`replica${i}`);
      const userId = randomUUID();
      // Either replica serves the internal API; they share the database.
      const port = system.portOf(i % 2 === 0 ? 'posting-svc' : 'posting-svc#2');
      const res = await fetch(`http://127.0.0.1:${port}/internal/connections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, platform: 'mastodon', accessToken: token, serverUrl: fake.url }) });
      expect(res.status).toBe(201);
      owners.push({ userId, connectionId: ((await res.json()) as { id: string }).id });
    }
    const dueAt = new Date(Date.now() + 4_000);
    const posts = Array.from({ length: POSTS }, (_, i) => ({ postId: randomUUID(), campaignId: randomUUID(), owner: owners[i % ACCOUNTS], cancelled: i % 40 === 0 }));
    for (const post of posts) {
      await sql.query(
        `INSERT INTO scheduler.scheduled_posts (post_id, campaign_id, user_id, platform, content_type, content, due_at, status, edit_revision)
         VALUES ($1, $2, $3, 'mastodon', 'single', $4, $5, 'armed', 0)`,
        [post.postId, post.campaignId, post.owner.userId, JSON.stringify({ text: `Replica post ${post.postId}`, hashtags: [], connectionId: post.owner.connectionId }), dueAt],
      );
    }
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now() - 1_000));
    for (const post of posts.filter((p) => p.cancelled)) {
      await observer.publish(Events.PostCancelled, { postId: post.postId, campaignId: post.campaignId, cancelledAt: new Date().toISOString() }, post.campaignId);
    }
    const expected = posts.filter((p) => !p.cancelled);
    await eventually('every post published', async () => (observer.of(Events.PostPublished).length >= expected.length ? true : undefined), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // a duplicate or a cancelled post would show up now

    const onPlatform = new Map<string, number>();
    for (const status of fake.statuses) onPlatform.set(status.text, (onPlatform.get(status.text) ?? 0) + 1);
    expect(fake.statuses).toHaveLength(expected.length);
    expect(expected.every((p) => onPlatform.get(`Replica post ${p.postId}`) === 1)).toBe(true);
    expect(posts.filter((p) => p.cancelled).some((p) => onPlatform.has(`Replica post ${p.postId}`))).toBe(false);
    expect(observer.of(Events.PostPublished)).toHaveLength(expected.length);
    expect(observer.of(Events.PostFailed)).toHaveLength(0);
    const { rows } = await sql.query(`SELECT status, count(*)::int AS n FROM scheduler.scheduled_posts GROUP BY status ORDER BY status`);
    expect(rows).toEqual([
      { status: 'cancelled', n: posts.length - expected.length },
      { status: 'dispatched', n: expected.length },
    ]);
  });
});
