import { Events } from '@app/contracts';
import type { ConnectionView, Platform, PostDuePayload, RoutingKey } from '@app/contracts';
import { BusObserver, InProcessService, startInProcess } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { postingConfigFrom } from '../../src/config/posting.config';
import { PostingModule } from '../../src/posting.module';

export const TEST_TOKEN_KEY = `test=${randomBytes(32).toString('base64')}`;

export const OBSERVED_EVENTS: RoutingKey[] = [Events.PostPublished, Events.PostFailed, Events.PostAttempted, Events.PostUnconfirmed];

/** posting-svc in this process on the real database and broker, its platforms pointed at local fakes. */
export async function startPosting(env: Record<string, string>, replicaOf?: InProcessService): Promise<InProcessService> {
  return startInProcess({
    queue: 'posting-svc',
    readConfig: postingConfigFrom,
    module: PostingModule.forRoot,
    replicaOf,
    env: {
      TOKEN_ENCRYPTION_KEYS: TEST_TOKEN_KEY,
      PUBLISH_TICK_MS: '50',
      PUBLISH_RETRY_BASE_MS: '50',
      PUBLISH_RECONCILE_DELAY_MS: '50',
      PUBLISH_LEASE_MS: '5000',
      PLATFORM_TIMEOUT_MS: '1500',
      ...env,
    },
  });
}

export function duePost(userId: string, platform: Platform, over: Partial<PostDuePayload> = {}): PostDuePayload {
  return {
    postId: randomUUID(),
    campaignId: randomUUID(),
    userId,
    platform,
    contentType: 'single',
    text: `Quiet desks, loud ideas ${randomBytes(4).toString('hex')} #CoWorking`,
    hashtags: ['#CoWorking'],
    scheduledTime: new Date().toISOString(),
    editRevision: 0,
    ...over,
  };
}

export async function connect(svc: InProcessService, body: Record<string, unknown>): Promise<ConnectionView> {
  const res = await request(svc.app.getHttpServer()).post('/internal/connections').send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`connect failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ConnectionView;
}

/** The final outcome event of a post (published, failed or unconfirmed). */
export function outcomeOf(observer: BusObserver, postId: string) {
  return observer.waitFor(`outcome of ${postId}`, (m) => m.routingKey !== Events.PostAttempted && (m.payload as { postId: string }).postId === postId);
}

export function attemptsOf(observer: BusObserver, postId: string): Array<{ attempt: number; outcome: string; detail?: string; nextAttemptAt?: string }> {
  return observer
    .of(Events.PostAttempted)
    .map((m) => m.payload as { postId: string; attempt: number; outcome: string; detail?: string; nextAttemptAt?: string })
    .filter((p) => p.postId === postId)
    .sort((a, b) => a.attempt - b.attempt);
}

export async function publicationOf(db: DataSource, postId: string): Promise<{ status: string; attempts: number; error: string | null; error_code: string | null }> {
  const [row] = await db.query(`SELECT status, attempts, error, error_code FROM posting.publications WHERE post_id = $1`, [postId]);
  return row;
}
