import { PlatformHttp, type HttpRequest } from '../http/platform-http';
import { FakeX } from '../testing/fake-x';
import { TINY_PNG } from '../testing/memory-call';

/** The fake's wire protocol, checked directly (the adapter specs only see what the adapter uses). */
describe('FakeX wire protocol', () => {
  const fake = new FakeX();
  let http: PlatformHttp;
  let owner: ReturnType<FakeX['addAccount']>;
  let other: ReturnType<FakeX['addAccount']>;

  beforeAll(async () => {
    await fake.start();
    http = new PlatformHttp({ baseUrl: fake.url, timeoutMs: 2000 });
    owner = fake.addAccount('owner');
    other = fake.addAccount('other');
  });
  afterAll(() => fake.close());

  const as = (token: string, request: HttpRequest) => http.request({ ...request, headers: { authorization: `Bearer ${token}`, ...request.headers } });
  const tweet = (token: string, json: unknown) => as(token, { method: 'POST', url: '/2/tweets', json });

  it('answers 401 with a problem body for an unknown or expired token, and rate-limit headers on authenticated answers', async () => {
    const unknown = await as('nope', { method: 'GET', url: '/2/users/me' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    const me = await as(owner.token, { method: 'GET', url: '/2/users/me' });
    expect(me.body).toEqual({ data: { id: owner.accountId, name: 'owner', username: 'owner' } });
    expect([me.headers.get('x-rate-limit-limit'), me.headers.get('x-rate-limit-remaining')]).toEqual(['75', '74']);
    expect(Number(me.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
    const bad = await tweet(owner.token, { text: 'ok', surprise: true });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-rate-limit-limit')).toBe('100');
  });

  it('creates posts with 201, rejects duplicates, replies to missing posts and unknown properties', async () => {
    const created = await tweet(owner.token, { text: 'Wire hello https://example.com/a' });
    expect(created.status).toBe(201);
    expect(created.body.data.text).toMatch(/^Wire hello https:\/\/t\.co\/\S{10}$/);
    expect(created.body.data.edit_history_tweet_ids).toEqual([created.body.data.id]);
    expect(typeof created.body.data.id).toBe('string');
    const duplicate = await tweet(owner.token, { text: 'Wire hello https://example.com/a' });
    expect([duplicate.status, duplicate.body.detail]).toEqual([403, 'You are not allowed to create a Tweet with duplicate content.']);
    expect((await tweet(other.token, { text: 'Wire hello https://example.com/a' })).status).toBe(201);
    const orphan = await tweet(owner.token, { text: 'reply', reply: { in_reply_to_tweet_id: '1234567890123456789' } });
    expect(orphan.status).toBe(403);
    expect((await tweet(owner.token, {})).status).toBe(400);
    expect((await tweet(owner.token, { text: 'x'.repeat(281) })).status).toBe(400);
    const reply = await tweet(owner.token, { text: 'a reply', reply: { in_reply_to_tweet_id: created.body.data.id } });
    expect(fake.tweets.find((t) => t.id === reply.body.data.id)!.inReplyToId).toBe(created.body.data.id);
  });

  it('runs the chunked upload as a state machine and validates media on posts', async () => {
    const init = await as(owner.token, { method: 'POST', url: '/2/media/upload/initialize', json: { media_type: 'image/png', total_bytes: TINY_PNG.length, media_category: 'tweet_image' } });
    const id = init.body.data.id as string;
    expect(BigInt(id)).toBeGreaterThan(2n ** 53n);
    expect(init.body.data).toMatchObject({ media_key: `3_${id}`, expires_after_secs: 86400 });
    const appendPart = (bytes: Buffer, index: string, token = owner.token) => {
      const form = new FormData();
      form.append('segment_index', index);
      form.append('media', new Blob([new Uint8Array(bytes)]), 'blob');
      return as(token, { method: 'POST', url: `/2/media/upload/${id}/append`, multipart: form });
    };
    expect((await appendPart(TINY_PNG.subarray(0, 10), '1000')).status).toBe(400);
    expect((await appendPart(TINY_PNG.subarray(0, 10), '0', other.token)).status).toBe(400);
    expect((await appendPart(TINY_PNG.subarray(0, 10), '0')).status).toBe(200);
    expect((await as(owner.token, { method: 'POST', url: `/2/media/upload/${id}/finalize` })).body.errors[0].message).toBe('Segments do not add up to provided total file size.');
    expect((await tweet(owner.token, { text: 'too early', media: { media_ids: [id] } })).status).toBe(400);
    await appendPart(TINY_PNG.subarray(10), '1');
    fake.media.processingPolls = 1;
    try {
      const finalized = await as(owner.token, { method: 'POST', url: `/2/media/upload/${id}/finalize` });
      expect(finalized.body.data).toMatchObject({ id, size: TINY_PNG.length, processing_info: { state: 'pending' } });
      expect((await tweet(owner.token, { text: 'still processing', media: { media_ids: [id] } })).status).toBe(400);
      const status = () => as(owner.token, { method: 'GET', url: '/2/media/upload', query: { command: 'STATUS', media_id: id } });
      expect((await status()).body.data.processing_info.state).toBe('in_progress');
      expect((await status()).body.data.processing_info.state).toBe('succeeded');
    } finally {
      fake.media.processingPolls = 0;
    }
    expect((await appendPart(TINY_PNG, '2')).status).toBe(400);
    const alt = await as(owner.token, { method: 'POST', url: '/2/media/metadata', json: { id, metadata: { alt_text: { text: 'a desk' } } } });
    expect(alt.body).toEqual({ data: { id, associated_metadata: { alt_text: { text: 'a desk' } } } });
    expect((await tweet(owner.token, { text: 'five', media: { media_ids: [id, id, id, id, id] } })).status).toBe(400);
    expect((await tweet(other.token, { text: 'not mine', media: { media_ids: [id] } })).status).toBe(400);
    const withMedia = await tweet(owner.token, { text: 'with a photo', media: { media_ids: [id] } });
    expect(withMedia.status).toBe(201);
  });

  it('serves the one-shot upload', async () => {
    const form = new FormData();
    form.append('media_category', 'tweet_image');
    form.append('media', new Blob([new Uint8Array(TINY_PNG)], { type: 'image/png' }), 'tiny.png');
    const shot = await as(owner.token, { method: 'POST', url: '/2/media/upload', multipart: form });
    expect(shot.body.data).toMatchObject({ size: TINY_PNG.length, expires_after_secs: 86400 });
    expect((await tweet(owner.token, { text: 'one-shot photo', media: { media_ids: [shot.body.data.id] } })).status).toBe(201);
  });

  it('lists a timeline newest first with meta, opaque next_token, and fields only when asked (either parameter name)', async () => {
    const author = fake.addAccount('historian');
    const base = Date.now() - 3_600_000;
    const seeded = Array.from({ length: 12 }, (_, i) => fake.seedTweet(author.accountId, `History ${i}`, { createdAt: new Date(base + i * 60_000), metrics: { like_count: i } }));
    const list = (query: HttpRequest['query']) => as(other.token, { method: 'GET', url: `/2/users/${author.accountId}/tweets`, query });
    const first = await list({ max_results: 5 });
    expect(first.body.data.map((t: { id: string }) => t.id)).toEqual(seeded.slice(-5).reverse().map((t) => t.id));
    expect(Object.keys(first.body.data[0]).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
    expect(first.body.meta).toMatchObject({ result_count: 5, newest_id: seeded[11].id, oldest_id: seeded[7].id });
    expect(first.body.meta.next_token).toMatch(/^[0-9a-f]+$/);
    expect(first.body.meta.next_token).not.toContain(seeded[7].id);
    const second = await list({ max_results: 5, pagination_token: first.body.meta.next_token, 'tweet.fields': 'created_at,public_metrics' });
    expect(second.body.data[0]).toMatchObject({ id: seeded[6].id, created_at: seeded[6].createdAt.toISOString(), public_metrics: { like_count: 6, retweet_count: 0 } });
    expect(second.body.data[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const viaPostFields = await list({ max_results: 5, 'post.fields': 'public_metrics' });
    expect(viaPostFields.body.data[0].public_metrics).toBeDefined();
    const windowed = await list({ max_results: 100, start_time: new Date(base + 10 * 60_000).toISOString() });
    expect(windowed.body.meta).toEqual({ result_count: 2, newest_id: seeded[11].id, oldest_id: seeded[10].id });
    const empty = await list({ max_results: 10, start_time: new Date(Date.now() - 1000).toISOString() });
    expect(empty.body).toEqual({ meta: { result_count: 0 } });
    expect((await list({ max_results: 3 })).status).toBe(400);
    expect((await list({ max_results: 5, pagination_token: 'forged' })).status).toBe(400);
  });

  it('gives owner-only metrics to the owner and a field error to others; lookups answer 200 with errors', async () => {
    const mine = fake.seedTweet(owner.accountId, 'Private metrics', { metrics: { impression_count: 40 } });
    const asOwner = await as(owner.token, { method: 'GET', url: `/2/tweets/${mine.id}`, query: { 'tweet.fields': 'non_public_metrics' } });
    expect(asOwner.body.data.non_public_metrics).toMatchObject({ impression_count: 40 });
    const asOther = await as(other.token, { method: 'GET', url: `/2/tweets/${mine.id}`, query: { 'tweet.fields': 'non_public_metrics' } });
    expect(asOther.body.data.non_public_metrics).toBeUndefined();
    expect(asOther.body.errors[0].type).toBe('https://api.x.com/2/problems/not-authorized-for-field');
    const missing = await as(other.token, { method: 'GET', url: '/2/tweets', query: { ids: `${mine.id},1234567890123456789` } });
    expect(missing.status).toBe(200);
    expect(missing.body.data).toHaveLength(1);
    expect(missing.body.errors[0]).toMatchObject({ resource_id: '1234567890123456789', type: 'https://api.x.com/2/problems/resource-not-found' });
  });

  it('deletes only the author’s posts, and lets an app-only token read but not write', async () => {
    const created = await tweet(owner.token, { text: 'Delete me' });
    expect((await as(other.token, { method: 'DELETE', url: `/2/tweets/${created.body.data.id}` })).status).toBe(403);
    const deleted = await as(owner.token, { method: 'DELETE', url: `/2/tweets/${created.body.data.id}` });
    expect(deleted.body).toEqual({ data: { deleted: true } });
    expect(fake.tweets.some((t) => t.id === created.body.data.id)).toBe(false);
    expect((await as(fake.appToken, { method: 'GET', url: `/2/users/${owner.accountId}/tweets` })).status).toBe(200);
    const write = await tweet(fake.appToken, { text: 'app only' });
    expect([write.status, write.body.title]).toEqual([403, 'Unsupported Authentication']);
  });

  it('answers 429 with the exhausted window once the per-user counter runs out', async () => {
    const hasty = fake.addAccount('hasty');
    fake.limits.user15min['GET /2/users/me'] = 2;
    try {
      await as(hasty.token, { method: 'GET', url: '/2/users/me' });
      await as(hasty.token, { method: 'GET', url: '/2/users/me' });
      const limited = await as(hasty.token, { method: 'GET', url: '/2/users/me' });
      expect([limited.status, limited.body.title, limited.headers.get('x-rate-limit-remaining')]).toEqual([429, 'Too Many Requests', '0']);
      expect((await as(owner.token, { method: 'GET', url: '/2/users/me' })).status).toBe(200);
    } finally {
      fake.limits.user15min['GET /2/users/me'] = 75;
    }
  });

  it('authenticates OAuth clients: a registered confidential client must use Basic with its secret', async () => {
    const strict = new FakeX();
    await strict.start();
    try {
      strict.oauth.registerClient('conf', 'secret');
      strict.oauth.registerClient('pub');
      const acc = strict.addAccount('oauth');
      const token = (headers: Record<string, string>, form: Record<string, string>) =>
        new PlatformHttp({ baseUrl: strict.url, timeoutMs: 2000 }).request({ method: 'POST', url: '/2/oauth2/token', headers, form: { grant_type: 'refresh_token', refresh_token: acc.refreshToken, ...form } });
      const noAuth = await token({}, { client_id: 'conf' });
      expect([noAuth.status, noAuth.body.error]).toEqual([401, 'unauthorized_client']);
      const wrongSecret = await token({ authorization: `Basic ${Buffer.from('conf:nope').toString('base64')}` }, {});
      expect(wrongSecret.status).toBe(401);
      const ok = await token({}, { client_id: 'pub' });
      expect(ok.body).toMatchObject({ token_type: 'bearer', expires_in: 7200, scope: 'tweet.read tweet.write users.read media.write offline.access' });
      const rotated = await token({}, { client_id: 'pub', refresh_token: ok.body.refresh_token });
      expect(rotated.status).toBe(200);
      const reused = await token({}, { client_id: 'pub', refresh_token: ok.body.refresh_token });
      expect([reused.status, reused.body.error]).toEqual([400, 'invalid_request']);
    } finally {
      await strict.close();
    }
  });
});
