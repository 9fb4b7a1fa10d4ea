import type { HistoryPage } from '../platform-adapter';
import { FakeInstagram, type FakeIgMedia } from '../testing/fake-instagram';
import { memoryCall, platformFailure as failure } from '../testing/memory-call';
import { InstagramAdapter } from './instagram.adapter';

const DAY = 86_400_000;
const ALL_METRICS = 'views,reach,likes,comments,shares,saved,total_interactions';


describe('InstagramAdapter insights against a fake Graph API', () => {
  const fake = new FakeInstagram();
  const adapter = new InstagramAdapter();
  let account: ReturnType<FakeInstagram['addAccount']>;

  beforeAll(async () => {
    await fake.start();
    account = fake.addAccount('quietdesk.metrics');
  });
  afterAll(() => fake.close());

  const call = (options: { timeoutMs?: number } = {}) => memoryCall(fake.graphUrl, { accountId: account.igUserId, accessToken: account.userToken }, options);
  const at = (days: number) => new Date(Date.now() - days * DAY);

  it('maps every media insight to the common model in one insights call', async () => {
    const media = fake.seedMedia(account.igUserId, { caption: 'Full numbers', timestamp: at(3), likeCount: 80, commentsCount: 12 });
    fake.setInsights(media.id, { views: 1500, reach: 900, likes: 80, comments: 12, shares: 9, saved: 30, total_interactions: 131 });

    const metrics = await adapter.insights.metrics(call(), [media.id]);

    expect(metrics.get(media.id)).toEqual({ impressions: 1500, reach: 900, likes: 80, comments: 12, shares: 9, saves: 30 });
    expect(fake.requestsTo('GET', `/v25.0/${media.id}/insights`).at(-1)!.query.get('metric')).toBe(ALL_METRICS);
    expect(fake.requestsTo('GET', `/v25.0/${media.id}`)).toHaveLength(0);
  });

  it('leaves metrics absent when insights answer an empty data, taking likes and comments from the media itself', async () => {
    const fresh = fake.seedMedia(account.igUserId, { caption: 'Too new for insights', timestamp: at(0.1), likeCount: 5, commentsCount: 2, likesHidden: true });

    const metrics = await adapter.insights.metrics(call(), [fresh.id]);

    expect(metrics.get(fresh.id)).toEqual({ likes: 5, comments: 2 });
    for (const name of ['impressions', 'reach', 'shares', 'saves']) expect(metrics.get(fresh.id)).not.toHaveProperty(name);
    expect(fake.requestsTo('GET', `/v25.0/${fresh.id}`).at(-1)!.query.get('fields')).toBe('like_count,comments_count');
  });

  it('leaves out a deleted media without failing the others', async () => {
    const kept = fake.seedMedia(account.igUserId, { caption: 'Kept', timestamp: at(2), likeCount: 1 });
    const gone = fake.seedMedia(account.igUserId, { caption: 'Deleted', timestamp: at(2) });
    fake.setInsights(kept.id, { views: 10, reach: 8, likes: 1, comments: 0, shares: 0, saved: 0 });
    fake.media.splice(fake.media.indexOf(gone), 1);

    const metrics = await adapter.insights.metrics(call(), [gone.id, kept.id]);

    expect([...metrics.keys()]).toEqual([kept.id]);
    expect(metrics.get(kept.id)).toEqual({ impressions: 10, reach: 8, likes: 1, comments: 0, shares: 0, saves: 0 });
  });

  it('refuses deprecated metric names the way the Graph does (HTTP 400, code 100)', async () => {
    const media = fake.seedMedia(account.igUserId, { caption: 'Deprecation check', timestamp: at(1) });
    fake.setInsights(media.id, { views: 1 });
    const ask = async (metric: string, id = media.id) => {
      const res = await fetch(`${fake.graphUrl}/${id}/insights?metric=${metric}&access_token=${account.userToken}`, { headers: { 'x-test': 'direct' } });
      return { status: res.status, body: (await res.json()) as { data?: unknown; error?: { message: string; type: string; code: number } } };
    };
    for (const name of ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views']) {
      const answer = await ask(`reach,${name}`);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.error).toMatchObject({ type: 'OAuthException', code: 100, message: expect.stringContaining(`the ${name} metric is no longer supported`) });
    }
    const typo = await ask('reach,engagement');
    expect(typo.body.error).toMatchObject({ code: 100, message: expect.stringContaining('metric[1] must be one of the following values: views, reach') });
    expect((await ask('views,reach')).body.data).toEqual([
      expect.objectContaining({ name: 'views', period: 'lifetime', values: [{ value: 1 }], id: `${media.id}/insights/views/lifetime` }),
      expect.objectContaining({ name: 'reach', values: [{ value: 0 }] }),
    ]);
    const album = fake.seedMedia(account.igUserId, { caption: 'Album', timestamp: at(1), mediaType: 'CAROUSEL_ALBUM', slides: 3 });
    expect((await ask('reach', album.children[0])).status).toBe(400);
  });

  it('reads the history newest first over several pages down to since, with per-media insights and media types', async () => {
    const other = fake.addAccount('quietdesk.history');
    const since = at(10);
    const seed = (caption: string, days: number, extra: Partial<Parameters<FakeInstagram['seedMedia']>[1]> = {}) =>
      fake.seedMedia(other.igUserId, { caption, timestamp: at(days), likeCount: 10, commentsCount: 1, ...extra });
    const media: FakeIgMedia[] = [
      seed('image', 1),
      seed('album', 2, { mediaType: 'CAROUSEL_ALBUM' }),
      seed('reel', 3, { mediaType: 'VIDEO', productType: 'REELS' }),
      seed('hidden likes', 4, { likesHidden: true, likeCount: 77 }),
      seed('five', 5),
      seed('six', 6),
      seed('nine', 9),
    ];
    seed('story', 2, { productType: 'STORY' });
    seed('too old', 11);
    seed('older still', 12);
    fake.setInsights(media[0].id, { views: 500, reach: 400, likes: 10, comments: 1, shares: 3, saved: 4, total_interactions: 18 });
    const c = memoryCall(fake.graphUrl, { accountId: other.igUserId, accessToken: other.pageToken });

    const pages: HistoryPage[] = [];
    let cursor: string | undefined;
    do {
      const next = await adapter.insights.history(c, { since, limit: 3, cursor });
      pages.push(next);
      cursor = next.nextCursor;
    } while (cursor && pages.length < 20);

    expect(pages).toHaveLength(3);
    expect(pages.slice(0, 2).every((p) => p.nextCursor)).toBe(true);
    expect(pages[2].nextCursor).toBeUndefined();
    const posts = pages.flatMap((p) => p.posts);
    expect(posts.map((p) => p.platformPostId)).toEqual(media.map((m) => m.id));
    expect(posts.map((p) => [p.mediaType, p.rawType])).toEqual([
      ['image', 'IMAGE'],
      ['carousel', 'CAROUSEL_ALBUM'],
      ['video', 'VIDEO'],
      ['image', 'IMAGE'],
      ['image', 'IMAGE'],
      ['image', 'IMAGE'],
      ['image', 'IMAGE'],
    ]);
    expect(posts[0]).toMatchObject({ text: 'image', url: `https://www.instagram.com/p/${media[0].shortcode}/`, metrics: { impressions: 500, reach: 400, likes: 10, comments: 1, shares: 3, saves: 4 } });
    expect(posts[1].metrics).toEqual({ likes: 10, comments: 1 });
    // Likes hidden from lists: the direct media read gives the real count.
    expect(posts[3].metrics).toEqual({ likes: 77, comments: 1 });
    expect(fake.requestsTo('GET', `/v25.0/${media[3].id}`)).toHaveLength(1);
    expect(fake.requestsTo('GET', `/v25.0/${media[4].id}`)).toHaveLength(0);

    const listed = fake.requestsTo('GET', `/v25.0/${other.igUserId}/media`);
    expect(listed).toHaveLength(3);
    expect(listed[0].query.get('fields')).toBe('id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count');
    expect(Number(listed[0].query.get('since'))).toBe(Math.floor(since.getTime() / 1000));
    expect(listed.slice(1).every((r) => r.query.get('after') && r.query.get('access_token') === other.pageToken)).toBe(true);
  });

  it('classifies Instagram throttling as retry at the BUC estimate', async () => {
    const media = fake.seedMedia(account.igUserId, { caption: 'Throttle me', timestamp: at(1), likeCount: 1, commentsCount: 1 });
    const saved = fake.usageLimits;
    fake.resetUsage();
    fake.usageLimits = { ...saved, account: { calls: 2, windowMs: saved.account.windowMs } };
    try {
      await adapter.insights.metrics(call(), [media.id]); // insights (empty) + the media's counts: 100 %
      const error = await failure(adapter.insights.metrics(call(), [media.id]));
      expect(error).toMatchObject({ kind: 'retry', details: { code: '80002', scope: 'account' } });
      const windowEnd = Math.floor(Date.now() / saved.account.windowMs) * saved.account.windowMs + saved.account.windowMs;
      expect(Math.abs(error.details.retryAt!.getTime() - windowEnd)).toBeLessThan(2 * 60_000);
    } finally {
      fake.usageLimits = saved;
      fake.resetUsage();
    }
  });

  it('classifies an expired token as refresh and a dropped or slow read as retry', async () => {
    const other = fake.addAccount('quietdesk.expired');
    const media = fake.seedMedia(other.igUserId, { caption: 'x', timestamp: at(1) });
    fake.expireToken(other.userToken);
    const expiredCall = memoryCall(fake.graphUrl, { accountId: other.igUserId, accessToken: other.userToken });
    expect(await failure(adapter.insights.metrics(expiredCall, [media.id]))).toMatchObject({ kind: 'refresh', details: { code: '190/463' } });
    expect((await failure(adapter.insights.history(expiredCall, { since: at(30) }))).kind).toBe('refresh');

    const mine = fake.seedMedia(account.igUserId, { caption: 'Read me', timestamp: at(1) });
    fake.inject('GET', `/v25.0/${mine.id}/insights`, { dropBeforeHandling: true });
    expect((await failure(adapter.insights.metrics(call(), [mine.id]))).kind).toBe('retry');
    fake.inject('GET', `/v25.0/${account.igUserId}/media`, { delayMs: 400 });
    expect((await failure(adapter.insights.history(call({ timeoutMs: 100 }), { since: at(30) }))).kind).toBe('retry');
  });

  it('never asked for a deprecated metric in any of these reads', () => {
    const asked = fake.requestsTo('GET', /\/insights$/).filter((r) => r.headers['x-test'] !== 'direct');
    expect(asked.length).toBeGreaterThan(5);
    expect(asked.map((r) => r.query.get('metric')).filter((m) => m !== ALL_METRICS)).toEqual([]);
  });
});
