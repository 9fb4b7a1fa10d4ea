import { Events } from '@app/contracts';
import type { PostDuePayload, PostFailedPayload, PostPublishedPayload } from '@app/contracts';
import { BusObserver, InProcessService, eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { outcomeOf, startPosting } from './support/posting-harness';

const due = (over: Partial<PostDuePayload> = {}): PostDuePayload => ({
  postId: randomUUID(),
  campaignId: randomUUID(),
  userId: randomUUID(),
  platform: 'x',
  contentType: 'single',
  text: 'Fresh beans, slow mornings. What is in your cup today? #HarborCoffee',
  hashtags: ['#HarborCoffee'],
  scheduledTime: new Date().toISOString(),
  editRevision: 0,
  ...over,
});

/** The Posting agent on the real bus and database, publishing to the sandbox platform (no account connected). */
describe('posting-svc: post.due → post.published | post.failed', () => {
  let svc: InProcessService;
  let observer: BusObserver;
  let db: DataSource;

  beforeAll(async () => {
    svc = await startPosting({});
    observer = await BusObserver.start(svc.namespace, [Events.PostPublished, Events.PostFailed]);
    db = svc.app.get(DataSource);
  });

  afterAll(async () => {
    await observer?.close();
    await svc?.stop();
  });

  const sandboxPosts = async (postId: string) =>
    (await db.query(`SELECT id FROM posting.sandbox_posts WHERE idempotency_key = $1`, [postId])) as Array<{ id: string }>;
  const outcome = (postId: string) => outcomeOf(observer, postId);

  it('publishes a due post once, even when a second post.due for it arrives', async () => {
    const post = due();
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcome(post.postId)).payload as PostPublishedPayload;
    expect(published.platformPostId).toMatch(/^sbx_x_/);
    await observer.publish(Events.PostDue, post, post.campaignId); // e.g. a replayed dead letter: new message id
    await eventually('second message handled', async () => {
      const [{ handled }] = await db.query(`SELECT count(*)::int AS handled FROM posting.inbox WHERE routing_key = 'post.due.v1'`);
      return handled >= 2 ? true : undefined;
    });
    expect(await sandboxPosts(post.postId)).toHaveLength(1);
    expect(observer.of(Events.PostPublished).filter((m) => (m.payload as PostPublishedPayload).postId === post.postId)).toHaveLength(1);
  });

  it('after a crash between the platform call and the commit, finds the live post instead of posting again', async () => {
    const post = due({ platform: 'facebook', text: 'Our autumn roast is here. Which brew method should we feature next?' });
    // What a crash leaves behind: the claim committed (its lease has run out), the platform has the post,
    // our result never committed.
    await db.query(`INSERT INTO posting.sandbox_posts (id, platform, idempotency_key, text, hashtags, published_at) VALUES ('sbx_facebook_already', 'facebook', $1, $2, '[]', now())`, [post.postId, post.text]);
    await db.query(
      `INSERT INTO posting.publications (post_id, campaign_id, user_id, platform, status, attempts, request, lease_until, attempt_started_at)
       VALUES ($1, $2, $3, 'facebook', 'publishing', 1, $4, now() - interval '1 second', now() - interval '1 minute')`,
      [post.postId, post.campaignId, post.userId, JSON.stringify(post)],
    );
    const published = (await outcome(post.postId)).payload as PostPublishedPayload;
    expect(published.platformPostId).toBe('sbx_facebook_already');
    expect(await sandboxPosts(post.postId)).toHaveLength(1);
    const [row] = await db.query(`SELECT status, attempts FROM posting.publications WHERE post_id = $1`, [post.postId]);
    expect(row).toEqual({ status: 'published', attempts: 2 });
  });

  it('never publishes a post cancelled before its post.due arrives', async () => {
    const post = due();
    await observer.publish(Events.PostCancelled, { postId: post.postId, campaignId: post.campaignId, cancelledAt: new Date().toISOString() }, post.campaignId);
    await eventually('cancellation recorded', async () => ((await db.query(`SELECT 1 FROM posting.cancellations WHERE post_id = $1`, [post.postId])).length ? true : undefined));
    await observer.publish(Events.PostDue, post, post.campaignId);
    const sentinel = due();
    await observer.publish(Events.PostDue, sentinel, sentinel.campaignId);
    await outcome(sentinel.postId);
    await eventually('post.due of the cancelled post handled', async () =>
      (await db.query(`SELECT 1 FROM posting.inbox WHERE routing_key = 'post.due.v1'`)).length >= 4 ? true : undefined); // 2 before, + this one and the sentinel
    expect(await sandboxPosts(post.postId)).toHaveLength(0);
    expect(observer.messages.some((m) => (m.payload as { postId: string }).postId === post.postId)).toBe(false);
  });

  it('marks a post the platform refuses as failed, with the platform’s reason', async () => {
    const post = due({ platform: 'instagram', contentType: 'image', text: 'Latte art, level: beginner. #HarborCoffee' }); // no image
    await observer.publish(Events.PostDue, post, post.campaignId);
    const failed = await outcome(post.postId);
    expect(failed.routingKey).toBe(Events.PostFailed);
    expect(failed.payload as PostFailedPayload).toMatchObject({ reason: 'instagram needs an image and the post has none', code: 'rejected' });
    const [row] = await db.query(`SELECT status, error FROM posting.publications WHERE post_id = $1`, [post.postId]);
    expect(row).toEqual({ status: 'failed', error: 'instagram needs an image and the post has none' });
  });
});
