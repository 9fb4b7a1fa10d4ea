import { FakeMastodon } from '../testing/fake-mastodon';
import { memoryCall, type MemoryCall, platformFailure as failure } from '../testing/memory-call';
import { MastodonAdapter } from './mastodon.adapter';
import { nextMaxId } from './mastodon.insights';

const insights = new MastodonAdapter().insights;
const DAY = 86_400_000;


describe('MastodonAdapter insights against a fake instance', () => {
  const fake = new FakeMastodon();
  type Account = ReturnType<FakeMastodon['addAccount']>;
  let account: Account;

  beforeAll(async () => {
    await fake.start();
    account = fake.addAccount('studio');
  });
  afterAll(() => fake.close());

  const call = (a: Account = account, timeoutMs?: number): MemoryCall => memoryCall('http://127.0.0.1:9', { accountId: a.accountId, accessToken: a.token, serverUrl: fake.url }, { timeoutMs });

  it('maps every count, folding quotes into shares, and reports nothing Mastodon does not have', async () => {
    const status = fake.seedStatus(account.accountId, 'Counted', { metrics: { favourites_count: 9, replies_count: 2, reblogs_count: 4, quotes_count: 1 } });
    const metrics = await insights.metrics(call(), [status.id]);
    expect(metrics.get(status.id)).toEqual({ likes: 9, comments: 2, shares: 5 });
    expect(fake.requestsTo('GET', `/api/v1/statuses/${status.id}`).at(-1)!.headers.authorization).toBe(`Bearer ${account.token}`);
  });

  it('leaves out quotes on an instance older than 4.5 instead of counting them as 0, and keeps a real 0', async () => {
    const status = fake.seedStatus(account.accountId, 'Older instance', { metrics: { reblogs_count: 3, quotes_count: 7 } });
    fake.reportsQuotes = false;
    try {
      expect((await insights.metrics(call(), [status.id])).get(status.id)).toEqual({ likes: 0, comments: 0, shares: 3 });
    } finally {
      fake.reportsQuotes = true;
    }
  });

  it('reads each status on its own and leaves deleted ones out without failing the rest', async () => {
    const kept = [fake.seedStatus(account.accountId, 'First', { metrics: { favourites_count: 1 } }), fake.seedStatus(account.accountId, 'Second', { metrics: { favourites_count: 2 } })];
    const gone = fake.seedStatus(account.accountId, 'Deleted');
    fake.statuses.splice(fake.statuses.indexOf(gone), 1);
    const before = fake.requests.length;
    const metrics = await insights.metrics(call(), [kept[0].id, gone.id, kept[1].id]);
    expect([...metrics.entries()]).toEqual([
      [kept[0].id, { likes: 1, comments: 0, shares: 0 }],
      [kept[1].id, { likes: 2, comments: 0, shares: 0 }],
    ]);
    expect(fake.requests.slice(before).map((r) => r.path)).toEqual([kept[0].id, gone.id, kept[1].id].map((id) => `/api/v1/statuses/${id}`));
  });

  it('imports 16 weeks of history through the Link header, leaving out boosts and replies and stopping at since', async () => {
    const author = fake.addAccount('historian');
    const neighbour = fake.addAccount('neighbour');
    const since = new Date(Date.now() - 16 * 7 * DAY);
    const seeded = fake.seedHistory(author.accountId, 100, { newest: new Date(Date.now() - 3_600_000), spacingMs: DAY, text: (i) => `Day ${i} & counting`, metrics: (i) => ({ favourites_count: i }) });
    const photo = fake.seedStatus(author.accountId, 'Two photos', { createdAt: new Date(Date.now() - 1.5 * DAY), media: ['image', 'image'] });
    const clip = fake.seedStatus(author.accountId, 'A clip', { createdAt: new Date(Date.now() - 2.5 * DAY), media: ['video'] });
    const card = fake.seedStatus(author.accountId, 'Read https://example.com/tour', { createdAt: new Date(Date.now() - 3.5 * DAY) });
    const single = fake.seedStatus(author.accountId, 'One photo', { createdAt: new Date(Date.now() - 4.5 * DAY), media: ['image'] });
    fake.seedStatus(author.accountId, 'My own thread, part 2', { createdAt: new Date(Date.now() - 5.5 * DAY), inReplyToId: seeded[5].id });
    const other = fake.seedStatus(neighbour.accountId, 'Their post', { createdAt: new Date(Date.now() - 7 * DAY) });
    fake.seedStatus(author.accountId, 'A reply to a neighbour', { createdAt: new Date(Date.now() - 6.5 * DAY), inReplyToId: other.id });
    fake.seedReblog(author.accountId, other.id, new Date(Date.now() - 6.2 * DAY));
    // Enough older statuses that the third page is full and the instance offers a fourth: since must end it.
    const tooOld = fake.seedHistory(author.accountId, 20, { newest: new Date(since.getTime() - DAY), text: (i) => `Before the window ${i}` });

    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await insights.history(call(author), { since, cursor });
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.length).toBe(3);
    expect(pages.at(-1)!.nextCursor).toBeUndefined();
    const posts = pages.flatMap((p) => p.posts);
    const expected = [...seeded, photo, clip, card, single].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(posts.map((p) => p.platformPostId)).toEqual(expected.map((s) => s.id));
    expect(posts.some((p) => tooOld.some((s) => s.id === p.platformPostId))).toBe(false);
    const byId = new Map(posts.map((p) => [p.platformPostId, p]));
    expect([photo, clip, card, single, seeded[0]].map((s) => byId.get(s.id)!.mediaType)).toEqual(['carousel', 'video', 'link', 'image', 'text']);
    expect(byId.get(seeded[7].id)).toMatchObject({ text: 'Day 7 & counting', publishedAt: seeded[7].createdAt, url: `${fake.url}/@historian/${seeded[7].id}`, metrics: { likes: 7, comments: 0, shares: 0 } });
    expect(byId.get(seeded[5].id)!.metrics.comments).toBe(1);
    const asked = fake.requestsTo('GET', `/api/v1/accounts/${author.accountId}/statuses`);
    expect(asked.map((r) => [r.query.get('limit'), r.query.get('exclude_reblogs'), r.query.get('exclude_replies')])).toEqual(Array.from({ length: 3 }, () => ['40', 'true', 'true']));
    expect(asked.map((r) => r.query.get('max_id'))).toEqual([null, pages[0].nextCursor, pages[1].nextCursor]);
  });

  it('reads the next page from the Link header', () => {
    expect(nextMaxId('<https://m.example/api/v1/accounts/1/statuses?limit=40&max_id=1234>; rel="next", <https://m.example/api/v1/accounts/1/statuses?min_id=99>; rel="prev"')).toBe('1234');
    expect(nextMaxId('<https://m.example/api/v1/accounts/1/statuses?min_id=99>; rel="prev"')).toBeUndefined();
    expect(nextMaxId(null)).toBeUndefined();
  });

  it('classifies a 429 as retry at the ISO reset, a revoked token as refresh and a read timeout as retry', async () => {
    const busy = fake.addAccount('busy');
    const status = fake.seedStatus(busy.accountId, 'Busy');
    const saved = fake.rateLimit;
    fake.rateLimit = { limit: 1, windowMs: 300_000 };
    try {
      const c = call(busy);
      await insights.metrics(c, [status.id]);
      const limited = await failure(insights.metrics(c, [status.id]));
      expect([limited.kind, limited.details.status]).toEqual(['retry', 429]);
      expect(limited.details.retryAt).toEqual(c.observed.at(-1)!.resetAt);
      expect(limited.details.retryAt!.getTime()).toBeGreaterThan(Date.now());
    } finally {
      fake.rateLimit = saved;
    }
    const revoked = fake.addAccount('revoked');
    fake.revoke(revoked.token);
    const denied = await failure(insights.history(call(revoked), { since: new Date(Date.now() - DAY) }));
    expect([denied.kind, denied.details.status]).toEqual(['refresh', 401]);
    fake.inject('GET', `/api/v1/statuses/${status.id}`, { delayMs: 500, body: {} });
    const slow = await failure(insights.metrics(call(account, 150), [status.id]));
    expect(slow.kind).toBe('retry');
  });
});
