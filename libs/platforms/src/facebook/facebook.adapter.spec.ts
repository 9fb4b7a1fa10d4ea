import { createPkce } from '../oauth/pkce';
import type { PlatformAdapter, PublishRequest } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { FakeFacebook } from '../testing/fake-facebook';
import { closedPortUrl, memoryCall, TINY_PNG, platformFailure as failure } from '../testing/memory-call';
import { FacebookAdapter } from './facebook.adapter';

const adapter = new FacebookAdapter();

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'fb-0001', platform: 'facebook', contentType: 'single', text: 'Quiet desks, fast wifi #CoWorking', hashtags: ['#CoWorking'], mediaIds: [], ...overrides };
}


describe('FacebookAdapter against a fake Graph API', () => {
  const fake = new FakeFacebook();
  let page: ReturnType<FakeFacebook['addPage']>;

  beforeAll(async () => {
    await fake.start();
    page = fake.addPage('Quiet Desk Studio');
  });
  afterAll(() => fake.close());

  const call = (options: { timeoutMs?: number; mediaBaseUrl?: string } = {}) => memoryCall(fake.graphUrl, { accountId: page.pageId, accessToken: page.pageToken }, options);
  const postsWith = (text: string) => fake.postsOf(page.pageId).filter((p) => p.message === text);

  it('identifies the Page behind a Page token and refuses a user token for it', async () => {
    await expect(adapter.identify(call())).resolves.toEqual({ accountId: page.pageId, accountName: 'Quiet Desk Studio' });
    const sent = fake.requestsTo('GET', '/v25.0/me').at(-1)!;
    expect(sent.query.get('fields')).toBe('id,name');
    expect(sent.query.get('access_token')).toBe(page.pageToken);
    const wrong = await failure(adapter.identify(memoryCall(fake.graphUrl, { accountId: page.pageId, accessToken: page.userToken })));
    expect(wrong.kind).toBe('permanent');
  });

  it('lists the Pages of a user token with their Page tokens', async () => {
    const pages = await adapter.listPages(memoryCall(fake.graphUrl, { accountId: '', accessToken: page.userToken }));
    expect(pages).toEqual([{ pageId: page.pageId, name: 'Quiet Desk Studio', accessToken: page.pageToken, tasks: expect.arrayContaining(['CREATE_CONTENT']) }]);
  });

  it('publishes text with its link to /feed and reads both usage headers', async () => {
    const c = call();
    const text = 'New community night: https://quietdesk.example/events. #CoWorking';
    const receipt = await adapter.publish(c, post({ text }));
    const sent = fake.requestsTo('POST', `/v25.0/${page.pageId}/feed`).at(-1)!;
    expect(sent.query.get('access_token')).toBe(page.pageToken);
    expect(sent.json).toEqual({ message: text, link: 'https://quietdesk.example/events' });
    expect(receipt.platformPostId).toMatch(new RegExp(`^${page.pageId}_\\d+$`));
    expect(receipt.url).toBe(`https://www.facebook.com/${receipt.platformPostId}`);
    expect(postsWith(text)).toHaveLength(1);
    expect(c.saved.at(-1)).toMatchObject({ partIds: [receipt.platformPostId] });
    expect(c.observed.map((o) => o.scope).sort()).toEqual(['account', 'app']);
    expect(c.observed.find((o) => o.scope === 'account')).toMatchObject({ limit: 100, remaining: 100 });
  });

  it('publishes one photo as multipart `source` with its caption in a single published /photos call', async () => {
    const receipt = await adapter.publish(call(), post({ contentType: 'image', text: 'Our new phone booths', mediaIds: ['img-1'] }));
    const sent = fake.requestsTo('POST', `/v25.0/${page.pageId}/photos`).at(-1)!;
    expect(sent.files.get('source')).toMatchObject({ type: 'image/png', size: TINY_PNG.length });
    expect(sent.form.get('caption')).toEqual(['Our new phone booths']);
    expect(sent.form.get('published')).toEqual(['true']);
    const photo = fake.photos.at(-1)!;
    expect(receipt.platformPostId).toBe(`${page.pageId}_${photo.id}`);
    expect(fake.postsOf(page.pageId).find((p) => p.id === receipt.platformPostId)).toMatchObject({ message: 'Our new phone booths', via: 'photos' });
  });

  it('can let Facebook fetch the photo from the public media URL instead', async () => {
    const byUrl = new FacebookAdapter({ photoTransport: 'url' });
    await byUrl.publish(call({ mediaBaseUrl: 'https://cdn.example.com' }), post({ contentType: 'image', text: 'Fetched by URL', mediaIds: ['img-9'] }));
    expect(fake.photos.at(-1)).toMatchObject({ url: 'https://cdn.example.com/media/img-9.png', upload: undefined, published: true });
  });

  it('posts several photos as unpublished uploads attached to one /feed post, resuming without re-uploading', async () => {
    const c = call();
    const request = post({ contentType: 'carousel', text: 'Three rooms, one membership', mediaIds: ['a', 'b', 'c'] });
    const load = c.media.load;
    let hiccup = true;
    c.media.load = async (id) => {
      if (id === 'b' && hiccup) {
        hiccup = false;
        throw new PlatformError('retry', 'media storage did not answer');
      }
      return load(id);
    };
    const before = fake.requestsTo('POST', `/v25.0/${page.pageId}/photos`).length;
    expect((await failure(adapter.publish(c, request))).kind).toBe('retry');
    expect(Object.keys(c.progress!.uploaded as object)).toEqual(['a']);
    const receipt = await adapter.publish(c, request);
    const uploads = fake.requestsTo('POST', `/v25.0/${page.pageId}/photos`).slice(before);
    expect(uploads).toHaveLength(3);
    expect(uploads.every((u) => u.form.get('published')?.[0] === 'false' && !u.form.has('caption'))).toBe(true);
    const live = fake.postsOf(page.pageId).find((p) => p.id === receipt.platformPostId)!;
    expect(live).toMatchObject({ message: 'Three rooms, one membership', via: 'feed' });
    expect(live.photoIds).toEqual(['a', 'b', 'c'].map((id) => (c.progress!.uploaded as Record<string, string>)[id]));
    expect(fake.requestsTo('POST', `/v25.0/${page.pageId}/feed`).at(-1)!.json.attached_media).toEqual(live.photoIds.map((id) => ({ media_fbid: id })));
  });

  it('uploads the photos again only where the platform failed, and fails a photo upload with 5xx as retry', async () => {
    const c = call();
    const request = post({ contentType: 'carousel', text: 'Two more rooms', mediaIds: ['d', 'e'] });
    fake.inject('POST', `/v25.0/${page.pageId}/photos`, { status: 500, body: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true } } });
    expect((await failure(adapter.publish(c, request))).kind).toBe('retry');
    await adapter.publish(c, request);
    expect(fake.postsOf(page.pageId).find((p) => p.message === 'Two more rooms')!.photoIds).toHaveLength(2);
  });

  it('classifies a dropped /feed answer as unknown, then reconciles to the post without creating another', async () => {
    const c = call();
    const request = post({ text: 'Dropped but accepted on the Page' });
    const sentAt = new Date();
    fake.inject('POST', `/v25.0/${page.pageId}/feed`, { dropAfterHandling: true });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const outcome = await adapter.reconcile(c, request, sentAt);
    const created = postsWith('Dropped but accepted on the Page');
    expect(created).toHaveLength(1);
    expect(outcome).toEqual({ found: { platformPostId: created[0].id, url: `https://www.facebook.com/${page.pageId}/posts/${created[0].id.split('_')[1]}`, publishedAt: expect.any(Date) } });
    const listed = fake.requestsTo('GET', `/v25.0/${page.pageId}/published_posts`).at(-1)!;
    expect(Number(listed.query.get('since'))).toBeLessThan(sentAt.getTime() / 1000);
  });

  it('rejects the same message again with 506 as permanent and duplicate', async () => {
    await adapter.publish(call(), post({ text: 'Said once only' }));
    const again = await failure(adapter.publish(call(), post({ text: 'Said once only' })));
    expect(again).toMatchObject({ kind: 'permanent', details: { duplicate: true, code: '506', status: 400 } });
    expect(again.message).toContain('duplicate');
    expect(postsWith('Said once only')).toHaveLength(1);
  });

  it('answers absent when the Page’s posts since the send do not hold the text', async () => {
    await expect(adapter.reconcile(call(), post({ text: 'Never sent anywhere' }), new Date())).resolves.toEqual({ absent: true });
  });

  it('follows paging.next while reconciling among many recent posts', async () => {
    const sentAt = new Date(Date.now() - 60_000);
    fake.seedPost(page.pageId, { message: 'The one we look for', createdAt: new Date(sentAt.getTime() + 1_000) });
    for (let i = 0; i < 30; i++) fake.seedPost(page.pageId, { message: `Filler ${i}`, createdAt: new Date(sentAt.getTime() + 2_000 + i * 100) });
    const outcome = await adapter.reconcile(call(), post({ text: 'The one we look for' }), sentAt);
    expect(outcome).toMatchObject({ found: { platformPostId: expect.stringMatching(/^\d+_\d+$/) } });
    expect(fake.requestsTo('GET', `/v25.0/${page.pageId}/published_posts`).at(-1)!.query.get('after')).toBeTruthy();
  });

  it('maps a 5xx on the commit to unknown and creates nothing', async () => {
    fake.inject('POST', `/v25.0/${page.pageId}/feed`, { status: 500, body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: true } } });
    const error = await failure(adapter.publish(call(), post({ text: 'Service hiccup' })));
    expect(error.kind).toBe('unknown');
    expect(postsWith('Service hiccup')).toHaveLength(0);
  });

  it('maps Page throttling to retry at the BUC estimate', async () => {
    const usage = JSON.stringify({ [page.pageId]: [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 }] });
    fake.inject('POST', `/v25.0/${page.pageId}/feed`, { status: 400, headers: { 'X-Business-Use-Case-Usage': usage }, body: { error: { message: '(#80001) There have been too many calls to this Page account.', type: 'OAuthException', code: 80001, is_transient: true } } });
    const c = call();
    const before = Date.now();
    const error = await failure(adapter.publish(c, post({ text: 'Throttled' })));
    expect(error).toMatchObject({ kind: 'retry', details: { scope: 'account', code: '80001' } });
    expect(error.details.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 7 * 60_000);
    expect(error.details.retryAt!.getTime()).toBeLessThan(Date.now() + 7 * 60_000 + 1_000);
    expect(c.observed).toContainEqual({ scope: 'account', limit: 100, remaining: 0, resetAt: error.details.retryAt });
  });

  it('reports the fake’s own budget running out, then its throttle error', async () => {
    const saved = fake.usageLimits.account.calls;
    fake.resetUsage();
    fake.usageLimits.account.calls = 2;
    try {
      const c = call();
      await adapter.identify(c);
      await adapter.identify(c);
      expect(c.observed.filter((o) => o.scope === 'account').at(-1)).toMatchObject({ remaining: 0, resetAt: expect.any(Date) });
      const error = await failure(adapter.identify(c));
      expect(error).toMatchObject({ kind: 'retry', details: { code: '80001', scope: 'account' } });
      expect(error.details.retryAt!.getTime()).toBeGreaterThan(Date.now());
    } finally {
      fake.usageLimits.account.calls = saved;
      fake.resetUsage();
    }
  });

  it('maps expired and revoked tokens to refresh; Page tokens have no refresh, so the user reconnects', async () => {
    expect((adapter as PlatformAdapter).refresh).toBeUndefined();
    const other = fake.addPage('Expired Page');
    fake.expireToken(other.pageToken);
    const expired = await failure(adapter.publish(memoryCall(fake.graphUrl, { accountId: other.pageId, accessToken: other.pageToken }), post()));
    expect(expired).toMatchObject({ kind: 'refresh', details: { code: '190/463' } });
    expect(expired.message).toContain('reconnect the Page');
    const third = fake.addPage('Revoked Page');
    fake.revokeToken(third.pageToken);
    const revoked = await failure(adapter.identify(memoryCall(fake.graphUrl, { accountId: third.pageId, accessToken: third.pageToken })));
    expect(revoked).toMatchObject({ kind: 'refresh', details: { code: '190/467' } });
  });

  it('classifies a timeout on the commit as unknown and a refused connection as retry', async () => {
    fake.inject('POST', `/v25.0/${page.pageId}/feed`, { delayMs: 600, status: 200, body: { id: 'late' } });
    expect((await failure(adapter.publish(call({ timeoutMs: 200 }), post({ text: 'Slow answer' })))).kind).toBe('unknown');
    const closed = await closedPortUrl();
    expect((await failure(adapter.publish(memoryCall(`${closed}/v25.0`, { accountId: '1', accessToken: 't' }), post()))).kind).toBe('retry');
  });

  it('runs Facebook Login with PKCE and exchanges the code for a long-lived user token', async () => {
    const pkce = createPkce();
    const client = { clientId: 'app-1', clientSecret: 'app-secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/facebook/callback' };
    const authorize = new URL(adapter.oauth.authorizeUrl(client, { state: 'st-1', codeChallenge: pkce.challenge }));
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ client_id: 'app-1', state: 'st-1', response_type: 'code', code_challenge_method: 'S256', code_challenge: pkce.challenge });
    expect(authorize.searchParams.get('scope')).toContain('pages_manage_posts,');
    const http = call().http;
    const denied = new URL(fake.oauthServer.approve(authorize.toString(), page.userId));
    const wrong = await failure(adapter.oauth.exchangeCode({ http }, client, { code: denied.searchParams.get('code')!, codeVerifier: 'not-the-verifier' }));
    expect(wrong.kind).toBe('permanent');
    const callback = new URL(fake.oauthServer.approve(authorize.toString(), page.userId));
    expect(callback.searchParams.get('state')).toBe('st-1');
    const grant = await adapter.oauth.exchangeCode({ http }, client, { code: callback.searchParams.get('code')!, codeVerifier: pkce.verifier });
    const [exchange, extend] = fake.requestsTo('GET', '/v25.0/oauth/access_token').slice(-2);
    expect(exchange.query.get('code_verifier')).toBe(pkce.verifier);
    expect(exchange.query.get('client_secret')).toBe('app-secret');
    expect(extend.query.get('grant_type')).toBe('fb_exchange_token');
    expect(grant.refreshToken).toBeUndefined();
    expect(grant.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000);
    const pages = await adapter.listPages(memoryCall(fake.graphUrl, { accountId: '', accessToken: grant.accessToken }));
    expect(pages.map((p) => p.pageId)).toEqual([page.pageId]);
    await expect(adapter.identify(memoryCall(fake.graphUrl, { accountId: '', accessToken: pages[0].accessToken }))).resolves.toEqual({ accountId: page.pageId, accountName: 'Quiet Desk Studio' });
  });
});
