import type { HistoricalPost, HistoryPage, HistoryQuery } from '../platform-adapter';
import { FakeFacebook, type FakeFacebookPost } from '../testing/fake-facebook';
import { memoryCall, platformFailure as failure } from '../testing/memory-call';
import { FacebookAdapter } from './facebook.adapter';

const DAY = 86_400_000;
const adapter = new FacebookAdapter();


describe('FacebookAdapter insights against a fake Graph API', () => {
  const fake = new FakeFacebook();
  let page: ReturnType<FakeFacebook['addPage']>;

  beforeAll(async () => {
    await fake.start();
    page = fake.addPage('Quiet Desk Insights');
  });
  afterAll(() => fake.close());

  const call = (options: { timeoutMs?: number } = {}) => memoryCall(fake.graphUrl, { accountId: page.pageId, accessToken: page.pageToken }, options);

  /** Reads every page of the history, as the Analytics agent does. */
  async function allPages(query: Omit<HistoryQuery, 'cursor'>): Promise<HistoryPage[]> {
    const pages: HistoryPage[] = [];
    let cursor: string | undefined;
    do {
      const next = await adapter.insights.history(call(), { ...query, cursor });
      pages.push(next);
      cursor = next.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  it('maps counts and insights of each post, leaves shares absent at 0, and skips a deleted post', async () => {
    const shared = fake.seedPost(page.pageId, { message: 'Shared a lot', createdAt: new Date(Date.now() - DAY), reactions: 42, comments: 7, shares: 5 });
    const quiet = fake.seedPost(page.pageId, { message: 'Nobody shared', createdAt: new Date(Date.now() - DAY), reactions: 3, comments: 0 });
    const deleted = fake.seedPost(page.pageId, { message: 'Gone soon', createdAt: new Date(Date.now() - DAY), reactions: 1 });
    fake.setInsights(shared.id, { post_media_view: { paid: 120, organic: 880 }, post_total_media_view_unique: 640, post_clicks: 31 });
    fake.setInsights(quiet.id, { post_media_view: 50, post_total_media_view_unique: 45, post_clicks: 0 });
    fake.posts.splice(fake.posts.indexOf(deleted), 1);

    const metrics = await adapter.insights.metrics(call(), [shared.id, deleted.id, quiet.id]);

    expect([...metrics.keys()]).toEqual([shared.id, quiet.id]);
    expect(metrics.get(shared.id)).toEqual({ likes: 42, comments: 7, shares: 5, impressions: 1000, reach: 640, clicks: 31 });
    expect(metrics.get(quiet.id)).toEqual({ likes: 3, comments: 0, impressions: 50, reach: 45, clicks: 0 });
    expect(metrics.get(quiet.id)).not.toHaveProperty('shares');
    const countsRead = fake.requestsTo('GET', `/v25.0/${shared.id}`).at(-1)!;
    expect(countsRead.query.get('fields')).toBe('shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)');
    expect(fake.requestsTo('GET', `/v25.0/${shared.id}/insights`).at(-1)!.query.get('metric')).toBe('post_media_view,post_total_media_view_unique,post_clicks');
  });

  it('refuses deprecated metric names the way the Graph does (HTTP 400, code 100), failing the whole call', async () => {
    const post = fake.seedPost(page.pageId, { message: 'Deprecation check', createdAt: new Date() });
    for (const metric of ['post_impressions', 'post_impressions_unique', 'post_media_view,post_impressions_paid']) {
      const res = await fetch(`${fake.graphUrl}/${post.id}/insights?metric=${metric}&access_token=${page.pageToken}`, { headers: { 'x-test': 'direct' } });
      const body = (await res.json()) as { error: { message: string; type: string; code: number } };
      expect(res.status).toBe(400);
      expect(body.error).toMatchObject({ message: '(#100) The value must be a valid insights metric', type: 'OAuthException', code: 100 });
      expect(body).not.toHaveProperty('data');
    }
  });

  describe.each([
    ['filters by since itself', true],
    ['ignores since (undocumented on published_posts)', false],
  ])('history when the Page list %s', (_name, honoursSince) => {
    const since = new Date(Date.now() - 10 * DAY);
    let own: ReturnType<FakeFacebook['addPage']>;
    let seeded: Record<string, FakeFacebookPost>;

    beforeAll(() => {
      fake.publishedPostsHonourSince = honoursSince;
      own = fake.addPage(`History Page ${String(honoursSince)}`);
      const at = (days: number) => new Date(Date.now() - days * DAY);
      seeded = {
        text: fake.seedPost(own.pageId, { message: 'Plain words', createdAt: at(1), reactions: 4, comments: 1 }),
        photo: fake.seedPost(own.pageId, { message: 'One photo', createdAt: at(2), photoIds: ['9001'], shares: 2 }),
        album: fake.seedPost(own.pageId, { message: 'Three photos', createdAt: at(3), photoIds: ['9002', '9003', '9004'] }),
        hidden1: fake.seedPost(own.pageId, { message: 'expired 1', createdAt: at(3.4), hidden: true }),
        hidden2: fake.seedPost(own.pageId, { message: 'expired 2', createdAt: at(3.5), hidden: true }),
        hidden3: fake.seedPost(own.pageId, { message: 'expired 3', createdAt: at(3.6), hidden: true }),
        video: fake.seedPost(own.pageId, { message: 'A clip', createdAt: at(4), video: true }),
        link: fake.seedPost(own.pageId, { message: 'Read this', createdAt: at(5), link: 'https://quietdesk.example/blog' }),
        reshare: fake.seedPost(own.pageId, { message: 'Someone else’s', createdAt: at(6), parentId: '1_2' }),
        lastInRange: fake.seedPost(own.pageId, { message: 'Nine days ago', createdAt: at(9) }),
        old1: fake.seedPost(own.pageId, { message: 'Eleven days ago', createdAt: at(11) }),
        old2: fake.seedPost(own.pageId, { message: 'Twelve days ago', createdAt: at(12) }),
        old3: fake.seedPost(own.pageId, { message: 'Thirteen days ago', createdAt: at(13) }),
      };
      fake.setInsights(seeded.text.id, { post_media_view: 300, post_total_media_view_unique: 250, post_clicks: 12 });
    });
    afterAll(() => {
      fake.publishedPostsHonourSince = true;
    });

    it('pages newest first through an empty page that has a next, stops at since, and completes metrics per post', async () => {
      const ownCall = memoryCall(fake.graphUrl, { accountId: own.pageId, accessToken: own.pageToken });
      const pages: HistoryPage[] = [];
      let cursor: string | undefined;
      do {
        const next = await adapter.insights.history(ownCall, { since, limit: 3, cursor });
        pages.push(next);
        cursor = next.nextCursor;
      } while (cursor && pages.length < 20);

      const ids = (list: HistoricalPost[]) => list.map((p) => p.platformPostId);
      // 3 posts, 3 hidden ones (an empty page with a next), video + link + a reshare, then the page that
      // reaches past `since`: the history ends there even where the Graph would have had more.
      expect(pages).toHaveLength(4);
      expect(ids(pages[0].posts)).toEqual([seeded.text.id, seeded.photo.id, seeded.album.id]);
      expect(pages[1]).toEqual({ posts: [], nextCursor: expect.any(String) });
      const posts = pages.flatMap((p) => p.posts);
      expect(ids(posts)).toEqual([seeded.text, seeded.photo, seeded.album, seeded.video, seeded.link, seeded.lastInRange].map((p) => p.id));
      expect(pages.at(-1)!.nextCursor).toBeUndefined();
      expect(posts.every((p) => p.publishedAt.getTime() >= since.getTime())).toBe(true);

      const listed = fake.requestsTo('GET', `/v25.0/${own.pageId}/published_posts`);
      expect(listed).toHaveLength(pages.length);
      expect(listed[0].query.get('limit')).toBe('3');
      expect(Number(listed[0].query.get('since'))).toBe(Math.floor(since.getTime() / 1000));
      expect(listed.slice(1).every((r) => r.query.get('after') && r.query.get('access_token') === own.pageToken)).toBe(true);

      expect(posts.map((p) => [p.mediaType, p.rawType])).toEqual([
        ['text', 'mobile_status_update'],
        ['image', 'added_photos'],
        ['carousel', 'added_photos'],
        ['video', 'added_video'],
        ['link', 'shared_story'],
        ['text', 'mobile_status_update'],
      ]);
      const first = posts[0];
      expect(first).toMatchObject({ text: 'Plain words', url: expect.stringContaining(`https://www.facebook.com/${own.pageId}/posts/`) });
      expect(first.metrics).toEqual({ likes: 4, comments: 1, impressions: 300, reach: 250, clicks: 12 });
      expect(posts[1].metrics).toEqual({ likes: 0, comments: 0, shares: 2, impressions: 0, reach: 0, clicks: 0 });
      for (const post of posts) {
        expect(fake.requestsTo('GET', `/v25.0/${post.platformPostId}/insights`)).toHaveLength(1);
      }
    });
  });

  it('classifies Page throttling as retry at the BUC estimate', async () => {
    const post = fake.seedPost(page.pageId, { message: 'Throttle me', createdAt: new Date() });
    const saved = fake.usageLimits;
    fake.resetUsage();
    fake.usageLimits = { ...saved, account: { calls: 2, windowMs: saved.account.windowMs } };
    try {
      await adapter.insights.metrics(call(), [post.id]); // 2 calls: 100 %
      const c = call();
      const error = await failure(adapter.insights.metrics(c, [post.id]));
      expect(error).toMatchObject({ kind: 'retry', details: { code: '80001', scope: 'account' } });
      const windowEnd = Math.floor(Date.now() / saved.account.windowMs) * saved.account.windowMs + saved.account.windowMs;
      expect(Math.abs(error.details.retryAt!.getTime() - windowEnd)).toBeLessThan(2 * 60_000);
      expect(c.observed.find((o) => o.scope === 'account')).toMatchObject({ remaining: 0 });
    } finally {
      fake.usageLimits = saved;
      fake.resetUsage();
    }
  });

  it('classifies an expired token as refresh and a dropped or slow read as retry (never unknown)', async () => {
    const other = fake.addPage('Expiring Page');
    const post = fake.seedPost(other.pageId, { message: 'Mine', createdAt: new Date() });
    fake.expireToken(other.pageToken);
    const expired = await failure(adapter.insights.history(memoryCall(fake.graphUrl, { accountId: other.pageId, accessToken: other.pageToken }), { since: new Date(0) }));
    expect(expired).toMatchObject({ kind: 'refresh', details: { code: '190/463' } });
    expect((await failure(adapter.insights.metrics(memoryCall(fake.graphUrl, { accountId: other.pageId, accessToken: other.pageToken }), [post.id]))).kind).toBe('refresh');

    const mine = fake.seedPost(page.pageId, { message: 'Read me', createdAt: new Date() });
    fake.inject('GET', `/v25.0/${mine.id}/insights`, { dropBeforeHandling: true });
    expect((await failure(adapter.insights.metrics(call(), [mine.id]))).kind).toBe('retry');
    fake.inject('GET', `/v25.0/${page.pageId}/published_posts`, { delayMs: 400 });
    expect((await failure(adapter.insights.history(call({ timeoutMs: 100 }), { since: new Date(0) }))).kind).toBe('retry');
  });

  it('refuses a cursor it did not issue', async () => {
    const error = await failure(adapter.insights.history(call(), { since: new Date(0), cursor: 'not-a-cursor' }));
    expect(error.kind).toBe('permanent');
  });

  it('reads every page of a long history', async () => {
    const pages = await allPages({ since: new Date(Date.now() - 30 * DAY), limit: 100 });
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    expect(pages.flatMap((p) => p.posts).length).toBe(fake.postsOf(page.pageId).filter((p) => !p.hidden && !p.parentId).length);
  });

  it('never asked the Graph for a deprecated metric in any of these reads', () => {
    const asked = fake.requestsTo('GET', /\/insights$/).filter((r) => r.headers['x-test'] !== 'direct');
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((r) => /impressions/.test(r.query.get('metric') ?? ''))).toEqual([]);
  });
});
