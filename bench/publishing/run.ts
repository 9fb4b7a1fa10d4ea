import { Progress, REPO_ROOT } from '@app/launcher';
import { FakeMastodon } from '@app/platforms';
import { createTestDatabase, deleteNamespace, startSystem, uniqueNamespace } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { percentile } from '../pipeline/stats';

/**
 * POSTS posts due within the same minute, published by POSTING_REPLICAS posting-svc processes (and one
 * scheduler-svc) on the real broker and database, to a local fake Mastodon instance through the real
 * adapter. Prints throughput, lateness against each post's scheduled time (when the platform received it)
 * and duplicates.
 */
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100);
const REPLICAS = Number(process.env.BENCH_POSTING_REPLICAS ?? 2);
/** The posts' times are spread evenly over this window (a short one measures how fast a backlog drains). */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60_000);
const LEAD_MS = 15_000;

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_publish');
  const namespace = uniqueNamespace();
  const logDir = path.join(REPO_ROOT, 'bench/results/logs', namespace);
  const fake = new FakeMastodon();
  fake.rateLimit = { limit: 1_000_000, windowMs: 300_000 };
  await fake.start();
  console.log(`starting scheduler-svc and ${REPLICAS} posting-svc (logs in ${path.relative(REPO_ROOT, logDir)})`);
  const system = await startSystem({
    databaseUrl: db.url,
    namespace,
    logDir,
    only: ['scheduler-svc', 'posting-svc'],
    replicas: { 'posting-svc': REPLICAS },
    env: {
      MASTODON_API_BASE_URL: fake.url,
      TOKEN_ENCRYPTION_KEYS: `bench=${randomBytes(32).toString('base64')}`,
      SCHEDULER_TICK_MS: '250',
      SCHEDULER_BATCH_SIZE: '500',
      OUTBOX_POLL_INTERVAL_MS: '200',
      PUBLISH_TICK_MS: '200',
      BUS_PREFETCH: '64',
    },
  });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  try {
    const posting = `http://127.0.0.1:${system.ports['posting-svc']}`;
    const owners: Array<{ userId: string; connectionId: string }> = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const { token } = fake.addAccount(`bench${i}`);
      const userId = randomUUID();
      const res = await fetch(`${posting}/internal/connections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId, platform: 'mastodon', accessToken: token, serverUrl: fake.url }) });
      if (res.status !== 201) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
      owners.push({ userId, connectionId: ((await res.json()) as { id: string }).id });
    }
    const start = Date.now() + LEAD_MS;
    const due = new Map<string, number>();
    for (let offset = 0; offset < POSTS; offset += 1_000) {
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let i = offset; i < Math.min(POSTS, offset + 1_000); i++) {
        const owner = owners[i % ACCOUNTS];
        const postId = randomUUID();
        const dueAt = start + Math.floor((i / POSTS) * WINDOW_MS);
        due.set(postId, dueAt);
        const content = { text: `Bench post ${postId}`, hashtags: [], connectionId: owner.connectionId };
        const n = values.length;
        rows.push(`($${n + 1}, $${n + 2}, $${n + 3}, 'mastodon', 'single', $${n + 4}, $${n + 5}, 'armed', 0)`);
        values.push(postId, randomUUID(), owner.userId, JSON.stringify(content), new Date(dueAt));
      }
      await pg.query(
        `INSERT INTO scheduler.scheduled_posts (post_id, campaign_id, user_id, platform, content_type, content, due_at, status, edit_revision) VALUES ${rows.join(', ')}`,
        values,
      );
    }
    console.log(`${POSTS} posts for ${ACCOUNTS} accounts due from ${new Date(start).toISOString()} over ${WINDOW_MS / 1000} s`);
    const progress = new Progress('published', POSTS);
    while (fake.statuses.length < POSTS) {
      progress.update(fake.statuses.length);
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (Date.now() - start > WINDOW_MS + 300_000) throw new Error(`only ${fake.statuses.length} of ${POSTS} published 5 minutes after the window`);
    }
    progress.update(POSTS);
    progress.finish();
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // anything late or duplicated shows up now
    const byPost = new Map<string, number[]>();
    for (const status of fake.statuses) {
      const postId = status.text.slice('Bench post '.length);
      byPost.set(postId, [...(byPost.get(postId) ?? []), status.createdAt.getTime()]);
    }
    const duplicates = [...byPost.values()].reduce((sum, times) => sum + times.length - 1, 0);
    const lateness = [...byPost].map(([postId, times]) => Math.min(...times) - due.get(postId)!).sort((a, b) => a - b);
    const first = Math.min(...fake.statuses.map((s) => s.createdAt.getTime()));
    const last = Math.max(...fake.statuses.map((s) => s.createdAt.getTime()));
    const [counts] = (await pg.query(`SELECT count(*) FILTER (WHERE status = 'published')::int AS published, count(*) FILTER (WHERE status <> 'published')::int AS other FROM posting.publications`)).rows;
    console.log('');
    console.log(`posts: ${POSTS} due over ${WINDOW_MS / 1000} s, ${ACCOUNTS} accounts, ${REPLICAS} posting-svc replicas`);
    console.log(`published: ${byPost.size} distinct posts (${counts.published} publications settled published, ${counts.other} other)`);
    console.log(`duplicates on the platform: ${duplicates}`);
    console.log(`throughput: ${(fake.statuses.length / ((last - first) / 1000)).toFixed(0)} posts/s from first to last post`);
    console.log(`lateness vs scheduled time: p50 ${fmt(percentile(lateness, 50))}, p99 ${fmt(percentile(lateness, 99))}, max ${fmt(lateness[lateness.length - 1])}`);
    console.log(`share published within 6.9 s of its time: ${((lateness.filter((l) => l <= 6_900).length / lateness.length) * 100).toFixed(2)} %`);
  } finally {
    await pg.end();
    await system.stop();
    await fake.close();
    await deleteNamespace(namespace, ['scheduler-svc', 'posting-svc'], [200, 500]);
    await db.drop();
  }
}

function fmt(ms: number): string {
  return ms >= 1_000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
