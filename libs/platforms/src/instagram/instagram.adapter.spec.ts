import { createPkce } from '../oauth/pkce';
import type { PublishRequest } from '../platform-adapter';
import { FakeInstagram } from '../testing/fake-instagram';
import { memoryCall, platformFailure as failure } from '../testing/memory-call';
import { InstagramAdapter } from './instagram.adapter';

const CDN = 'https://cdn.example.com';

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'ig-0001', platform: 'instagram', contentType: 'image', text: 'Morning light at the studio #CoWorking', hashtags: ['#CoWorking'], mediaIds: ['img-1'], altText: 'Sunlit desks by a window', ...overrides };
}


describe('InstagramAdapter against a fake Graph API', () => {
  const fake = new FakeInstagram();
  let account: ReturnType<FakeInstagram['addAccount']>;
  let adapter: InstagramAdapter;

  beforeAll(async () => {
    await fake.start();
    account = fake.addAccount('quietdesk');
    adapter = new InstagramAdapter({ pollIntervalMs: 10, pollTimeoutMs: 1_000, refreshBaseUrl: fake.url });
  });
  afterAll(() => fake.close());

  const call = (options: { timeoutMs?: number } = {}) => memoryCall(fake.graphUrl, { accountId: account.igUserId, accessToken: account.userToken }, { mediaBaseUrl: CDN, ...options });
  const path = (edge: string) => `/v25.0/${account.igUserId}/${edge}`;
  const mediaWith = (caption: string) => fake.mediaOf(account.igUserId).filter((m) => m.caption === caption);

  it('identifies the IG account and finds it from the Page for the connection flow', async () => {
    await expect(adapter.identify(call())).resolves.toEqual({ accountId: account.igUserId, accountName: '@quietdesk' });
    expect(fake.requestsTo('GET', `/v25.0/${account.igUserId}`).at(-1)!.query.get('fields')).toBe('id,username');
    const userCall = memoryCall(fake.graphUrl, { accountId: '', accessToken: account.userToken });
    await expect(adapter.instagramAccountOfPage(userCall, account.pageId)).resolves.toBe(account.igUserId);
    await expect(adapter.listInstagramAccounts(userCall)).resolves.toEqual([{ pageId: account.pageId, pageName: 'quietdesk page', igUserId: account.igUserId }]);
  });

  it('publishes an image: quota check, container by URL, polling, media_publish, permalink', async () => {
    const c = call();
    const start = fake.requests.length;
    const receipt = await adapter.publish(c, post());
    const calls = fake.requests.slice(start).map((r) => `${r.method} ${r.path.replace(`/v25.0/${account.igUserId}`, '/{ig}')}`);
    const containerId = c.saved[0].extra as { containerId: string };
    expect(calls).toEqual([
      'GET /{ig}/content_publishing_limit',
      'POST /{ig}/media',
      `GET /v25.0/${containerId.containerId}`,
      `GET /v25.0/${containerId.containerId}`,
      'POST /{ig}/media_publish',
      `GET /v25.0/${receipt.platformPostId}`,
    ]);
    const create = fake.requestsTo('POST', path('media')).at(-1)!;
    expect(Object.fromEntries([...create.form].map(([k, v]) => [k, v[0]]))).toEqual({ image_url: `${CDN}/media/img-1.png`, alt_text: 'Sunlit desks by a window', caption: 'Morning light at the studio #CoWorking' });
    expect(fake.requestsTo('POST', path('media_publish')).at(-1)!.form.get('creation_id')).toEqual([containerId.containerId]);
    const media = fake.media.find((m) => m.id === receipt.platformPostId)!;
    expect(media).toMatchObject({ caption: 'Morning light at the studio #CoWorking', mediaType: 'IMAGE', containerId: containerId.containerId });
    expect(receipt.url).toBe(`https://www.instagram.com/p/${media.shortcode}/`);
    expect(c.observed.filter((o) => o.scope === 'account').length).toBeGreaterThanOrEqual(5);
    expect(c.observed.at(-1)).toMatchObject({ scope: 'account', limit: 100 });
  });

  it('refuses a post without an image before calling Instagram', async () => {
    const start = fake.requests.length;
    const error = await failure(adapter.publish(call(), post({ contentType: 'single', mediaIds: [] })));
    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('needs at least one image');
    expect(fake.requests.length).toBe(start);
  });

  it('publishes a carousel from child containers and resumes without recreating the children made', async () => {
    const c = call();
    const request = post({ contentType: 'carousel', text: 'Three rooms #CoWorking', mediaIds: ['r1', 'r2', 'r3'] });
    const before = fake.requestsTo('POST', path('media')).length;
    const publicUrl = c.media.publicUrl;
    // Instagram fails the second child with a 5xx (a prepare step: retry, not unknown).
    c.media.publicUrl = (id) => {
      if (id === 'r2') {
        c.media.publicUrl = publicUrl;
        fake.inject('POST', path('media'), { status: 500, body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1, is_transient: true } } });
      }
      return publicUrl(id);
    };
    expect((await failure(adapter.publish(c, request))).kind).toBe('retry');
    expect(Object.keys(c.progress!.uploaded as object)).toEqual(['r1']);
    const receipt = await adapter.publish(c, request);
    const creates = fake.requestsTo('POST', path('media')).slice(before);
    expect(creates).toHaveLength(5); // r1, r2 (failed), r2, r3, the carousel
    const children = ['r1', 'r2', 'r3'].map((id) => (c.progress!.uploaded as Record<string, string>)[id]);
    expect(creates.slice(0, 4).map((r) => r.form.get('is_carousel_item')?.[0])).toEqual(['true', 'true', 'true', 'true']);
    expect(creates.slice(0, 4).some((r) => r.form.has('caption'))).toBe(false);
    expect(Object.fromEntries([...creates[4].form].map(([k, v]) => [k, v[0]]))).toEqual({ media_type: 'CAROUSEL', children: children.join(','), caption: 'Three rooms #CoWorking' });
    const album = fake.media.find((m) => m.id === receipt.platformPostId)!;
    expect(album.mediaType).toBe('CAROUSEL_ALBUM');
    expect(album.children).toHaveLength(3);
    expect(fake.containers.filter((k) => children.includes(k.id)).map((k) => k.imageUrl)).toEqual(['r1', 'r2', 'r3'].map((id) => `${CDN}/media/${id}.png`));
  });

  it('classifies a dropped media_publish as unknown, reconciles to the media, and never publishes the container twice', async () => {
    const c = call();
    const request = post({ text: 'Dropped but published' });
    const sentAt = new Date();
    fake.inject('POST', path('media_publish'), { dropAfterHandling: true });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const [media] = mediaWith('Dropped but published');
    expect(await adapter.reconcile(c, request, sentAt)).toEqual({ found: { platformPostId: media.id, url: `https://www.instagram.com/p/${media.shortcode}/`, publishedAt: expect.any(Date) } });
    // A careless resend with the same checkpoint sees the container PUBLISHED and does not publish again.
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    expect(mediaWith('Dropped but published')).toHaveLength(1);
  });

  it('maps a 5xx on media_publish to unknown, reconciles absent (container FINISHED), then reuses the container', async () => {
    const c = call();
    const request = post({ text: 'Publish answered 500' });
    fake.inject('POST', path('media_publish'), { status: 500, body: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true } } });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    expect(await adapter.reconcile(c, request, new Date())).toEqual({ absent: true });
    const containers = fake.containers.length;
    const receipt = await adapter.publish(c, request);
    expect(fake.containers.length).toBe(containers);
    expect(mediaWith('Publish answered 500').map((m) => m.id)).toEqual([receipt.platformPostId]);
  });

  it('waits for the publishing quota: retry at the oldest publish of the window plus 24 h, before any container', async () => {
    const saved = fake.quotaTotal;
    fake.quotaTotal = fake.publishesInWindow(account.igUserId);
    try {
      const oldest = fake.mediaOf(account.igUserId).at(-1)!.timestamp;
      const containers = fake.containers.length;
      const error = await failure(adapter.publish(call(), post({ text: 'Over the limit' })));
      expect(error).toMatchObject({ kind: 'retry', details: { scope: 'account', code: 'content_publishing_limit' } });
      expect(Math.abs(error.details.retryAt!.getTime() - (oldest.getTime() + 86_400_000))).toBeLessThan(1_000);
      expect(fake.containers.length).toBe(containers);
    } finally {
      fake.quotaTotal = saved;
    }
  });

  it('enriches a publishing-limit refusal from media_publish with the same retry instant', async () => {
    fake.inject('POST', path('media_publish'), { status: 400, body: { error: { message: '(#9) Application request limit reached', type: 'OAuthException', code: 9, error_subcode: 2207042, is_transient: false } } });
    const error = await failure(adapter.publish(call(), post({ text: 'Limit at publish time' })));
    expect(error).toMatchObject({ kind: 'retry', details: { code: '9/2207042', scope: 'account' } });
    expect(error.details.retryAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it('turns a container ERROR into permanent, or into a fresh container when the error is retryable', async () => {
    fake.failNextContainer();
    const bad = await failure(adapter.publish(call(), post({ text: 'Unreachable image' })));
    expect(bad.kind).toBe('permanent');
    expect(bad.message).toContain('could not fetch the image');
    const c = call();
    fake.failNextContainer('ERROR: Media download timed out 2207003');
    expect((await failure(adapter.publish(c, post({ text: 'Slow image host' })))).kind).toBe('retry');
    expect((c.progress!.extra as Record<string, unknown>).containerId).toBeUndefined();
    const receipt = await adapter.publish(c, post({ text: 'Slow image host' }));
    expect(fake.containers.filter((k) => k.caption === 'Slow image host')).toHaveLength(2);
    expect(mediaWith('Slow image host').map((m) => m.id)).toEqual([receipt.platformPostId]);
  });

  it('gives up polling after the timeout (retry) and resumes the same container next time', async () => {
    const c = call();
    fake.processingPolls = 1_000;
    try {
      expect((await failure(new InstagramAdapter({ pollIntervalMs: 20, pollTimeoutMs: 60 }).publish(c, post({ text: 'Slow processing' })))).kind).toBe('retry');
    } finally {
      fake.processingPolls = 1;
    }
    const containerId = (c.progress!.extra as { containerId: string }).containerId;
    fake.containers.find((k) => k.id === containerId)!.polls = 1;
    const receipt = await adapter.publish(c, post({ text: 'Slow processing' }));
    expect(fake.media.find((m) => m.id === receipt.platformPostId)!.containerId).toBe(containerId);
  });

  it('refuses captions over 2,200 characters or 30 hashtags as permanent', async () => {
    const long = await failure(adapter.publish(call(), post({ text: 'x'.repeat(2_201) })));
    expect(long).toMatchObject({ kind: 'permanent', details: { code: '100/2207010' } });
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const many = await failure(adapter.publish(call(), post({ text: tags })));
    expect(many.message).toContain('at most 30 hashtags');
  });

  it('maps Instagram BUC throttling to retry at the estimate', async () => {
    const usage = JSON.stringify({ [account.igUserId]: [{ type: 'instagram', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 3 }] });
    fake.inject('GET', path('content_publishing_limit'), { status: 400, headers: { 'X-Business-Use-Case-Usage': usage }, body: { error: { message: '(#80002) There have been too many calls to this Instagram account.', type: 'OAuthException', code: 80002, is_transient: true } } });
    const error = await failure(adapter.publish(call(), post({ text: 'Throttled' })));
    expect(error).toMatchObject({ kind: 'retry', details: { scope: 'account', code: '80002' } });
    expect(error.details.retryAt!.getTime() - Date.now()).toBeGreaterThan(2.9 * 60_000);
  });

  it('maps an expired token to refresh; refresh() extends an Instagram-Login token, not an expired or Facebook one', async () => {
    const other = fake.addAccount('expiring');
    fake.expireToken(other.userToken);
    const expired = await failure(adapter.publish(memoryCall(fake.graphUrl, { accountId: other.igUserId, accessToken: other.userToken }, { mediaBaseUrl: CDN }), post()));
    expect(expired).toMatchObject({ kind: 'refresh', details: { code: '190/463' } });

    const http = call().http;
    const grant = await adapter.refresh({ http, accessToken: other.igToken });
    expect(fake.requestsTo('GET', '/refresh_access_token').at(-1)!.query.get('grant_type')).toBe('ig_refresh_token');
    expect(grant.accessToken).not.toBe(other.igToken);
    expect(grant.refreshToken).toBeUndefined();
    expect(grant.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000);
    await expect(adapter.identify(memoryCall(fake.graphUrl, { accountId: '', accessToken: grant.accessToken }))).resolves.toEqual({ accountId: other.igUserId, accountName: '@expiring' });

    const young = await failure(adapter.refresh({ http, accessToken: grant.accessToken }));
    expect(young.kind).toBe('retry');
    expect((await failure(adapter.refresh({ http, accessToken: other.userToken }))).kind).toBe('refresh');
    fake.expireToken(other.igToken);
    expect((await failure(adapter.refresh({ http, accessToken: other.igToken }))).kind).toBe('refresh');
  });

  it('runs Facebook Login with PKCE and Instagram publishing scopes', async () => {
    const pkce = createPkce();
    const client = { clientId: 'app-1', clientSecret: 'app-secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/instagram/callback' };
    const authorize = adapter.oauth.authorizeUrl(client, { state: 'st-ig', codeChallenge: pkce.challenge });
    expect(new URL(authorize).searchParams.get('scope')!.split(',')).toEqual(expect.arrayContaining(['instagram_basic', 'instagram_content_publish', 'pages_show_list']));
    const callback = new URL(fake.oauthServer.approve(authorize, account.userId));
    const grant = await adapter.oauth.exchangeCode({ http: call().http }, client, { code: callback.searchParams.get('code')!, codeVerifier: pkce.verifier });
    const userCall = memoryCall(fake.graphUrl, { accountId: '', accessToken: grant.accessToken });
    const [link] = await adapter.listInstagramAccounts(userCall);
    await expect(adapter.identify(memoryCall(fake.graphUrl, { accountId: link.igUserId, accessToken: grant.accessToken }))).resolves.toEqual({ accountId: account.igUserId, accountName: '@quietdesk' });
  });
});
