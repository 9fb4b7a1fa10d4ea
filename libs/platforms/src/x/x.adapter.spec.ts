import { createPkce } from '../oauth/pkce';
import type { PublishRequest } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { FakeX } from '../testing/fake-x';
import { closedPortUrl, memoryCall, TINY_PNG, type MemoryCall, platformFailure as failure } from '../testing/memory-call';
import { XAdapter } from './x.adapter';

const adapter = new XAdapter();
const TWO_POW_53 = 2n ** 53n;

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'c0ffee00-0000-4000-8000-000000000001', platform: 'x', contentType: 'single', text: 'Hello X #CoWorking', hashtags: ['#CoWorking'], mediaIds: [], ...overrides };
}

function thread(parts: string[]): PublishRequest {
  return post({ contentType: 'thread', text: parts[0], threadParts: parts });
}

/** The PlatformError a promise rejects with (fails the test when it resolves). */

describe('XAdapter against a fake X', () => {
  const fake = new FakeX();
  type Account = ReturnType<FakeX['addAccount']>;
  let studio: Account;

  beforeAll(async () => {
    await fake.start();
    studio = fake.addAccount('studio');
    fake.media.checkAfterSecs = 0;
  });
  afterAll(() => fake.close());

  const call = (account: Account = studio, options: { timeoutMs?: number; name?: string | null } = {}): MemoryCall =>
    memoryCall(fake.url, { accountId: account.accountId, accountName: options.name === null ? undefined : (options.name ?? '@studio'), accessToken: account.token }, { timeoutMs: options.timeoutMs });
  const account = (username: string): Account => fake.addAccount(username);

  it('identifies the account behind a user token, and refuses an app-only token as a reconnect', async () => {
    await expect(adapter.identify(call())).resolves.toEqual({ accountId: studio.accountId, accountName: '@studio' });
    const appOnly = await failure(adapter.identify(memoryCall(fake.url, { accountId: '', accessToken: fake.appToken })));
    expect([appOnly.kind, appOnly.details.status, appOnly.details.code]).toEqual(['refresh', 403, 'unsupported-authentication']);
  });

  it('publishes a text post with POST /2/tweets and reads all rate-limit windows', async () => {
    const c = call();
    const receipt = await adapter.publish(c, post());
    const sent = fake.requestsTo('POST', '/2/tweets').at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${studio.token}`);
    expect(sent.headers['content-type']).toContain('application/json');
    expect(sent.json).toEqual({ text: 'Hello X #CoWorking' });
    expect(BigInt(receipt.platformPostId)).toBeGreaterThan(TWO_POW_53);
    expect(receipt.url).toBe(`https://x.com/studio/status/${receipt.platformPostId}`);
    expect(fake.tweetsOf(studio.accountId).map((t) => t.id)).toContain(receipt.platformPostId);
    const windows = c.observed.slice(-3);
    expect(windows).toEqual([
      expect.objectContaining({ scope: 'account', limit: 100, remaining: 99 }),
      expect.objectContaining({ scope: 'account', limit: 2400, remaining: 2399 }),
      expect.objectContaining({ scope: 'app', limit: 10_000 }),
    ]);
    expect(windows[0].resetAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(windows[0].resetAt!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
  });

  it('links to /i/status/<id> when the username is not known', async () => {
    const receipt = await adapter.publish(call(studio, { name: null }), post({ text: 'No handle known' }));
    expect(receipt.url).toBe(`https://x.com/i/status/${receipt.platformPostId}`);
  });

  it('posts a thread as a reply chain, checkpointing every part', async () => {
    const parts = ['1/3 Why a quiet desk matters', '2/3 Noise costs focus', '3/3 Book a tour'];
    const c = call();
    const receipt = await adapter.publish(c, thread(parts));
    const chain = receipt.partIds!.map((id) => fake.tweets.find((t) => t.id === id)!);
    expect(chain.map((t) => t.text)).toEqual(parts);
    expect(chain.map((t) => t.inReplyToId)).toEqual([null, chain[0].id, chain[1].id]);
    expect(fake.requestsTo('POST', '/2/tweets').at(-1)!.json).toEqual({ text: parts[2], reply: { in_reply_to_tweet_id: chain[1].id } });
    expect(c.saved.map((p) => (p.partIds as string[]).length)).toEqual([1, 2, 3]);
  });

  it('uploads images in chunks, waits for processing, sets alt text and attaches them to the first post only', async () => {
    const chunked = new XAdapter({ media: { chunkBytes: 32 } });
    fake.media.processingPolls = 2;
    try {
      const c = call();
      const before = fake.requests.length;
      const receipt = await chunked.publish(c, post({ contentType: 'thread', text: 'Two photos', threadParts: ['Two photos', 'and a reply'], mediaIds: ['img-1', 'img-2'] }));
      const mine = fake.requests.slice(before);
      const uploaded = c.progress!.uploaded as Record<string, string>;
      const [first, reply] = receipt.partIds!.map((id) => fake.tweets.find((t) => t.id === id)!);
      expect(first.mediaIds).toEqual([uploaded['img-1'], uploaded['img-2']]);
      expect(reply.mediaIds).toEqual([]);
      expect(mine.filter((r) => r.path === '/2/media/upload/initialize').map((r) => r.json)).toEqual([
        { media_type: 'image/png', total_bytes: TINY_PNG.length, media_category: 'tweet_image' },
        { media_type: 'image/png', total_bytes: TINY_PNG.length, media_category: 'tweet_image' },
      ]);
      const appends = mine.filter((r) => r.path === `/2/media/upload/${uploaded['img-1']}/append`);
      expect(appends.map((r) => r.form.get('segment_index')?.[0])).toEqual(['0', '1', '2']);
      expect(Buffer.concat([...fake.media.uploads.get(uploaded['img-1'])!.segments.values()])).toEqual(TINY_PNG);
      expect(mine.filter((r) => r.method === 'GET' && r.query.get('media_id') === uploaded['img-2']).map((r) => r.query.get('command'))).toEqual(['STATUS', 'STATUS', 'STATUS']);
      expect(fake.media.uploads.get(uploaded['img-2'])!.altText).toBe('alt text of img-2');
      expect(BigInt(uploaded['img-1'])).toBeGreaterThan(TWO_POW_53);
    } finally {
      fake.media.processingPolls = 0;
    }
  });

  it('does not upload again when the post is retried after a failed commit', async () => {
    const c = call();
    fake.inject('POST', '/2/tweets', { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 60) }, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 } });
    const request = post({ text: 'One photo, retried', mediaIds: ['img-9'] });
    expect((await failure(adapter.publish(c, request))).kind).toBe('retry');
    const initializes = fake.requestsTo('POST', '/2/media/upload/initialize').length;
    const receipt = await adapter.publish(c, request);
    expect(fake.requestsTo('POST', '/2/media/upload/initialize')).toHaveLength(initializes);
    expect(fake.tweets.find((t) => t.id === receipt.platformPostId)!.mediaIds).toEqual([(c.progress!.uploaded as Record<string, string>)['img-9']]);
  });

  it('refuses more than 4 images before sending anything', async () => {
    const before = fake.requests.length;
    const error = await failure(adapter.publish(call(), post({ mediaIds: ['a', 'b', 'c', 'd', 'e'] })));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('at most 4 images');
    expect(fake.requests.length).toBe(before);
  });

  it('maps an exhausted 15-minute window to retry at x-rate-limit-reset for the account', async () => {
    const busy = account('busy');
    fake.limits.user15min['POST /2/tweets'] = 1;
    try {
      await adapter.publish(call(busy), post({ text: 'First of the window' }));
      const c = call(busy);
      const limited = await failure(adapter.publish(c, post({ text: 'Second of the window' })));
      const window = c.observed.filter((o) => o.limit === 1).at(-1)!;
      expect([limited.kind, limited.details.status, limited.details.scope]).toEqual(['retry', 429, 'account']);
      expect(window.remaining).toBe(0);
      expect(limited.details.retryAt).toEqual(window.resetAt);
      expect(limited.details.retryAt!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect(fake.tweetsOf(busy.accountId)).toHaveLength(1);
    } finally {
      fake.limits.user15min['POST /2/tweets'] = 100;
    }
  });

  it("maps the app's exhausted 24-hour window to an app-scoped retry, and a usage cap to a retry at the daily reset", async () => {
    fake.limits.app24h['POST /2/tweets'] = 0;
    try {
      const daily = await failure(adapter.publish(call(), post({ text: 'App-wide cap' })));
      expect([daily.kind, daily.details.scope]).toEqual(['retry', 'app']);
      expect(daily.details.retryAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    } finally {
      fake.limits.app24h['POST /2/tweets'] = 10_000;
    }
    fake.usageCapped = true;
    try {
      const capped = await failure(adapter.publish(call(), post({ text: 'Billing cap' })));
      expect([capped.kind, capped.details.code]).toEqual(['retry', 'usage-capped']);
      expect(capped.details.retryAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      expect(capped.message).toContain('usage allowance');
    } finally {
      fake.usageCapped = false;
    }
  });

  it('classifies a 5xx on the commit as unknown but a 5xx on an upload as retry', async () => {
    fake.inject('POST', '/2/tweets', { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } });
    const commit = await failure(adapter.publish(call(), post({ text: '503 on the commit' })));
    expect([commit.kind, commit.details.status]).toEqual(['unknown', 503]);
    fake.inject('POST', '/2/media/upload/initialize', { status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } });
    const upload = await failure(adapter.publish(call(), post({ text: '503 on the upload', mediaIds: ['img-1'] })));
    expect([upload.kind, upload.details.status]).toEqual(['retry', 503]);
  });

  it('classifies a timeout on the commit as unknown and a refused connection as retry', async () => {
    fake.inject('POST', '/2/tweets', { delayMs: 600, status: 201, body: { data: { id: '1', text: 'late' } } });
    expect((await failure(adapter.publish(call(studio, { timeoutMs: 200 }), post({ text: 'Too slow' })))).kind).toBe('unknown');
    const closed = await closedPortUrl();
    expect((await failure(adapter.publish(memoryCall(closed, { accountId: '1', accessToken: 't' }), post()))).kind).toBe('retry');
  });

  it('after a dropped connection on an accepted post, reconcile finds it and a resend is refused as a duplicate', async () => {
    const c = call();
    const request = post({ text: 'Dropped but accepted https://example.com/tour' });
    fake.inject('POST', '/2/tweets', { dropAfterHandling: true });
    const sentAt = new Date();
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const live = fake.tweetsOf(studio.accountId).filter((t) => t.text === request.text);
    expect(live).toHaveLength(1);
    const outcome = await adapter.reconcile(c, request, sentAt);
    expect(outcome).toEqual({ found: { platformPostId: live[0].id, url: `https://x.com/studio/status/${live[0].id}`, publishedAt: live[0].createdAt, partIds: [live[0].id] } });
    const listed = fake.requestsTo('GET', `/2/users/${studio.accountId}/tweets`).at(-1)!;
    expect(listed.query.get('tweet.fields')).toContain('created_at');
    expect(listed.query.get('max_results')).toBe('100');
    expect(listed.query.get('start_time')).toBe(new Date(sentAt.getTime() - 600_000).toISOString());
    const resend = await failure(adapter.publish(call(), request));
    expect([resend.kind, resend.details.duplicate, resend.details.status]).toEqual(['permanent', true, 403]);
    expect(fake.tweetsOf(studio.accountId).filter((t) => t.text === request.text)).toHaveLength(1);
  });

  it('reconciles an image post, whose text X shows with a media link appended; a post without text cannot be matched', async () => {
    const c = call();
    const request = post({ text: 'Photo of the lounge', mediaIds: ['img-lounge'] });
    fake.inject('POST', '/2/tweets', { dropAfterHandling: true });
    const sentAt = new Date();
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const live = fake.tweetsOf(studio.accountId).find((t) => t.text === request.text)!;
    expect(fake.timeline.displayText(live)).toMatch(/^Photo of the lounge https:\/\/t\.co\//);
    expect(await adapter.reconcile(c, request, sentAt)).toMatchObject({ found: { platformPostId: live.id } });
    expect(await adapter.reconcile(call(), post({ text: '', mediaIds: ['img-x'] }), new Date(Date.now() - 60_000))).toMatchObject({ unsure: expect.stringContaining('no text') });
  });

  it('reconciles to absent when X lists no such post, and to unsure when it was sent moments ago', async () => {
    const request = post({ text: 'Never arrived' });
    expect(await adapter.reconcile(call(), request, new Date(Date.now() - 60_000))).toEqual({ absent: true });
    expect(await adapter.reconcile(call(), request, new Date())).toMatchObject({ unsure: expect.stringContaining('moments ago') });
  });

  it('pages through the timeline with next_token to find an older post, within a page budget', async () => {
    const prolific = account('prolific');
    const sentAt = new Date(Date.now() - 5 * 60_000);
    const target = fake.seedTweet(prolific.accountId, 'The one we look for', { createdAt: new Date(sentAt.getTime() + 500) });
    for (let i = 0; i < 150; i++) fake.seedTweet(prolific.accountId, `Filler ${i}`, { createdAt: new Date(sentAt.getTime() + 1000 + i * 1000) });
    const request = post({ text: 'The one we look for' });
    const before = fake.requestsTo('GET', `/2/users/${prolific.accountId}/tweets`).length;
    expect(await adapter.reconcile(call(prolific, { name: '@prolific' }), request, sentAt)).toMatchObject({ found: { platformPostId: target.id } });
    const pages = fake.requestsTo('GET', `/2/users/${prolific.accountId}/tweets`).slice(before);
    expect(pages).toHaveLength(2);
    expect(pages[0].query.get('pagination_token')).toBeNull();
    expect(pages[1].query.get('pagination_token')).toMatch(/^[0-9a-f]{40}$/);
    const shallow = new XAdapter({ reconcilePages: 1 });
    expect(await shallow.reconcile(call(prolific), request, sentAt)).toMatchObject({ unsure: expect.stringContaining('100 posts') });
  });

  it('resumes a thread interrupted by a rate limit without posting the earlier part again', async () => {
    const threader = account('threader');
    const parts = ['A 1/3', 'A 2/3', 'A 3/3'];
    const c = call(threader);
    fake.limits.user15min['POST /2/tweets'] = 1;
    try {
      expect((await failure(adapter.publish(c, thread(parts)))).kind).toBe('retry');
    } finally {
      fake.limits.user15min['POST /2/tweets'] = 100;
    }
    expect((c.progress!.partIds as string[]).length).toBe(1);
    const receipt = await adapter.publish(c, thread(parts));
    const posted = fake.tweetsOf(threader.accountId);
    expect(posted.map((t) => t.text)).toEqual(parts);
    expect(receipt.partIds).toEqual(posted.map((t) => t.id));
    expect(posted.map((t) => t.inReplyToId)).toEqual([null, posted[0].id, posted[1].id]);
  });

  it('finds a thread part lost to a dropped connection, records it, and lets the publish finish the thread', async () => {
    const chain = account('chain');
    const parts = ['B 1/3 opening', 'B 2/3 middle', 'B 3/3 closing'];
    const c = call(chain, { name: '@chain' });
    const first = await adapter.publish(call(chain), post({ text: parts[0] }));
    c.progress = { partIds: [first.platformPostId], firstUrl: first.url, uploaded: {} };
    fake.inject('POST', '/2/tweets', { dropAfterHandling: true });
    const sentAt = new Date();
    expect((await failure(adapter.publish(c, thread(parts)))).kind).toBe('unknown');
    const middle = fake.tweetsOf(chain.accountId).find((t) => t.text === parts[1])!;
    expect(await adapter.reconcile(c, thread(parts), sentAt)).toEqual({ absent: true });
    expect(c.progress!.partIds).toEqual([first.platformPostId, middle.id]);
    const receipt = await adapter.publish(c, thread(parts));
    const posted = fake.tweetsOf(chain.accountId);
    expect(posted.map((t) => t.text)).toEqual(parts);
    expect(receipt.partIds).toEqual(posted.map((t) => t.id));
    expect(await adapter.reconcile(c, thread(parts), sentAt)).toMatchObject({ found: { platformPostId: first.platformPostId, partIds: receipt.partIds } });
  });

  it('turns an expired token into a refresh, then rotates the refresh token (the old one dies)', async () => {
    const renter = account('renter');
    fake.expire(renter.token);
    const expired = await failure(adapter.publish(call(renter), post({ text: 'After expiry' })));
    expect([expired.kind, expired.details.status]).toEqual(['refresh', 401]);
    const http = call(renter).http;
    const client = { clientId: 'x-client', clientSecret: 'x-secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/x/callback' };
    const grant = await adapter.refresh({ http, client, accessToken: renter.token, refreshToken: renter.refreshToken });
    const sent = fake.requestsTo('POST', '/2/oauth2/token').at(-1)!;
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from('x-client:x-secret').toString('base64')}`);
    expect(Object.fromEntries([...sent.form].map(([k, v]) => [k, v[0]]))).toEqual({ grant_type: 'refresh_token', refresh_token: renter.refreshToken, client_id: 'x-client' });
    expect(grant.refreshToken).toMatch(/^rt-/);
    expect(grant.refreshToken).not.toBe(renter.refreshToken);
    expect(grant.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7100_000);
    const again = await failure(adapter.refresh({ http, client, accessToken: renter.token, refreshToken: renter.refreshToken }));
    expect([again.kind, again.details.code]).toEqual(['refresh', 'invalid_request']);
    const receipt = await adapter.publish(memoryCall(fake.url, { accountId: renter.accountId, accountName: '@renter', accessToken: grant.accessToken }), post({ text: 'After refresh' }));
    expect(fake.tweetsOf(renter.accountId).map((t) => t.id)).toEqual([receipt.platformPostId]);
    const publicClient = await adapter.refresh({ http, client: { clientId: 'x-public', redirectUri: client.redirectUri }, accessToken: grant.accessToken, refreshToken: grant.refreshToken });
    const publicSent = fake.requestsTo('POST', '/2/oauth2/token').at(-1)!;
    expect(publicSent.headers.authorization).toBeUndefined();
    expect(publicSent.form.get('client_id')).toEqual(['x-public']);
    expect(publicClient.refreshToken).toBeDefined();
  });

  it('asks for a reconnect when no refresh token is stored, without calling X', async () => {
    const before = fake.requestsTo('POST', '/2/oauth2/token').length;
    const error = await failure(adapter.refresh({ http: call().http, client: { clientId: 'x-client', redirectUri: 'http://cb' }, accessToken: 'old' }));
    expect(error.kind).toBe('refresh');
    expect(error.message).toContain('reconnect');
    expect(fake.requestsTo('POST', '/2/oauth2/token')).toHaveLength(before);
  });

  it('runs the OAuth code flow with PKCE: authorize on x.com, exchange on the API host', async () => {
    const pkce = createPkce();
    const client = { clientId: 'x-client', clientSecret: 'x-secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/x/callback' };
    const authorize = new URL(adapter.oauth.authorizeUrl(client, { state: 'st', codeChallenge: pkce.challenge }));
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'x-client',
      redirect_uri: client.redirectUri,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      state: 'st',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    expect(new XAdapter({ authorizeUrl: 'https://twitter.com/i/oauth2/authorize' }).oauth.authorizeUrl(client, { state: 's', codeChallenge: 'c' })).toMatch(/^https:\/\/twitter\.com\/i\/oauth2\/authorize\?/);
    const http = call().http;
    const wrong = new URL(fake.oauth.approve(authorize.toString(), studio.accountId));
    expect((await failure(adapter.oauth.exchangeCode({ http }, client, { code: wrong.searchParams.get('code')!, codeVerifier: 'not-the-verifier' }))).kind).toBe('permanent');
    const callback = new URL(fake.oauth.approve(authorize.toString(), studio.accountId));
    expect(callback.searchParams.get('state')).toBe('st');
    const grant = await adapter.oauth.exchangeCode({ http }, client, { code: callback.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(fake.requestsTo('POST', '/2/oauth2/token').at(-1)!.headers.authorization).toMatch(/^Basic /);
    expect(grant.refreshToken).toBeDefined();
    expect(grant.scope).toBe('tweet.read tweet.write users.read media.write offline.access');
    expect(grant.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7100_000);
    expect(await adapter.identify(memoryCall(fake.url, { accountId: '', accessToken: grant.accessToken }))).toEqual({ accountId: studio.accountId, accountName: '@studio' });

    authorize.searchParams.set('scope', 'tweet.read tweet.write users.read');
    const noOffline = new URL(fake.oauth.approve(authorize.toString(), studio.accountId));
    const shortLived = await adapter.oauth.exchangeCode({ http }, { ...client, clientSecret: undefined }, { code: noOffline.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(shortLived.refreshToken).toBeUndefined();
    expect(fake.requestsTo('POST', '/2/oauth2/token').at(-1)!.form.get('client_id')).toEqual(['x-client']);
  });
});
