import type { PublishRequest } from '../platform-adapter';
import { FakeBluesky } from '../testing/fake-bluesky';
import { closedPortUrl, memoryCall, platformFailure as failure } from '../testing/memory-call';
import { BlueskyAdapter } from './bluesky.adapter';
import { createBlueskySession } from './bluesky.session';
import { isTid } from './bluesky.tid';

const adapter = new BlueskyAdapter();

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'c0ffee00-0000-4000-8000-00000000b001', platform: 'bluesky', contentType: 'single', text: 'Hello Bluesky #CoWorking', hashtags: ['#CoWorking'], mediaIds: [], ...overrides };
}


describe('BlueskyAdapter against a fake PDS', () => {
  const fake = new FakeBluesky();
  let account: { did: string; handle: string; appPassword: string; accessJwt: string; refreshJwt: string };
  let unreachable: string;

  beforeAll(async () => {
    await fake.start();
    unreachable = await closedPortUrl();
    account = fake.addAccount('studio.bsky.social');
  });
  afterAll(() => fake.close());

  /** The configured base URL is unreachable: every call must go to the account's own PDS (`serverUrl`). */
  const call = (accessJwt = account.accessJwt, a: { did: string; handle: string } = account) =>
    memoryCall(unreachable, { accountId: a.did, accountName: `@${a.handle}`, accessToken: accessJwt, serverUrl: fake.url });

  it('signs in with an app password and reads the PDS from the DID document', async () => {
    const http = call().http.withBaseUrl(fake.url);
    const session = await createBlueskySession(http, '@Studio.bsky.social', account.appPassword);
    expect(session).toMatchObject({ did: account.did, handle: 'studio.bsky.social', serverUrl: fake.url });
    expect(session.expiresAt!.getTime() - Date.now()).toBeGreaterThan(119 * 60_000);
    expect(fake.requestsTo('POST', '/xrpc/com.atproto.server.createSession').at(-1)!.json).toEqual({ identifier: 'Studio.bsky.social', password: account.appPassword });
    const wrong = await failure(createBlueskySession(http, 'studio.bsky.social', 'wrong-pass-word-xxxx'));
    expect([wrong.kind, wrong.details.status, wrong.details.code]).toEqual(['refresh', 401, 'AuthenticationRequired']);
  });

  it('identifies the account on its own PDS', async () => {
    await expect(adapter.identify(call())).resolves.toEqual({ accountId: account.did, accountName: '@studio.bsky.social' });
  });

  it('publishes with a checkpointed TID rkey, UTF-8 byte facets, and reads the RateLimit headers', async () => {
    const c = call();
    const text = 'Café ☕ — quiet desks 🪑 #CoWorking, tour: https://example.com/tour?x=1.';
    const receipt = await adapter.publish(c, post({ text }));
    const sent = fake.requestsTo('POST', '/xrpc/com.atproto.repo.createRecord').at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${account.accessJwt}`);
    const { repo, collection, rkey, record } = sent.json;
    expect([repo, collection]).toEqual([account.did, 'app.bsky.feed.post']);
    expect(isTid(rkey)).toBe(true);
    expect((c.saved[0].extra as { rkeys: string[] }).rkeys).toEqual([rkey]);
    expect(record).toMatchObject({ $type: 'app.bsky.feed.post', text });
    expect(Math.abs(Date.parse(record.createdAt) - Date.now())).toBeLessThan(5_000);
    const bytes = Buffer.from(text, 'utf8');
    const slices = record.facets.map((f: { index: { byteStart: number; byteEnd: number } }) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'));
    expect(slices).toEqual(['#CoWorking', 'https://example.com/tour?x=1']);
    expect(record.facets.map((f: { features: unknown[] }) => f.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#tag', tag: 'CoWorking' },
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/tour?x=1' },
    ]);
    expect(receipt.platformPostId).toBe(`at://${account.did}/app.bsky.feed.post/${rkey}`);
    expect(receipt.url).toBe(`https://bsky.app/profile/studio.bsky.social/post/${rkey}`);
    expect(fake.record(receipt.platformPostId)?.value.text).toBe(text);
    const observed = c.observed.at(-1)!;
    expect(observed.scope).toBe('account');
    expect(observed.limit).toBeGreaterThan(0);
    expect(observed.remaining).toBeLessThan(observed.limit!);
    expect(observed.resetAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('posts a thread as replies with root and parent strong refs', async () => {
    const parts = ['1/3 Why a quiet desk matters', '2/3 Noise costs focus', '3/3 Book a tour'];
    const receipt = await adapter.publish(call(), post({ idempotencyKey: 'thread-1', contentType: 'thread', text: parts[0], threadParts: parts }));
    const chain = receipt.partIds!.map((uri) => fake.record(uri)!);
    expect(chain.map((r) => r.value.text)).toEqual(parts);
    expect(chain[0].value.reply).toBeUndefined();
    expect(chain[1].value.reply).toEqual({ root: { uri: chain[0].uri, cid: chain[0].cid }, parent: { uri: chain[0].uri, cid: chain[0].cid } });
    expect(chain[2].value.reply).toEqual({ root: { uri: chain[0].uri, cid: chain[0].cid }, parent: { uri: chain[1].uri, cid: chain[1].cid } });
    expect(new Set(chain.map((r) => r.rkey)).size).toBe(3);
  });

  it('uploads images as blobs and embeds them with their alt text', async () => {
    const receipt = await adapter.publish(call(), post({ text: 'Two photos of the lounge', contentType: 'carousel', mediaIds: ['img-1', 'img-2'] }));
    const uploads = fake.requestsTo('POST', '/xrpc/com.atproto.repo.uploadBlob').slice(-2);
    expect(uploads.map((u) => u.headers['content-type'])).toEqual(['image/png', 'image/png']);
    const embed = fake.record(receipt.platformPostId)!.value.embed;
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images.map((i: { alt: string }) => i.alt)).toEqual(['alt text of img-1', 'alt text of img-2']);
    expect(embed.images[0].image).toMatchObject({ $type: 'blob', mimeType: 'image/png', ref: { $link: expect.stringMatching(/^bafkrei/) } });
    await expect(failure(adapter.publish(call(), post({ mediaIds: ['1', '2', '3', '4', '5'] })))).resolves.toMatchObject({ kind: 'permanent' });
  });

  it('classifies a dropped createRecord as unknown, reconciles it by its rkey, and the retry does not duplicate', async () => {
    const c = call();
    const request = post({ idempotencyKey: 'dropped-1', text: 'Dropped but created on the PDS' });
    fake.inject('POST', '/xrpc/com.atproto.repo.createRecord', { dropAfterHandling: true });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const live = fake.postsOf(account.did).filter((r) => r.value.text === 'Dropped but created on the PDS');
    expect(live).toHaveLength(1);
    const outcome = await adapter.reconcile(c, request, new Date());
    expect(outcome).toMatchObject({ found: { platformPostId: live[0].uri, url: `https://bsky.app/profile/studio.bsky.social/post/${live[0].rkey}` } });
    expect(fake.requestsTo('GET', '/xrpc/com.atproto.repo.getRecord').at(-1)!.query.get('rkey')).toBe(live[0].rkey);
    // Even a retry that ignores the reconcile answer adopts the record at the checkpointed key instead of posting again.
    const retry = call();
    retry.progress = { ...c.saved[0] };
    expect(retry.progress).toMatchObject({ partIds: [], extra: { rkeys: [live[0].rkey] } });
    const receipt = await adapter.publish(retry, request);
    expect(receipt.platformPostId).toBe(live[0].uri);
    expect(fake.postsOf(account.did).filter((r) => r.value.text === 'Dropped but created on the PDS')).toHaveLength(1);
  });

  it('reconciles as absent on RecordNotFound and unsure without a checkpointed rkey', async () => {
    const c = call();
    const request = post({ idempotencyKey: 'absent-1', text: 'Never reached the PDS' });
    fake.inject('POST', '/xrpc/com.atproto.repo.createRecord', { dropBeforeHandling: true });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    expect(await adapter.reconcile(c, request, new Date())).toEqual({ absent: true });
    expect(await adapter.reconcile(call(), request, new Date())).toHaveProperty('unsure');
    const receipt = await adapter.publish(c, request);
    expect(receipt.platformPostId.endsWith(`/${(c.saved[0].extra as { rkeys: string[] }).rkeys[0]}`)).toBe(true);
  });

  it('maps 5xx on createRecord to unknown, on uploadBlob to retry, and an over-long text to permanent', async () => {
    fake.inject('POST', '/xrpc/com.atproto.repo.createRecord', { status: 502, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } });
    expect((await failure(adapter.publish(call(), post({ idempotencyKey: 'k502' })))).kind).toBe('unknown');
    fake.inject('POST', '/xrpc/com.atproto.repo.uploadBlob', { status: 503, body: { error: 'NotEnoughResources', message: 'try later' } });
    expect((await failure(adapter.publish(call(), post({ idempotencyKey: 'k503', mediaIds: ['m'] })))).kind).toBe('retry');
    const long = await failure(adapter.publish(call(), post({ idempotencyKey: 'k-long', text: '👩‍👩‍👧 '.repeat(151) })));
    expect([long.kind, long.details.status, long.details.code]).toEqual(['permanent', 400, 'InvalidRequest']);
    expect(long.message).toContain('300 graphemes');
  });

  it('maps an expired access JWT (400 ExpiredToken) to refresh, then refreshSession rotates the pair', async () => {
    const a = fake.addAccount('expiring.bsky.social');
    fake.expire(a.accessJwt);
    const expired = await failure(adapter.publish(call(a.accessJwt, a), post({ text: 'after expiry' })));
    expect([expired.kind, expired.details.status, expired.details.code]).toEqual(['refresh', 400, 'ExpiredToken']);
    const refreshContext = { http: call().http, serverUrl: fake.url, accessToken: a.accessJwt, refreshToken: a.refreshJwt };
    const grant = await adapter.refresh(refreshContext);
    expect(grant.accessToken).not.toBe(a.accessJwt);
    expect(grant.refreshToken).toBeDefined();
    expect(grant.refreshToken).not.toBe(a.refreshJwt);
    expect(grant.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    expect(fake.requestsTo('POST', '/xrpc/com.atproto.server.refreshSession').at(-1)!.headers.authorization).toBe(`Bearer ${a.refreshJwt}`);
    await expect(adapter.publish(call(grant.accessToken, a), post({ text: 'after refresh' }))).resolves.toHaveProperty('platformPostId');
    const dead = await failure(adapter.refresh(refreshContext));
    expect([dead.kind, dead.details.code]).toEqual(['refresh', 'ExpiredToken']);
    expect((await failure(adapter.refresh({ ...refreshContext, refreshToken: grant.accessToken }))).details.code).toBe('InvalidToken');
  });
});

describe('BlueskyAdapter: write points and resumed threads', () => {
  const fake = new FakeBluesky({ limits: { writeHour: 6 } });
  beforeAll(() => fake.start());
  afterAll(() => fake.close());

  it('answers the third create of the hour with 429: retry at RateLimit-Reset; the resumed thread posts only the rest', async () => {
    const a = fake.addAccount('busy.bsky.social');
    const c = memoryCall(fake.url, { accountId: a.did, accountName: '@busy.bsky.social', accessToken: a.accessJwt });
    const parts = ['1/3 first', '2/3 second', '3/3 third'];
    const request = post({ idempotencyKey: 'thread-limited', contentType: 'thread', text: parts[0], threadParts: parts });
    const limited = await failure(adapter.publish(c, request));
    expect([limited.kind, limited.details.status, limited.details.scope]).toEqual(['retry', 429, 'account']);
    const reset = limited.details.retryAt!;
    expect(reset.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(reset.getTime() % 1000).toBe(0);
    expect(c.observed.at(-1)).toMatchObject({ scope: 'account', limit: 6, remaining: 0 });
    expect((c.progress as { partIds: string[] }).partIds).toHaveLength(2);

    fake.resetRateLimits();
    const creates = fake.requestsTo('POST', '/xrpc/com.atproto.repo.createRecord').length;
    const receipt = await adapter.publish(c, request);
    expect(fake.requestsTo('POST', '/xrpc/com.atproto.repo.createRecord')).toHaveLength(creates + 1);
    expect(fake.postsOf(a.did).map((r) => r.value.text)).toEqual(parts);
    const last = fake.record(receipt.partIds![2])!;
    expect(last.value.reply.parent.uri).toBe(receipt.partIds![1]);
    expect(last.value.reply.root.uri).toBe(receipt.partIds![0]);
  });
});
