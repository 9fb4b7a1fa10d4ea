import { FakeBluesky } from './fake-bluesky';
import { TINY_PNG } from './memory-call';

describe('FakeBluesky wire protocol', () => {
  const fake = new FakeBluesky({ limits: { sessionsPer5Min: 2 } });
  let alice: ReturnType<FakeBluesky['addAccount']>;
  let bob: ReturnType<FakeBluesky['addAccount']>;

  beforeAll(async () => {
    await fake.start();
    alice = fake.addAccount('alice.test');
    bob = fake.addAccount('bob.test');
  });
  afterAll(() => fake.close());

  const xrpc = async (method: 'GET' | 'POST', nsid: string, options: { token?: string; json?: unknown; query?: Record<string, string | string[]>; body?: Buffer; type?: string } = {}) => {
    const url = new URL(`${fake.url}/xrpc/${nsid}`);
    for (const [k, v] of Object.entries(options.query ?? {})) for (const item of [v].flat()) url.searchParams.append(k, item);
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (options.type) headers['content-type'] = options.type;
    const res = await fetch(url, { method, headers, body: options.json !== undefined ? JSON.stringify(options.json) : options.body ? new Uint8Array(options.body) : undefined });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const create = (record: Record<string, unknown>, rkey?: string, token = alice.accessJwt, repo = alice.did) =>
    xrpc('POST', 'com.atproto.repo.createRecord', { token, json: { repo, collection: 'app.bsky.feed.post', rkey, record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), ...record } } });

  it('fails an rkey collision with a generic 500, and getRecord tells present from RecordNotFound', async () => {
    const first = await create({ text: 'keyed' }, '3lbcdefghijk2');
    expect(first.status).toBe(200);
    expect(first.body.uri).toBe(`at://${alice.did}/app.bsky.feed.post/3lbcdefghijk2`);
    expect(first.body.cid).toMatch(/^bafyrei/);
    const again = await create({ text: 'keyed' }, '3lbcdefghijk2');
    expect([again.status, again.body.error]).toEqual([500, 'InternalServerError']);
    expect(fake.postsOf(alice.did).filter((r) => r.rkey === '3lbcdefghijk2')).toHaveLength(1);
    const found = await xrpc('GET', 'com.atproto.repo.getRecord', { query: { repo: 'alice.test', collection: 'app.bsky.feed.post', rkey: '3lbcdefghijk2' } });
    expect(found.body).toMatchObject({ uri: first.body.uri, cid: first.body.cid, value: { text: 'keyed' } });
    const missing = await xrpc('GET', 'com.atproto.repo.getRecord', { query: { repo: alice.did, collection: 'app.bsky.feed.post', rkey: '3lbcdefghijk3' } });
    expect([missing.status, missing.body.error]).toEqual([400, 'RecordNotFound']);
    expect((await create({ text: 'bad key' }, 'not-a-tid')).body.error).toBe('InvalidRequest');
  });

  it('validates posts: byte length, facet ranges, reply refs, images and blob owners', async () => {
    expect((await create({ text: 'x'.repeat(301) })).body.message).toContain('300 graphemes');
    expect((await create({ text: 'é'.repeat(299) + '🧑‍🤝‍🧑'.repeat(1) })).status).toBe(200);
    expect((await create({ text: 'ab', facets: [{ index: { byteStart: 0, byteEnd: 3 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'ab' }] }] })).body.message).toContain('outside the text');
    expect((await create({ text: 'reply', reply: { root: { uri: `at://${alice.did}/app.bsky.feed.post/3zzzzzzzzzzzz`, cid: 'bafy' }, parent: { uri: 'x', cid: 'y' } } })).body.message).toContain('reply/root');
    const upload = await xrpc('POST', 'com.atproto.repo.uploadBlob', { token: bob.accessJwt, body: TINY_PNG, type: 'image/png' });
    expect(upload.body.blob).toMatchObject({ $type: 'blob', mimeType: 'image/png', size: TINY_PNG.length });
    const embed = (n: number) => ({ $type: 'app.bsky.embed.images', images: Array.from({ length: n }, () => ({ image: upload.body.blob, alt: '' })) });
    expect((await create({ text: 'not my blob', embed: embed(1) })).body.error).toBe('BlobNotFound');
    expect((await create({ text: 'five', embed: embed(5) }, undefined, bob.accessJwt, bob.did)).body.message).toContain('more than 4');
    expect((await create({ text: 'mine', embed: embed(4) }, undefined, bob.accessJwt, bob.did)).status).toBe(200);
    expect((await create({ text: 'their repo' }, undefined, alice.accessJwt, bob.did)).status).toBe(401);
  });

  it('serves the author feed with cursors, counts, replies and reposts mixed in', async () => {
    const carol = fake.addAccount('carol.test');
    const old = fake.seedPost(carol.did, 'written long ago', { createdAt: new Date('2026-01-01T10:00:00Z'), indexedAt: new Date('2026-01-01T10:05:00Z') });
    for (let i = 0; i < 4; i++) fake.seedPost(carol.did, `post ${i}`, { createdAt: new Date(Date.UTC(2026, 5, 1, 10, i)) });
    fake.addRepost(carol.did, fake.postsOf(alice.did)[0].uri, new Date('2026-03-01T00:00:00Z'));
    fake.setCounts(old.uri, { likeCount: 7, quoteCount: 1 });
    const seen: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await xrpc('GET', 'app.bsky.feed.getAuthorFeed', { query: { actor: 'carol.test', limit: '2', ...(cursor ? { cursor } : {}) } });
      seen.push(...page.body.feed);
      cursor = page.body.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((i) => i.post.record.text)).toEqual(['post 3', 'post 2', 'post 1', 'post 0', 'keyed', 'written long ago']);
    const repost = seen.find((i) => i.reason);
    expect(repost.reason).toMatchObject({ $type: 'app.bsky.feed.defs#reasonRepost', by: { did: carol.did } });
    expect(repost.post.author.did).toBe(alice.did);
    const oldView = seen.at(-1).post;
    expect(oldView).toMatchObject({ likeCount: 7, quoteCount: 1, repostCount: 0, replyCount: 0, indexedAt: '2026-01-01T10:05:00.000Z', record: { createdAt: '2026-01-01T10:00:00.000Z' } });
    const posts = await xrpc('GET', 'app.bsky.feed.getPosts', { query: { uris: [old.uri, 'at://did:plc:none/app.bsky.feed.post/x'] } });
    expect(posts.body.posts.map((p: any) => p.uri)).toEqual([old.uri]);
    const listed = await xrpc('GET', 'com.atproto.repo.listRecords', { query: { repo: carol.did, collection: 'app.bsky.feed.post', limit: '3' } });
    expect(listed.body.records).toHaveLength(3);
    expect(listed.body.cursor).toBeDefined();
  });

  it('deletes idempotently and sends RateLimit headers with per-account write points', async () => {
    const made = await create({ text: 'to delete' });
    const rkey = made.body.uri.split('/').at(-1);
    const remainingAfterCreate = Number(made.headers.get('ratelimit-remaining'));
    for (let i = 0; i < 2; i++) {
      const deleted = await xrpc('POST', 'com.atproto.repo.deleteRecord', { token: alice.accessJwt, json: { repo: alice.did, collection: 'app.bsky.feed.post', rkey } });
      expect(deleted.status).toBe(200);
      expect(deleted.headers.get('ratelimit-policy')).toMatch(/^\d+;w=\d+$/);
    }
    expect(fake.record(made.body.uri)).toBeUndefined();
    expect(Number(made.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(remainingAfterCreate).toBeGreaterThan(0);
  });

  it('limits createSession per identifier and rejects a wrong password with 401 AuthenticationRequired', async () => {
    const dave = fake.addAccount('dave.test', 'dave-pass-word-1234');
    expect((await xrpc('POST', 'com.atproto.server.createSession', { json: { identifier: 'dave.test', password: 'nope' } })).body.error).toBe('AuthenticationRequired');
    const ok = await xrpc('POST', 'com.atproto.server.createSession', { json: { identifier: 'dave.test', password: dave.appPassword } });
    expect(ok.body).toMatchObject({ did: dave.did, handle: 'dave.test', active: true });
    const limited = await xrpc('POST', 'com.atproto.server.createSession', { json: { identifier: 'dave.test', password: dave.appPassword } });
    expect([limited.status, limited.body.error, limited.headers.get('ratelimit-remaining')]).toEqual([429, 'RateLimitExceeded', '0']);
  });

  it('answers a missing token with AuthMissing and a refresh token used as access token with InvalidToken', async () => {
    expect((await xrpc('GET', 'com.atproto.server.getSession')).body.error).toBe('AuthMissing');
    const wrongScope = await xrpc('GET', 'com.atproto.server.getSession', { token: alice.refreshJwt });
    expect([wrongScope.status, wrongScope.body.error, wrongScope.body.message]).toEqual([400, 'InvalidToken', 'Bad token scope']);
    expect((await xrpc('GET', 'app.bsky.feed.nothing')).status).toBe(501);
  });
});
