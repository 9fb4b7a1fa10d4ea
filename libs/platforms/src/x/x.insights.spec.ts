import { FakeX } from '../testing/fake-x';
import { memoryCall, type MemoryCall, platformFailure as failure } from '../testing/memory-call';
import { XAdapter } from './x.adapter';

const adapter = new XAdapter();
const insights = adapter.insights;
const DAY = 86_400_000;


describe('XAdapter insights against a fake X', () => {
  const fake = new FakeX();
  type Account = ReturnType<FakeX['addAccount']>;
  let studio: Account;

  beforeAll(async () => {
    await fake.start();
    studio = fake.addAccount('studio');
  });
  afterAll(() => fake.close());

  const call = (account: Account = studio, timeoutMs?: number): MemoryCall =>
    memoryCall(fake.url, { accountId: account.accountId, accountName: '@studio', accessToken: account.token }, { timeoutMs });

  it('maps every X metric of a recent post, folding quotes into shares and reading the video views', async () => {
    const tweet = fake.seedTweet(studio.accountId, 'A video tour', { createdAt: new Date(Date.now() - 2 * DAY), media: ['video'] });
    fake.setMetrics(tweet.id, { impression_count: 1200, like_count: 31, reply_count: 4, retweet_count: 6, quote_count: 2, bookmark_count: 9, url_link_clicks: 17, view_count: 640 });
    const metrics = await insights.metrics(call(), [tweet.id]);
    expect(metrics.get(tweet.id)).toEqual({ impressions: 1200, likes: 31, comments: 4, shares: 8, saves: 9, clicks: 17, video_views: 640 });
    const sent = fake.requestsTo('GET', '/2/tweets').at(-1)!;
    expect(sent.query.get('ids')).toBe(tweet.id);
    expect(sent.query.get('tweet.fields')!.split(',')).toEqual(expect.arrayContaining(['public_metrics', 'created_at', 'attachments', 'non_public_metrics']));
    expect(sent.query.get('expansions')).toBe('attachments.media_keys');
  });

  it('leaves out what X does not report instead of writing 0, and keeps a real 0', async () => {
    const old = fake.seedTweet(studio.accountId, 'Photo from last quarter', { createdAt: new Date(Date.now() - 45 * DAY), media: ['photo'], metrics: { like_count: 0, impression_count: 80, url_link_clicks: 5 } });
    const before = fake.requestsTo('GET', '/2/tweets').length;
    const metrics = (await insights.metrics(call(), [old.id])).get(old.id)!;
    expect(metrics).toEqual({ impressions: 80, likes: 0, comments: 0, shares: 0, saves: 0 });
    expect(metrics).not.toHaveProperty('clicks');
    expect(metrics).not.toHaveProperty('video_views');
    expect(metrics).not.toHaveProperty('reach');
    const sent = fake.requestsTo('GET', '/2/tweets').slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].query.get('tweet.fields')).not.toContain('non_public_metrics');
  });

  it('reads public metrics when X refuses the owner-only fields with partial errors', async () => {
    const tweet = fake.seedTweet(studio.accountId, 'Read by another token', { metrics: { like_count: 3, url_link_clicks: 2 } });
    const other = fake.addAccount('observer');
    const metrics = await insights.metrics(call(other), [tweet.id]);
    expect(metrics.get(tweet.id)).toMatchObject({ likes: 3 });
    expect(metrics.get(tweet.id)).not.toHaveProperty('clicks');
  });

  it('leaves deleted posts and ids X cannot have out of the result without failing the batch', async () => {
    const kept = fake.seedTweet(studio.accountId, 'Still here', { metrics: { like_count: 2 } });
    const gone = fake.seedTweet(studio.accountId, 'Deleted later');
    fake.timeline.remove(gone.id);
    const metrics = await insights.metrics(call(), [kept.id, gone.id, 'not-an-id']);
    expect([...metrics.keys()]).toEqual([kept.id]);
    expect(metrics.get(kept.id)?.likes).toBe(2);
  });

  it('splits a lookup at 100 ids', async () => {
    const account = fake.addAccount('batcher');
    const tweets = Array.from({ length: 150 }, (_, i) => fake.seedTweet(account.accountId, `Batch ${i}`, { metrics: { like_count: i } }));
    const before = fake.requestsTo('GET', '/2/tweets').length;
    const metrics = await insights.metrics(call(account), tweets.map((t) => t.id));
    const sent = fake.requestsTo('GET', '/2/tweets').slice(before);
    expect(sent.map((r) => r.query.get('ids')!.split(',').length)).toEqual([100, 50]);
    expect(metrics.size).toBe(150);
    expect(tweets.map((t) => metrics.get(t.id)?.likes)).toEqual(tweets.map((_, i) => i));
  });

  it('pages the history newest first with next_token, stops at since and leaves out replies and reposts', async () => {
    const account = fake.addAccount('historian');
    const since = new Date(Date.now() - 60 * DAY);
    fake.seedTweet(account.accountId, 'Before the window', { createdAt: new Date(since.getTime() - DAY) });
    const kinds = [['photo'], ['photo', 'photo'], ['video'], [], []] as const;
    const inWindow = Array.from({ length: 12 }, (_, i) =>
      fake.seedTweet(account.accountId, i % 5 === 3 ? `Read https://example.com/post-${i}` : `Post ${i}`, {
        createdAt: new Date(since.getTime() + (i + 1) * 4 * DAY),
        media: [...kinds[i % 5]],
        metrics: { like_count: i + 1, impression_count: 100 * (i + 1), url_link_clicks: 3 },
      }),
    );
    fake.seedTweet(account.accountId, 'A reply', { createdAt: new Date(since.getTime() + 10 * DAY), inReplyToId: inWindow[0].id });
    const someoneElse = fake.addAccount('neighbour');
    fake.seedRetweet(account.accountId, fake.seedTweet(someoneElse.accountId, 'Worth sharing').id, new Date(since.getTime() + 11 * DAY));

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await insights.history(call(account), { since, cursor, limit: 5 });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((p) => p.posts.length)).toEqual([5, 5, 2]);
    const posts = pages.flatMap((p) => p.posts);
    expect(posts.map((p) => p.platformPostId)).toEqual([...inWindow].reverse().map((t) => t.id));
    expect(posts.every((p) => p.publishedAt.getTime() >= since.getTime())).toBe(true);
    const byId = new Map(posts.map((p) => [p.platformPostId, p]));
    expect(inWindow.slice(0, 5).map((t) => byId.get(t.id)!.mediaType)).toEqual(['image', 'carousel', 'video', 'link', 'text']);
    const newest = byId.get(inWindow[11].id)!;
    expect(newest).toMatchObject({ text: 'Post 11', url: `https://x.com/studio/status/${inWindow[11].id}`, publishedAt: inWindow[11].createdAt });
    expect(newest.metrics).toMatchObject({ likes: 12, impressions: 1200, clicks: 3 });
    const oldest = byId.get(inWindow[0].id)!;
    expect(oldest.metrics).toMatchObject({ likes: 1, impressions: 100 });
    expect(oldest.metrics).not.toHaveProperty('clicks');
    const listed = fake.requestsTo('GET', `/2/users/${account.accountId}/tweets`);
    expect(listed.map((r) => [r.query.get('exclude'), r.query.get('start_time'), r.query.get('max_results')])).toEqual(
      Array.from({ length: 3 }, () => ['replies,retweets', since.toISOString(), '5']),
    );
  });

  it('ends the history when a page reaches posts older than since, even if X offers another page', async () => {
    const since = new Date(Date.now() - 10 * DAY);
    const recent = new Date(Date.now() - DAY).toISOString();
    const stale = new Date(Date.now() - 20 * DAY).toISOString();
    fake.inject('GET', `/2/users/${studio.accountId}/tweets`, {
      body: {
        data: [
          { id: '1900000000000000001', text: 'new', created_at: recent, public_metrics: { like_count: 1 } },
          { id: '1900000000000000000', text: 'old', created_at: stale, public_metrics: { like_count: 1 } },
        ],
        meta: { result_count: 2, next_token: 'more' },
      },
    });
    const page = await insights.history(call(), { since });
    expect(page.posts.map((p) => p.text)).toEqual(['new']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('rejects field names X does not know, as X does', async () => {
    const response = await call().http.request({ method: 'GET', url: '/2/tweets', query: { ids: '1900000000000000001', 'tweet.fields': 'public_metrics,view_count' }, headers: { authorization: `Bearer ${studio.token}` } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toContain('The `tweet.fields` query parameter value [view_count] is not one of');
  });

  it('classifies a 429 as retry at the window reset, an expired token as refresh and a read timeout as retry', async () => {
    const hasty = fake.addAccount('hasty');
    const tweet = fake.seedTweet(hasty.accountId, 'Rate limited');
    fake.limits.user15min['GET /2/tweets'] = 1;
    try {
      const c = call(hasty);
      await insights.metrics(c, [tweet.id]);
      const limited = await failure(insights.metrics(c, [tweet.id]));
      expect([limited.kind, limited.details.status]).toEqual(['retry', 429]);
      expect(limited.details.retryAt).toEqual(c.observed.at(-1)!.resetAt);
      expect(limited.details.retryAt!.getTime()).toBeGreaterThan(Date.now());
    } finally {
      fake.limits.user15min['GET /2/tweets'] = 5000;
    }
    const expiring = fake.addAccount('expiring');
    fake.expire(expiring.token);
    const expired = await failure(insights.history(call(expiring), { since: new Date(Date.now() - DAY) }));
    expect([expired.kind, expired.details.status]).toEqual(['refresh', 401]);
    fake.inject('GET', '/2/tweets', { delayMs: 500, body: {} });
    const slow = await failure(insights.metrics(call(studio, 150), [tweet.id]));
    expect(slow.kind).toBe('retry');
  });
});
