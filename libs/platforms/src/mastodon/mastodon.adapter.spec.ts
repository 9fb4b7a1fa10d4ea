import { createPkce } from '../oauth/pkce';
import type { PublishRequest } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { FakeMastodon } from '../testing/fake-mastodon';
import { closedPortUrl, memoryCall } from '../testing/memory-call';
import { MastodonAdapter } from './mastodon.adapter';

const adapter = new MastodonAdapter();

function post(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return { idempotencyKey: 'c0ffee00-0000-4000-8000-000000000001', platform: 'mastodon', contentType: 'single', text: 'Hello fediverse #CoWorking', hashtags: ['#CoWorking'], mediaIds: [], ...overrides };
}

describe('MastodonAdapter against a fake instance', () => {
  const fake = new FakeMastodon();
  let account: { accountId: string; token: string };

  beforeAll(async () => {
    await fake.start();
    account = fake.addAccount('studio');
  });
  afterAll(() => fake.close());

  const call = (timeoutMs?: number) => memoryCall(fake.url, { accountId: account.accountId, accessToken: account.token, serverUrl: fake.url }, { timeoutMs });

  it('identifies the account behind a token', async () => {
    await expect(adapter.identify(call())).resolves.toEqual({ accountId: account.accountId, accountName: '@studio' });
  });

  it('publishes a status with an Idempotency-Key and reads the rate-limit headers', async () => {
    const c = call();
    const receipt = await adapter.publish(c, post({ idempotencyKey: 'key-single' }));
    const sent = fake.requestsTo('POST', '/api/v1/statuses').at(-1)!;
    expect(sent.headers['idempotency-key']).toBe('key-single:0');
    expect(fake.statuses.find((s) => s.id === receipt.platformPostId)?.text).toBe('Hello fediverse #CoWorking');
    expect(receipt.url).toBe(`${fake.url}/@studio/${receipt.platformPostId}`);
    expect(c.observed.at(-1)).toMatchObject({ scope: 'account', limit: 300 });
    expect(c.observed.at(-1)?.resetAt).toBeInstanceOf(Date);
  });

  it('posts a thread as a reply chain, first part public and the rest unlisted', async () => {
    const parts = ['1/3 Why a quiet desk matters', '2/3 Noise costs focus', '3/3 Book a tour'];
    const receipt = await adapter.publish(call(), post({ idempotencyKey: 'key-thread', contentType: 'thread', text: parts[0], threadParts: parts }));
    const chain = receipt.partIds!.map((id) => fake.statuses.find((s) => s.id === id)!);
    expect(chain.map((s) => s.text)).toEqual(parts);
    expect(chain.map((s) => s.inReplyToId)).toEqual([null, chain[0].id, chain[1].id]);
    expect(chain.map((s) => s.visibility)).toEqual(['public', 'unlisted', 'unlisted']);
  });

  it('uploads an image, polls while the instance processes it, and attaches it', async () => {
    fake.asyncMedia = true;
    try {
      const receipt = await adapter.publish(call(), post({ idempotencyKey: 'key-image', contentType: 'image', mediaIds: ['img-1'] }));
      const status = fake.statuses.find((s) => s.id === receipt.platformPostId)!;
      expect(status.mediaIds).toHaveLength(1);
      expect(fake.requestsTo('GET', `/api/v1/media/${status.mediaIds[0]}`).length).toBeGreaterThanOrEqual(2);
      expect(fake.requestsTo('POST', '/api/v2/media').at(-1)!.form.get('description')).toEqual(['alt text of img-1']);
    } finally {
      fake.asyncMedia = false;
    }
  });

  it('classifies a dropped connection on the create as unknown, then the resend with the same key does not duplicate', async () => {
    const c = call();
    const request = post({ idempotencyKey: 'key-dropped', text: 'Dropped but accepted' });
    fake.inject('POST', '/api/v1/statuses', { dropAfterHandling: true });
    const error = await adapter.publish(c, request).catch((e: unknown) => e);
    expect(PlatformError.is(error, 'unknown')).toBe(true);
    expect(await adapter.reconcile(c, request, new Date())).toEqual({ absent: true });
    const receipt = await adapter.publish(c, request);
    expect(fake.statuses.filter((s) => s.text === 'Dropped but accepted')).toHaveLength(1);
    expect(receipt.platformPostId).toBe(fake.statuses.find((s) => s.text === 'Dropped but accepted')!.id);
  });

  it('past the idempotency window, reconciles by finding the status among recent ones', async () => {
    const c = call();
    const request = post({ idempotencyKey: 'key-old', text: 'An old & <odd> status' });
    await adapter.publish(c, request);
    c.progress = null;
    const outcome = await adapter.reconcile(c, request, new Date(Date.now() - 2 * 3_600_000));
    expect(outcome).toMatchObject({ found: { platformPostId: fake.statuses.at(-1)!.id } });
  });

  it('maps 429 to retry at the ISO reset, 422 to permanent, 401 to refresh, 503 on the create to unknown', async () => {
    const reset = new Date(Date.now() + 90_000).toISOString();
    fake.inject('POST', '/api/v1/statuses', { status: 429, headers: { 'X-RateLimit-Reset': reset, 'X-RateLimit-Remaining': '0' }, body: { error: 'Too many requests' } });
    const limited = (await adapter.publish(call(), post({ idempotencyKey: 'k429' })).catch((e: unknown) => e)) as PlatformError;
    expect(limited.kind).toBe('retry');
    expect(limited.details.retryAt?.toISOString()).toBe(reset);

    const tooLong = (await adapter.publish(call(), post({ idempotencyKey: 'k422', text: 'x'.repeat(501) })).catch((e: unknown) => e)) as PlatformError;
    expect([tooLong.kind, tooLong.details.status]).toEqual(['permanent', 422]);
    expect(tooLong.message).toContain('character limit');

    const revoked = fake.addAccount('revoked');
    fake.revoke(revoked.token);
    const denied = (await adapter.publish(memoryCall(fake.url, { accountId: revoked.accountId, accessToken: revoked.token, serverUrl: fake.url }), post()).catch((e: unknown) => e)) as PlatformError;
    expect(denied.kind).toBe('refresh');

    fake.inject('POST', '/api/v1/statuses', { status: 503, body: { error: 'There was a temporary problem serving your request, please try again' } });
    const unavailable = (await adapter.publish(call(), post({ idempotencyKey: 'k503' })).catch((e: unknown) => e)) as PlatformError;
    expect(unavailable.kind).toBe('unknown');
  });

  it('classifies a timeout on the create as unknown and a refused connection as retry', async () => {
    fake.inject('POST', '/api/v1/statuses', { delayMs: 600, status: 200, body: {} });
    const slow = (await adapter.publish(call(200), post({ idempotencyKey: 'k-slow' })).catch((e: unknown) => e)) as PlatformError;
    expect(slow.kind).toBe('unknown');
    const closed = await closedPortUrl();
    const refused = memoryCall(closed, { accountId: '1', accessToken: 't', serverUrl: closed });
    const error = (await adapter.publish(refused, post()).catch((e: unknown) => e)) as PlatformError;
    expect(error.kind).toBe('retry');
  });

  it('runs the OAuth code flow with PKCE against the instance', async () => {
    const pkce = createPkce();
    const client = { clientId: 'app', clientSecret: 'secret', redirectUri: 'http://127.0.0.1:3000/api/v1/platforms/oauth/mastodon/callback' };
    const authorize = adapter.oauth.authorizeUrl(client, { state: 'st', codeChallenge: pkce.challenge, serverUrl: fake.url });
    expect(new URL(authorize).pathname).toBe('/oauth/authorize');
    const callback = new URL(fake.oauthServer.approve(authorize, account.accountId));
    expect(callback.searchParams.get('state')).toBe('st');
    const http = call().http;
    const wrong = await adapter.oauth.exchangeCode({ http, serverUrl: fake.url }, client, { code: callback.searchParams.get('code')!, codeVerifier: 'not-the-verifier' }).catch((e: unknown) => e);
    expect(PlatformError.is(wrong, 'permanent')).toBe(true);
    const again = new URL(fake.oauthServer.approve(authorize, account.accountId));
    const grant = await adapter.oauth.exchangeCode({ http, serverUrl: fake.url }, client, { code: again.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(grant.refreshToken).toBeUndefined();
    expect(await adapter.identify(memoryCall(fake.url, { accountId: '', accessToken: grant.accessToken, serverUrl: fake.url }))).toEqual({ accountId: account.accountId, accountName: '@studio' });
  });
});
