import { nextUtcMidnight } from '../http/reset-signals';
import { createPkce } from '../oauth/pkce';
import type { PublishRequest } from '../platform-adapter';
import { FakeLinkedIn } from '../testing/fake-linkedin';
import { memoryCall, platformFailure as failure } from '../testing/memory-call';
import { LinkedInAdapter } from './linkedin.adapter';

const client = { clientId: 'li-app', clientSecret: 'li-secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/linkedin/callback' };

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'c0ffee00-0000-4000-8000-00000000a001', platform: 'linkedin', contentType: 'single', text: 'Hello LinkedIn #CoWorking', hashtags: ['#CoWorking'], mediaIds: [], ...overrides };
}


describe('LinkedInAdapter against a fake LinkedIn', () => {
  const fake = new FakeLinkedIn({ imageProcessingPolls: 2 });
  let adapter: LinkedInAdapter;
  let member: { sub: string; urn: string; token: string; refreshToken?: string };

  beforeAll(async () => {
    await fake.start();
    adapter = new LinkedInAdapter({ authorizeUrl: `${fake.url}/oauth/v2/authorization`, tokenUrl: `${fake.url}/oauth/v2/accessToken`, imagePollMs: 5 });
    member = fake.addMember('Ada Lovelace');
  });
  afterAll(() => fake.close());

  const call = (accountId = member.urn, token = member.token, timeoutMs?: number) => memoryCall(fake.url, { accountId, accountName: 'Ada Lovelace', accessToken: token }, { timeoutMs });

  it('identifies the member from /v2/userinfo and keeps an organization URN as the author', async () => {
    await expect(adapter.identify(call(''))).resolves.toEqual({ accountId: member.urn, accountName: 'Ada Lovelace' });
    expect(fake.requestsTo('GET', '/v2/userinfo').at(-1)!.headers.authorization).toBe(`Bearer ${member.token}`);
    const org = fake.addOrganization('Quiet Desk Studio', [member.urn]);
    await expect(adapter.identify(memoryCall(fake.url, { accountId: org, accountName: 'Quiet Desk Studio', accessToken: member.token }))).resolves.toEqual({ accountId: org, accountName: 'Quiet Desk Studio' });
  });

  it('publishes a text post with the version headers, escaped commentary and the URN from x-restli-id', async () => {
    const text = 'Open day (free entry) at 10:00 — bring friends & coffee_cups! #CoWorking #Remote';
    const receipt = await adapter.publish(call(), post({ text }));
    const sent = fake.requestsTo('POST', '/rest/posts').at(-1)!;
    expect(sent.headers['linkedin-version']).toBe('202601');
    expect(sent.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(sent.headers.authorization).toBe(`Bearer ${member.token}`);
    expect(sent.json).toEqual({
      author: member.urn,
      commentary: 'Open day \\(free entry\\) at 10:00 — bring friends & coffee\\_cups! {hashtag|\\#|CoWorking} {hashtag|\\#|Remote}',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    const stored = fake.posts.find((p) => p.urn === receipt.platformPostId)!;
    expect(stored.text).toBe(text);
    expect(stored.truncated).toBe(false);
    expect(receipt.platformPostId).toMatch(/^urn:li:share:\d{19}$/);
    expect(receipt.url).toBe(`https://www.linkedin.com/feed/update/${receipt.platformPostId}/`);
  });

  it('uploads an image (initialize, PUT, poll until AVAILABLE) and attaches it with its alt text', async () => {
    const c = call();
    const receipt = await adapter.publish(c, post({ text: 'One picture of the lounge', contentType: 'image', mediaIds: ['img-1'] }));
    const init = fake.requestsTo('POST', '/rest/images').at(-1)!;
    expect(init.query.get('action')).toBe('initializeUpload');
    expect(init.json).toEqual({ initializeUploadRequest: { owner: member.urn } });
    const put = fake.requestsTo('PUT', /^\/dms-uploads\//).at(-1)!;
    expect(put.headers.authorization).toBe(`Bearer ${member.token}`);
    expect(put.raw.length).toBeGreaterThan(0);
    const stored = fake.posts.find((p) => p.urn === receipt.platformPostId)!;
    const image = stored.content!.media!.id;
    expect(stored.content).toEqual({ media: { id: image, altText: 'alt text of img-1' } });
    expect(fake.images.get(image)?.status).toBe('AVAILABLE');
    expect(fake.requestsTo('GET', `/rest/images/${encodeURIComponent(image)}`)).toHaveLength(2);
    expect(c.saved[0]).toMatchObject({ uploaded: { 'img-1': image }, partIds: [] });
  });

  it('posts two images as a multiImage post', async () => {
    const receipt = await adapter.publish(call(), post({ text: 'Two pictures', contentType: 'carousel', mediaIds: ['img-a', 'img-b'] }));
    const content = fake.posts.find((p) => p.urn === receipt.platformPostId)!.content!;
    expect(content.multiImage!.images.map((i) => i.altText)).toEqual(['alt text of img-a', 'alt text of img-b']);
    expect(new Set(content.multiImage!.images.map((i) => fake.images.get(i.id)?.owner))).toEqual(new Set([member.urn]));
  });

  it('posts as an organization the member administers', async () => {
    const org = fake.addOrganization('Desk Org', [member.urn]);
    const receipt = await adapter.publish(call(org), post({ text: 'From the page', mediaIds: ['logo'] }));
    const stored = fake.posts.find((p) => p.urn === receipt.platformPostId)!;
    expect(stored.author).toBe(org);
    expect(fake.images.get(stored.content!.media!.id)?.owner).toBe(org);
  });

  it('resumes after a failed commit without uploading the image again', async () => {
    const c = call();
    const request = post({ text: 'Resumed image post', mediaIds: ['img-r'] });
    fake.inject('POST', '/rest/posts', { status: 500, body: { status: 500, message: 'Internal Server Error' } });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const uploads = fake.requestsTo('POST', '/rest/images').length;
    await adapter.publish(c, request);
    expect(fake.requestsTo('POST', '/rest/images')).toHaveLength(uploads);
    expect(fake.posts.filter((p) => p.text === 'Resumed image post')).toHaveLength(1);
  });

  it('classifies a dropped connection on the create as unknown, reconciles it as found, and a resend is rejected as a duplicate', async () => {
    const c = call();
    const request = post({ text: 'Dropped but accepted on LinkedIn' });
    fake.inject('POST', '/rest/posts', { dropAfterHandling: true });
    expect((await failure(adapter.publish(c, request))).kind).toBe('unknown');
    const live = fake.posts.filter((p) => p.text === 'Dropped but accepted on LinkedIn');
    expect(live).toHaveLength(1);
    const outcome = await adapter.reconcile(c, request, new Date());
    expect(outcome).toMatchObject({ found: { platformPostId: live[0].urn, url: `https://www.linkedin.com/feed/update/${live[0].urn}/` } });
    expect(fake.requestsTo('GET', '/rest/posts').at(-1)!.query.get('author')).toBe(member.urn);

    const resend = call();
    const duplicate = await failure(adapter.publish(resend, request));
    expect([duplicate.kind, duplicate.details.duplicate, duplicate.details.code]).toEqual(['permanent', true, 'DUPLICATE_POST']);
    expect(duplicate.message).toContain(live[0].urn);
    expect(fake.posts.filter((p) => p.text === 'Dropped but accepted on LinkedIn')).toHaveLength(1);
    // The rejection named the post: reconcile confirms it even outside the listing window.
    expect(await adapter.reconcile(resend, request, new Date(Date.now() - 3 * 3_600_000))).toMatchObject({ found: { platformPostId: live[0].urn } });
  });

  it('reconciles as absent when the listing covers the window without a match, and unsure when it cannot list', async () => {
    expect(await adapter.reconcile(call(), post({ text: 'Never sent anywhere' }), new Date(Date.now() - 5 * 60_000))).toEqual({ absent: true });
    expect(await adapter.reconcile(call(), post({ text: 'Never sent anywhere' }), new Date())).toHaveProperty('unsure');
    const secretive = fake.addMember('No Read', { canReadPosts: false });
    const outcome = await adapter.reconcile(call(secretive.urn, secretive.token), post(), new Date(Date.now() - 5 * 60_000));
    expect(outcome).toHaveProperty('unsure');
    expect((outcome as { unsure: string }).unsure).toContain('ACCESS_DENIED');
  });

  it('maps 503 on the create to unknown, a timeout to unknown, and 5xx on an upload to retry', async () => {
    fake.inject('POST', '/rest/posts', { status: 503, body: { status: 503, message: 'Service Unavailable' } });
    expect((await failure(adapter.publish(call(), post({ text: '503 post' })))).kind).toBe('unknown');
    fake.inject('POST', '/rest/posts', { delayMs: 600, status: 201 });
    expect((await failure(adapter.publish(call(member.urn, member.token, 200), post({ text: 'slow post' })))).kind).toBe('unknown');
    fake.inject('POST', '/rest/images', { status: 503, body: { status: 503, message: 'Service Unavailable' } });
    expect((await failure(adapter.publish(call(), post({ text: 'upload fails', mediaIds: ['x'] })))).kind).toBe('retry');
  });

  it('rejects media of another author with INVALID_CONTENT_OWNERSHIP and posting for a stranger with ACCESS_DENIED', async () => {
    const other = fake.addMember('Other Person');
    await adapter.publish(call(other.urn, other.token), post({ text: 'theirs', mediaIds: ['o'] }));
    const theirImage = fake.postsOf(other.urn).at(-1)!.content!.media!.id;
    const c = call();
    c.progress = { partIds: [], uploaded: { mine: theirImage }, extra: {} };
    const ownership = await failure(adapter.publish(c, post({ text: 'stolen image', mediaIds: ['mine'] })));
    expect([ownership.kind, ownership.details.code]).toEqual(['permanent', 'INVALID_CONTENT_OWNERSHIP']);
    const denied = await failure(adapter.publish(call(other.urn, member.token), post({ text: 'as someone else' })));
    expect([denied.kind, denied.details.status, denied.details.code]).toEqual(['permanent', 403, 'ACCESS_DENIED']);
  });

  it('fails permanently on an inactive LinkedIn-Version, and the fake rejects a /rest call without one', async () => {
    const old = new LinkedInAdapter({ version: '202001' });
    const error = await failure(old.publish(call(), post({ text: 'old version' })));
    expect([error.kind, error.details.code]).toEqual(['permanent', 'NONEXISTENT_VERSION']);
    expect(error.message).toContain('LinkedIn-Version');
    const raw = await fetch(`${fake.url}/rest/posts`, { method: 'POST', headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ status: 400, code: 'VERSION_MISSING' });
  });

  it('maps an expired token to refresh, then refresh() gets a new 60-day token and keeps the refresh token', async () => {
    const m = fake.addMember('Expiring Member');
    fake.expire(m.token);
    const error = await failure(adapter.publish(call(m.urn, m.token), post({ text: 'after expiry' })));
    expect([error.kind, error.details.status, error.details.code]).toEqual(['refresh', 401, '65602']);
    const grant = await adapter.refresh({ http: call().http, client, accessToken: m.token, refreshToken: m.refreshToken });
    expect(grant.accessToken).not.toBe(m.token);
    expect(grant.refreshToken).toBe(m.refreshToken);
    expect(grant.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 86_400_000);
    const sent = fake.requestsTo('POST', '/oauth/v2/accessToken').at(-1)!;
    expect([sent.form.get('grant_type'), sent.form.get('client_id'), sent.form.get('client_secret')]).toEqual([['refresh_token'], ['li-app'], ['li-secret']]);
    await expect(adapter.publish(call(m.urn, grant.accessToken), post({ text: 'after refresh' }))).resolves.toHaveProperty('platformPostId');
    fake.expireRefresh(m.refreshToken!);
    expect((await failure(adapter.refresh({ http: call().http, client, accessToken: grant.accessToken, refreshToken: m.refreshToken }))).kind).toBe('refresh');
  });

  it('runs the OAuth code flow with PKCE and the client credentials', async () => {
    const pkce = createPkce();
    const authorize = new URL(adapter.oauth.authorizeUrl(client, { state: 'st-li', codeChallenge: pkce.challenge }));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fake.url}/oauth/v2/authorization`);
    expect(authorize.searchParams.get('scope')).toBe('openid profile w_member_social');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    const http = call().http;
    const wrong = new URL(fake.oauthServer.approve(authorize.toString(), member.sub));
    expect(wrong.searchParams.get('state')).toBe('st-li');
    expect((await failure(adapter.oauth.exchangeCode({ http }, client, { code: wrong.searchParams.get('code')!, codeVerifier: 'not-the-verifier' }))).kind).toBe('permanent');
    const callback = new URL(fake.oauthServer.approve(authorize.toString(), member.sub));
    const grant = await adapter.oauth.exchangeCode({ http }, client, { code: callback.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(grant.refreshToken).toMatch(/^rt-/);
    expect(await adapter.identify(memoryCall(fake.url, { accountId: '', accessToken: grant.accessToken }))).toEqual({ accountId: member.urn, accountName: 'Ada Lovelace' });
  });
});

describe('LinkedInAdapter: quotas and rotating refresh tokens', () => {
  const fake = new FakeLinkedIn({ dailyPostLimit: 1, rotateRefresh: true });
  let adapter: LinkedInAdapter;

  beforeAll(async () => {
    await fake.start();
    adapter = new LinkedInAdapter({ tokenUrl: `${fake.url}/oauth/v2/accessToken` });
  });
  afterAll(() => fake.close());

  it('answers the second post of the day with 429 and no headers: retry at the next 00:00 UTC', async () => {
    const m = fake.addMember('Busy Member');
    const c = memoryCall(fake.url, { accountId: m.urn, accessToken: m.token });
    await adapter.publish(c, post({ text: 'first of the day' }));
    const limited = await failure(adapter.publish(memoryCall(fake.url, { accountId: m.urn, accessToken: m.token }), post({ text: 'second of the day' })));
    expect([limited.kind, limited.details.status, limited.details.scope]).toEqual(['retry', 429, 'account']);
    expect(limited.details.retryAt?.toISOString()).toBe(nextUtcMidnight().toISOString());
    expect(fake.postsOf(m.urn).map((p) => p.text)).toEqual(['first of the day']);
  });

  it('reports the 429 as a rate-limit observation (LinkedIn sends no headers otherwise)', async () => {
    const m = fake.addMember('Observed Member');
    const first = memoryCall(fake.url, { accountId: m.urn, accessToken: m.token });
    await adapter.publish(first, post({ text: 'observed first' }));
    expect(first.observed).toEqual([]);
    const second = memoryCall(fake.url, { accountId: m.urn, accessToken: m.token });
    await failure(adapter.publish(second, post({ text: 'observed second' })));
    expect(second.observed).toEqual([{ scope: 'account', remaining: 0, resetAt: nextUtcMidnight() }]);
  });

  it('rotates the refresh token: the new one works, the old one is dead', async () => {
    const m = fake.addMember('Rotating Member');
    const http = memoryCall(fake.url, { accountId: m.urn, accessToken: m.token }).http;
    const grant = await adapter.refresh({ http, client, accessToken: m.token, refreshToken: m.refreshToken });
    expect(grant.refreshToken).toBeDefined();
    expect(grant.refreshToken).not.toBe(m.refreshToken);
    const dead = await failure(adapter.refresh({ http, client, accessToken: grant.accessToken, refreshToken: m.refreshToken }));
    expect([dead.kind, dead.details.code]).toEqual(['refresh', 'invalid_grant']);
    await expect(adapter.refresh({ http, client, accessToken: grant.accessToken, refreshToken: grant.refreshToken })).resolves.toHaveProperty('accessToken');
    expect((await failure(adapter.refresh({ http, client, accessToken: grant.accessToken }))).kind).toBe('refresh');
  });
});
