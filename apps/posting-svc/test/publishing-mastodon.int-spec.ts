import { Events } from '@app/contracts';
import type { PostFailedPayload, PostPublishedPayload, PostUnconfirmedPayload } from '@app/contracts';
import { FakeMastodon } from '@app/platforms';
import { BusObserver, InProcessService, eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OBSERVED_EVENTS, attemptsOf, connect, duePost, outcomeOf, publicationOf, startPosting } from './support/posting-harness';

/**
 * posting-svc on the real database and broker, publishing through the real Mastodon adapter to a local
 * fake instance: connections, retries, the unknown outcome, reconnects, and the sandbox fallback.
 */
describe('posting-svc publishing to Mastodon', () => {
  const fake = new FakeMastodon();
  let svc: InProcessService;
  let observer: BusObserver;
  let db: DataSource;
  const userId = randomUUID();
  let account: { accountId: string; token: string };
  let connectionId: string;

  beforeAll(async () => {
    await fake.start();
    account = fake.addAccount('harbor');
    svc = await startPosting({ MASTODON_API_BASE_URL: fake.url });
    observer = await BusObserver.start(svc.namespace, OBSERVED_EVENTS);
    db = svc.app.get(DataSource);
    connectionId = (await connect(svc, { userId, platform: 'mastodon', accessToken: account.token, serverUrl: fake.url, timeZone: 'Europe/Berlin' })).id;
  });

  afterAll(async () => {
    await observer?.close();
    await svc?.stop();
    await fake.close();
  });

  it('stores the connection with its token sealed and never returns the token', async () => {
    const res = await request(svc.app.getHttpServer()).get('/internal/connections').query({ userId });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([expect.objectContaining({ id: connectionId, platform: 'mastodon', accountId: account.accountId, accountName: '@harbor', status: 'active', timeZone: 'Europe/Berlin', blockedPosts: 0 })]);
    expect(JSON.stringify(res.body)).not.toContain(account.token);
    const [row] = await db.query(`SELECT access_token_enc, key_id FROM posting.platform_connections WHERE id = $1`, [connectionId]);
    expect(row.key_id).toBe('test');
    expect(row.access_token_enc).not.toContain(account.token);
  });

  it('rejects a token the platform refuses, naming the field', async () => {
    const res = await request(svc.app.getHttpServer()).post('/internal/connections').send({ userId, platform: 'mastodon', accessToken: 'not-a-token', serverUrl: fake.url });
    expect(res.status).toBe(400);
    expect(res.body.fields.accessToken).toMatch(/rejected the token.*401/);
  });

  it('publishes a due post on the connected account and reports the attempt', async () => {
    const post = duePost(userId, 'mastodon');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    const status = fake.statuses.find((s) => s.id === published.platformPostId)!;
    expect(status.text).toBe(post.text);
    expect(published).toMatchObject({ connectionId, accountName: '@harbor', url: `${fake.url}/@harbor/${status.id}` });
    expect(attemptsOf(observer, post.postId).map((a) => a.outcome)).toEqual(['published']);
  });

  it('retries 503s on the create with the same Idempotency-Key and posts once', async () => {
    const post = duePost(userId, 'mastodon');
    fake.inject('POST', '/api/v1/statuses', { status: 503, body: { error: 'There was a temporary problem serving your request, please try again' } }, { status: 503, body: { error: 'try again' } });
    await observer.publish(Events.PostDue, post, post.campaignId);
    expect((await outcomeOf(observer, post.postId)).routingKey).toBe(Events.PostPublished);
    expect(fake.statuses.filter((s) => s.text === post.text)).toHaveLength(1);
    expect(attemptsOf(observer, post.postId).map((a) => a.outcome)).toEqual(['unknown', 'unknown', 'published']);
    expect(new Set(fake.requestsTo('POST', '/api/v1/statuses').filter((r) => r.json?.status === post.text).map((r) => r.headers['idempotency-key']))).toEqual(new Set([`${post.postId}:0`]));
  });

  it('a dropped connection after the instance accepted the status does not duplicate it', async () => {
    const post = duePost(userId, 'mastodon');
    fake.inject('POST', '/api/v1/statuses', { dropAfterHandling: true });
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    const matching = fake.statuses.filter((s) => s.text === post.text);
    expect(matching).toHaveLength(1);
    expect(published.platformPostId).toBe(matching[0].id);
  });

  it('waits out a 429 storm until the reset the instance announced, sharing the limit', async () => {
    const reset = new Date(Date.now() + 1_500);
    const limited = { status: 429, headers: { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset.toISOString() }, body: { error: 'Too many requests' } };
    fake.inject('POST', '/api/v1/statuses', limited, limited, limited);
    const post = duePost(userId, 'mastodon');
    await observer.publish(Events.PostDue, post, post.campaignId);
    expect((await outcomeOf(observer, post.postId)).routingKey).toBe(Events.PostPublished);
    const attempts = attemptsOf(observer, post.postId);
    expect(attempts[0]).toMatchObject({ outcome: 'retry' });
    expect(new Date(attempts[0].nextAttemptAt!).getTime()).toBeGreaterThanOrEqual(reset.getTime());
    const creates = fake.requestsTo('POST', '/api/v1/statuses').filter((r) => r.json?.status === post.text);
    expect(creates.slice(1).every((r) => r.receivedAt >= reset.getTime())).toBe(true);
    const [limit] = await db.query(`SELECT not_before FROM posting.rate_limits WHERE scope = $1`, [`mastodon:account:${account.accountId}`]);
    expect(new Date(limit.not_before).getTime()).toBe(reset.getTime());
  });

  it('a permanent refusal fails the post with the platform’s reason', async () => {
    const post = duePost(userId, 'mastodon', { text: 'x'.repeat(501) });
    await observer.publish(Events.PostDue, post, post.campaignId);
    const failed = await outcomeOf(observer, post.postId);
    expect(failed.routingKey).toBe(Events.PostFailed);
    expect(failed.payload as PostFailedPayload).toMatchObject({ code: 'rejected', reason: expect.stringContaining('character limit of 500 exceeded') });
    expect(await publicationOf(db, post.postId)).toMatchObject({ status: 'failed', attempts: 1, error_code: 'rejected' });
  });

  it('a revoked token blocks the post as reconnect_required; reconnecting resumes and publishes it', async () => {
    const other = fake.addAccount('revoker');
    const owner = randomUUID();
    const connection = await connect(svc, { userId: owner, platform: 'mastodon', accessToken: other.token, serverUrl: fake.url });
    fake.revoke(other.token);
    const post = duePost(owner, 'mastodon');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const failed = (await outcomeOf(observer, post.postId)).payload as PostFailedPayload;
    expect(failed).toMatchObject({ code: 'reconnect_required', connectionId: connection.id });
    const [listed] = (await request(svc.app.getHttpServer()).get('/internal/connections').query({ userId: owner })).body;
    expect(listed).toMatchObject({ status: 'reconnect_required', blockedPosts: 1, statusReason: expect.stringContaining('reconnect') });

    const fresh = fake.oauthServer.issue(other.accountId, false).accessToken;
    const reconnected = await connect(svc, { userId: owner, platform: 'mastodon', accessToken: fresh, serverUrl: fake.url });
    expect(reconnected).toMatchObject({ id: connection.id, status: 'active' });
    await eventually('blocked post published after the reconnect', async () => (fake.statuses.some((s) => s.text === post.text) ? true : undefined));
    await eventually('published event', async () => observer.of(Events.PostPublished).find((m) => (m.payload as PostPublishedPayload).postId === post.postId));
  });

  it('when a replica died mid-call and the instance no longer remembers the key, finds the live status', async () => {
    const post = duePost(userId, 'mastodon');
    // The dead replica's claim: publishing, lease expired, started two hours ago (outside the 1 h key window).
    await db.query(
      `INSERT INTO posting.publications (post_id, campaign_id, user_id, platform, status, attempts, connection_id, request, lease_until, attempt_started_at)
       VALUES ($1, $2, $3, 'mastodon', 'publishing', 1, $4, $5, now() - interval '1 minute', now() - interval '2 hours')`,
      [post.postId, post.campaignId, userId, connectionId, JSON.stringify(post)],
    );
    const live = await request(fake.url).post('/api/v1/statuses').set('authorization', `Bearer ${account.token}`).send({ status: post.text });
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    expect(published.platformPostId).toBe(live.body.id);
    expect(fake.statuses.filter((s) => s.text === post.text)).toHaveLength(1);
    expect(attemptsOf(observer, post.postId).map((a) => a.outcome)).toEqual(['reconciled']);
  });

  it('marks a post unconfirmed when its outcome cannot be settled, and does not resend it', async () => {
    const post = duePost(userId, 'mastodon');
    await db.query(
      `INSERT INTO posting.publications (post_id, campaign_id, user_id, platform, status, attempts, connection_id, request, lease_until, attempt_started_at)
       VALUES ($1, $2, $3, 'mastodon', 'publishing', 1, $4, $5, now() - interval '1 minute', now() - interval '2 hours')`,
      [post.postId, post.campaignId, userId, connectionId, JSON.stringify(post)],
    );
    const outcome = await outcomeOf(observer, post.postId);
    expect(outcome.routingKey).toBe(Events.PostUnconfirmed);
    expect((outcome.payload as PostUnconfirmedPayload).reason).toMatch(/could not be confirmed/);
    expect(fake.statuses.some((s) => s.text === post.text)).toBe(false);
    expect(await publicationOf(db, post.postId)).toMatchObject({ status: 'unconfirmed' });
  });

  it('a cancelled post waiting for a retry never goes out', async () => {
    const post = duePost(userId, 'mastodon');
    const reset = new Date(Date.now() + 60_000).toISOString();
    fake.inject('POST', '/api/v1/statuses', { status: 429, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }, body: { error: 'Too many requests' } });
    await observer.publish(Events.PostDue, post, post.campaignId);
    await eventually('first attempt rate-limited', async () => attemptsOf(observer, post.postId)[0]);
    await observer.publish(Events.PostCancelled, { postId: post.postId, campaignId: post.campaignId, cancelledAt: new Date().toISOString() }, post.campaignId);
    await eventually('cancelled', async () => ((await publicationOf(db, post.postId)).status === 'cancelled' ? true : undefined));
    await db.query(`DELETE FROM posting.rate_limits`);
    expect(fake.statuses.some((s) => s.text === post.text)).toBe(false);
  });

  it('a user with no connected account on the platform publishes to the sandbox', async () => {
    const post = duePost(randomUUID(), 'x');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    expect(published.platformPostId).toMatch(/^sbx_x_/);
    expect(published.connectionId).toBeUndefined();
  });
});
