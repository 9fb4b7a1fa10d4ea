import { nextUtcMidnight } from '../http/reset-signals';
import type { HistoryPage } from '../platform-adapter';
import { FakeLinkedIn, type FakeLinkedInPost } from '../testing/fake-linkedin';
import { memoryCall, platformFailure as failure } from '../testing/memory-call';
import { LinkedInAdapter } from './linkedin.adapter';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() - days * DAY);


describe('LinkedInAdapter insights against a fake LinkedIn', () => {
  const fake = new FakeLinkedIn();
  const adapter = new LinkedInAdapter();
  let ada: ReturnType<FakeLinkedIn['addMember']>;

  beforeAll(async () => {
    await fake.start();
    ada = fake.addMember('Ada Lovelace');
  });
  afterAll(() => fake.close());

  const call = (accountId = ada.urn, token = ada.token, timeoutMs?: number) => memoryCall(fake.url, { accountId, accessToken: token }, { timeoutMs });
  const analyticsCalls = (urn: string) => fake.requestsTo('GET', '/rest/memberCreatorPostAnalytics').filter((r) => r.query.get('entity')?.includes(urn));

  it('reads counts from socialMetadata and impressions, reach and reshares from member analytics', async () => {
    const post = fake.seedPost(ada.urn, { commentary: 'Counted', publishedAt: at(2) });
    fake.setInsights(post.urn, { IMPRESSION: 1200, MEMBERS_REACHED: 800, RESHARE: 4, reactions: { LIKE: 10, PRAISE: 3 }, comments: 5 });

    const metrics = await adapter.insights.metrics(call(), [post.urn]);

    expect(metrics.get(post.urn)).toEqual({ likes: 13, comments: 5, impressions: 1200, reach: 800, shares: 4 });
    const social = fake.requestsTo('GET', '/rest/socialMetadata/:urn').at(-1)!;
    expect(social.path).toBe(`/rest/socialMetadata/${encodeURIComponent(post.urn)}`);
    expect([social.headers['linkedin-version'], social.headers['x-restli-protocol-version'], social.headers.authorization]).toEqual(['202601', '2.0.0', `Bearer ${ada.token}`]);
    const analytics = analyticsCalls(post.urn);
    expect(analytics.map((r) => r.query.get('queryType'))).toEqual(['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE']);
    expect(analytics.every((r) => r.query.get('q') === 'entity' && r.query.get('aggregation') === 'TOTAL' && r.query.get('entity') === `(share:${post.urn})`)).toBe(true);
  });

  it('leaves metrics without data absent, reads ugcPosts as (ugc:…), and skips a deleted post', async () => {
    const quiet = fake.seedPost(ada.urn, { commentary: 'No analytics yet', publishedAt: at(0.1), kind: 'ugcPost' });
    fake.setInsights(quiet.urn, { RESHARE: 0 });
    const deleted = fake.seedPost(ada.urn, { commentary: 'Deleted', publishedAt: at(1) });
    fake.posts.splice(fake.posts.indexOf(deleted), 1);

    const metrics = await adapter.insights.metrics(call(), [deleted.urn, quiet.urn]);

    expect([...metrics.keys()]).toEqual([quiet.urn]);
    expect(metrics.get(quiet.urn)).toEqual({ likes: 0, comments: 0, shares: 0 });
    expect(analyticsCalls(quiet.urn)[0].query.get('entity')).toBe(`(ugc:${quiet.urn})`);
    expect(analyticsCalls(deleted.urn)).toHaveLength(0);
  });

  it('still reads metrics when one source is refused, and fails permanent only when both are', async () => {
    const noAnalytics = fake.addMember('No Analytics', { canReadAnalytics: false });
    const a = fake.seedPost(noAnalytics.urn, { commentary: 'A', publishedAt: at(1) });
    const b = fake.seedPost(noAnalytics.urn, { commentary: 'B', publishedAt: at(1) });
    fake.setInsights(a.urn, { IMPRESSION: 99, reactions: { LIKE: 2 }, comments: 1 });
    const countsOnly = await adapter.insights.metrics(call(noAnalytics.urn, noAnalytics.token), [a.urn, b.urn]);
    expect(countsOnly.get(a.urn)).toEqual({ likes: 2, comments: 1 });
    expect(countsOnly.get(b.urn)).toEqual({ likes: 0, comments: 0 });
    // The refusal is remembered for the batch: one analytics call, not one per post and metric.
    expect(fake.requestsTo('GET', '/rest/memberCreatorPostAnalytics').filter((r) => r.headers.authorization === `Bearer ${noAnalytics.token}`)).toHaveLength(1);

    const noSocial = fake.addMember('No Social', { canReadPosts: false });
    const c = fake.seedPost(noSocial.urn, { commentary: 'C', publishedAt: at(1) });
    fake.setInsights(c.urn, { IMPRESSION: 50, MEMBERS_REACHED: 40, RESHARE: 1, reactions: { LIKE: 4, EMPATHY: 1 }, comments: 2 });
    const analyticsOnly = await adapter.insights.metrics(call(noSocial.urn, noSocial.token), [c.urn]);
    expect(analyticsOnly.get(c.urn)).toEqual({ impressions: 50, reach: 40, shares: 1, likes: 5, comments: 2 });

    const neither = fake.addMember('Neither', { canReadPosts: false, canReadAnalytics: false });
    const d = fake.seedPost(neither.urn, { commentary: 'D', publishedAt: at(1) });
    const refused = await failure(adapter.insights.metrics(call(neither.urn, neither.token), [d.urn]));
    expect(refused).toMatchObject({ kind: 'permanent', details: { status: 403, code: 'ACCESS_DENIED' } });
    expect(refused.message).toContain('r_member_postAnalytics');
  });

  it('reads an organization’s posts in one share-statistics batch', async () => {
    const org = fake.addOrganization('Quiet Desk Studio', [ada.urn]);
    const one = fake.seedPost(org, { commentary: 'Org one', publishedAt: at(1) });
    const two = fake.seedPost(org, { commentary: 'Org two', publishedAt: at(2), kind: 'ugcPost' });
    const gone = fake.seedPost(org, { commentary: 'Org gone', publishedAt: at(3) });
    fake.posts.splice(fake.posts.indexOf(gone), 1);
    fake.setInsights(one.urn, { IMPRESSION: 900, MEMBERS_REACHED: 700, LINK_CLICKS: 25, reactions: { LIKE: 30 }, comments: 6, RESHARE: 2 });
    const before = fake.requests.length;

    const metrics = await adapter.insights.metrics(call(org), [one.urn, two.urn, gone.urn]);

    expect(metrics.get(one.urn)).toEqual({ impressions: 900, reach: 700, clicks: 25, likes: 30, comments: 6, shares: 2 });
    expect(metrics.get(two.urn)).toEqual({ impressions: 0, reach: 0, clicks: 0, likes: 0, comments: 0, shares: 0 });
    expect(metrics.has(gone.urn)).toBe(false);
    const sent = fake.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(['/v2/organizationalEntityShareStatistics']);
    expect(sent[0].query.get('organizationalEntity')).toBe(org);
    expect(sent[0].query.get('shares')).toBe(`List(${one.urn},${gone.urn})`);
    expect(sent[0].query.get('ugcPosts')).toBe(`List(${two.urn})`);
    expect(sent[0].headers['x-restli-protocol-version']).toBe('2.0.0');
  });

  it('pages the member’s own posts newest first down to since, leaving out drafts and reposts', async () => {
    const grace = fake.addMember('Grace Hopper');
    const since = at(10);
    const seed = (commentary: string, days: number, extra: Partial<Parameters<FakeLinkedIn['seedPost']>[1]> = {}) => fake.seedPost(grace.urn, { commentary, publishedAt: at(days), ...extra });
    const own: FakeLinkedInPost[] = [
      seed('Plain \\(text\\)', 1),
      seed('Photo', 2, { content: { media: { id: 'urn:li:image:C1' } } }),
      seed('Album', 3, { content: { multiImage: { images: [{ id: 'urn:li:image:C2' }, { id: 'urn:li:image:C3' }] } } }),
      seed('Clip', 4, { content: { media: { id: 'urn:li:video:C4' } } }),
      seed('Read', 5, { content: { article: { source: 'https://quietdesk.example/blog', title: 'Blog' } } }),
      seed('Slides', 6, { content: { media: { id: 'urn:li:document:C5', title: 'Deck' } } }),
      seed('Nine days', 9),
    ];
    seed('Draft', 2.5, { lifecycleState: 'DRAFT' });
    seed('Repost', 3.5, { reshareOf: 'urn:li:share:1' });
    seed('Old', 11);
    seed('Older', 12);
    seed('Oldest', 13);
    seed('Ancient', 14); // still listed after the page that reached past since: never read
    fake.setInsights(own[0].urn, { IMPRESSION: 300, MEMBERS_REACHED: 200, RESHARE: 1, reactions: { LIKE: 7 }, comments: 2 });
    const c = call(grace.urn, grace.token);

    const pages: HistoryPage[] = [];
    let cursor: string | undefined;
    do {
      const next = await adapter.insights.history(c, { since, limit: 3, cursor });
      pages.push(next);
      cursor = next.nextCursor;
    } while (cursor && pages.length < 20);

    expect(pages).toHaveLength(4);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    const posts = pages.flatMap((p) => p.posts);
    expect(posts.map((p) => p.platformPostId)).toEqual(own.map((p) => p.urn));
    expect(posts.map((p) => [p.mediaType, p.rawType])).toEqual([
      ['text', undefined],
      ['image', 'image'],
      ['carousel', 'multiImage'],
      ['video', 'video'],
      ['link', 'article'],
      ['carousel', 'document'],
      ['text', undefined],
    ]);
    expect(posts[0]).toMatchObject({ text: 'Plain (text)', url: `https://www.linkedin.com/feed/update/${own[0].urn}/`, metrics: { impressions: 300, reach: 200, shares: 1, likes: 7, comments: 2 } });
    expect(posts[0].publishedAt.getTime()).toBe(own[0].publishedAt);
    expect(posts[1].metrics).toEqual({ likes: 0, comments: 0 });

    const listed = fake.requestsTo('GET', '/rest/posts').filter((r) => r.query.get('author') === grace.urn);
    expect(listed.map((r) => r.query.get('start'))).toEqual(['0', '3', '6', '9']);
    expect(listed.every((r) => r.query.get('q') === 'author' && r.query.get('count') === '3' && r.query.get('sortBy') === 'CREATED' && r.headers['x-restli-method'] === 'FINDER')).toBe(true);
  });

  it('makes a refused history listing permanent with a clear message, while metrics of published posts still work', async () => {
    const restricted = fake.addMember('Restricted', { canReadPosts: false });
    const published = fake.seedPost(restricted.urn, { commentary: 'Published through the app', publishedAt: at(1) });
    fake.setInsights(published.urn, { IMPRESSION: 10, reactions: { LIKE: 1 }, comments: 0 });
    const c = call(restricted.urn, restricted.token);

    const error = await failure(adapter.insights.history(c, { since: at(30) }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 403, code: 'ACCESS_DENIED' } });
    expect(error.message).toContain('r_member_social');
    expect((await adapter.insights.metrics(c, [published.urn])).get(published.urn)).toEqual({ impressions: 10, likes: 1, comments: 0 });
  });

  it('maps the daily quota (429) to retry at 00:00 UTC, an expired token to refresh, and a slow or dropped read to retry', async () => {
    const limited = new FakeLinkedIn({ dailyCallLimit: 3 });
    await limited.start();
    try {
      const member = limited.addMember('Quota');
      const post = limited.seedPost(member.urn, { commentary: 'Busy', publishedAt: at(1) });
      const error = await failure(adapter.insights.metrics(memoryCall(limited.url, { accountId: member.urn, accessToken: member.token }), [post.urn]));
      expect(error).toMatchObject({ kind: 'retry', details: { status: 429, scope: 'account' } });
      expect(error.details.retryAt?.toISOString()).toBe(nextUtcMidnight().toISOString());
    } finally {
      await limited.close();
    }

    const expiring = fake.addMember('Expiring');
    const post = fake.seedPost(expiring.urn, { commentary: 'Mine', publishedAt: at(1) });
    fake.expire(expiring.token);
    const expired = await failure(adapter.insights.metrics(call(expiring.urn, expiring.token), [post.urn]));
    expect(expired).toMatchObject({ kind: 'refresh', details: { status: 401 } });
    expect((await failure(adapter.insights.history(call(expiring.urn, expiring.token), { since: at(30) }))).kind).toBe('refresh');

    const mine = fake.seedPost(ada.urn, { commentary: 'Slow', publishedAt: at(1) });
    fake.inject('GET', '/rest/socialMetadata/:urn', { dropBeforeHandling: true });
    expect((await failure(adapter.insights.metrics(call(), [mine.urn]))).kind).toBe('retry');
    fake.inject('GET', '/rest/posts', { delayMs: 400 });
    expect((await failure(adapter.insights.history(call(ada.urn, ada.token, 100), { since: at(30) }))).kind).toBe('retry');
  });

  it('refuses a cursor it did not issue', async () => {
    expect((await failure(adapter.insights.history(call(), { since: at(30), cursor: 'abc' }))).kind).toBe('permanent');
  });
});
