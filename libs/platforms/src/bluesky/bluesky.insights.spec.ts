import { FakeBluesky } from '../testing/fake-bluesky';
import { closedPortUrl, memoryCall, type MemoryCall, platformFailure as failure } from '../testing/memory-call';
import { BlueskyAdapter } from './bluesky.adapter';

const insights = new BlueskyAdapter().insights;
const DAY = 86_400_000;


const blob = (n: number, mimeType = 'image/jpeg') => ({ $type: 'blob', ref: { $link: `bafkreiseed${n}` }, mimeType, size: 1000 });
const images = (n: number) => ({ $type: 'app.bsky.embed.images', images: Array.from({ length: n }, (_, i) => ({ image: blob(i), alt: '' })) });

describe('BlueskyAdapter insights against a fake PDS', () => {
  const fake = new FakeBluesky();
  type Account = ReturnType<FakeBluesky['addAccount']>;
  let account: Account;
  let unreachable: string;

  beforeAll(async () => {
    await fake.start();
    unreachable = await closedPortUrl();
    account = fake.addAccount('studio.bsky.social');
  });
  afterAll(() => fake.close());

  /** The configured base URL is unreachable: every read must go to the account's own PDS (`serverUrl`). */
  const call = (a: Account = account, options: { timeoutMs?: number; server?: FakeBluesky } = {}): MemoryCall =>
    memoryCall(unreachable, { accountId: a.did, accountName: `@${a.handle}`, accessToken: a.accessJwt, serverUrl: (options.server ?? fake).url }, { timeoutMs: options.timeoutMs });

  it('maps every count, folding quotes into shares, and reports no impressions or reach', async () => {
    const post = fake.seedPost(account.did, 'Counted');
    fake.setCounts(post.uri, { likeCount: 12, replyCount: 3, repostCount: 5, quoteCount: 2, bookmarkCount: 4 });
    const metrics = await insights.metrics(call(), [post.uri]);
    expect(metrics.get(post.uri)).toEqual({ likes: 12, comments: 3, shares: 7, saves: 4 });
    const sent = fake.requestsTo('GET', '/xrpc/app.bsky.feed.getPosts').at(-1)!;
    expect(sent.query.getAll('uris')).toEqual([post.uri]);
    expect(sent.headers.authorization).toBe(`Bearer ${account.accessJwt}`);
  });

  it('leaves out counts the AppView does not send instead of writing 0, and keeps a real 0', async () => {
    const post = fake.seedPost(account.did, 'Older AppView');
    fake.setCounts(post.uri, { likeCount: 0, repostCount: 2, quoteCount: undefined, bookmarkCount: undefined });
    const metrics = (await insights.metrics(call(), [post.uri])).get(post.uri)!;
    expect(metrics).toEqual({ likes: 0, comments: 0, shares: 2 });
    expect(metrics).not.toHaveProperty('saves');
    expect(metrics).not.toHaveProperty('impressions');
  });

  it('leaves deleted posts and ids that are not post uris out without failing the batch', async () => {
    const kept = fake.seedPost(account.did, 'Kept');
    const gone = fake.seedPost(account.did, 'Gone');
    fake.records.splice(fake.records.indexOf(gone), 1);
    const metrics = await insights.metrics(call(), [kept.uri, gone.uri, 'https://bsky.app/profile/x/post/y']);
    expect([...metrics.keys()]).toEqual([kept.uri]);
  });

  it('splits getPosts at 25 uris', async () => {
    const prolific = fake.addAccount('prolific.bsky.social');
    const posts = Array.from({ length: 60 }, (_, i) => fake.seedPost(prolific.did, `Post ${i}`));
    posts.forEach((p, i) => fake.setCounts(p.uri, { likeCount: i }));
    const before = fake.requestsTo('GET', '/xrpc/app.bsky.feed.getPosts').length;
    const metrics = await insights.metrics(call(prolific), posts.map((p) => p.uri));
    const sent = fake.requestsTo('GET', '/xrpc/app.bsky.feed.getPosts').slice(before);
    expect(sent.map((r) => r.query.getAll('uris').length)).toEqual([25, 25, 10]);
    expect(posts.map((p) => metrics.get(p.uri)?.likes)).toEqual(posts.map((_, i) => i));
  });

  it('pages the author feed by cursor, leaves out replies and reposts, stops at since and reads media types', async () => {
    const author = fake.addAccount('historian.bsky.social');
    const neighbour = fake.addAccount('neighbour.bsky.social');
    const since = new Date(Date.now() - 30 * DAY);
    const at = (days: number) => new Date(since.getTime() + days * DAY);
    for (let i = 0; i < 3; i++) fake.seedPost(author.did, `Before the window ${i}`, { createdAt: at(-1 - i) });
    // Written long before the window but indexed inside it: the AppView sorts it by the earlier time, among the old ones.
    fake.seedPost(author.did, 'Backdated import', { createdAt: at(-40), indexedAt: at(5) });
    const embeds: Array<Record<string, unknown> | undefined> = [
      images(1),
      images(3),
      { $type: 'app.bsky.embed.video', video: blob(9, 'video/mp4') },
      { $type: 'app.bsky.embed.external', external: { uri: 'https://example.com/tour', title: 'Tour', description: '' } },
      undefined,
    ];
    const inWindow = Array.from({ length: 10 }, (_, i) => fake.seedPost(author.did, `Post ${i}`, { createdAt: at(i + 1), embed: embeds[i % 5] }));
    const linked = fake.seedPost(author.did, 'See https://example.com', {
      createdAt: at(11),
      facets: [{ index: { byteStart: 4, byteEnd: 23 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com' }] }],
    });
    inWindow.forEach((p, i) => fake.setCounts(p.uri, { likeCount: i + 1 }));
    fake.seedPost(author.did, 'A reply to myself', { createdAt: at(3.5), replyTo: inWindow[2] });
    fake.addRepost(author.did, fake.seedPost(neighbour.did, 'Worth sharing', { createdAt: at(4) }).uri, at(4.5));
    fake.addRepost(author.did, inWindow[6].uri, at(8.5));

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await insights.history(call(author), { since, cursor, limit: 4 });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    // Page 4 reaches the posts before the window; the feed still has the backdated one, but since ends the paging.
    expect(pages.map((p) => p.posts.length)).toEqual([3, 4, 3, 1]);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    const posts = pages.flatMap((p) => p.posts);
    expect(posts.map((p) => p.platformPostId)).toEqual([linked, ...[...inWindow].reverse()].map((p) => p.uri));
    expect(posts.map((p) => p.mediaType)).toEqual(['link', ...[...inWindow].reverse().map((_, j) => ['image', 'carousel', 'video', 'link', 'text'][(9 - j) % 5])]);
    expect(posts.find((p) => p.platformPostId === inWindow[1].uri)?.rawType).toBe('app.bsky.embed.images');
    const first = posts.find((p) => p.platformPostId === inWindow[0].uri)!;
    expect(first).toMatchObject({ text: 'Post 0', publishedAt: at(1), url: `https://bsky.app/profile/historian.bsky.social/post/${inWindow[0].rkey}`, metrics: { likes: 1, comments: 0, shares: 0 } });
    expect(inWindow[6].uri).toBe(posts.find((p) => p.metrics.shares === 1)?.platformPostId);
    const asked = fake.requestsTo('GET', '/xrpc/app.bsky.feed.getAuthorFeed').slice(-pages.length);
    expect(asked.map((r) => [r.query.get('actor'), r.query.get('filter'), r.query.get('limit')])).toEqual(Array.from({ length: pages.length }, () => [author.did, 'posts_no_replies', '4']));
  });

  it('classifies a 429 as retry at RateLimit-Reset, an expired session as refresh and a read timeout as retry', async () => {
    const tight = new FakeBluesky({ limits: { global: 1 } });
    await tight.start();
    try {
      const busy = tight.addAccount('busy.bsky.social');
      const post = tight.seedPost(busy.did, 'Popular');
      const c = call(busy, { server: tight });
      await insights.metrics(c, [post.uri]);
      const limited = await failure(insights.metrics(c, [post.uri]));
      expect([limited.kind, limited.details.status, limited.details.code]).toEqual(['retry', 429, 'RateLimitExceeded']);
      expect(limited.details.retryAt).toEqual(c.observed.at(-1)!.resetAt);
      expect(limited.details.retryAt!.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await tight.close();
    }
    const sleepy = fake.addAccount('sleepy.bsky.social');
    fake.expire(sleepy.accessJwt);
    const expired = await failure(insights.history(call(sleepy), { since: new Date(Date.now() - DAY) }));
    expect([expired.kind, expired.details.status, expired.details.code]).toEqual(['refresh', 400, 'ExpiredToken']);
    fake.inject('GET', '/xrpc/app.bsky.feed.getPosts', { delayMs: 500, body: { posts: [] } });
    const slow = await failure(insights.metrics(call(account, { timeoutMs: 150 }), [fake.postsOf(account.did)[0].uri]));
    expect(slow.kind).toBe('retry');
  });
});
