import 'reflect-metadata';
import { FakeBluesky, FakeMastodon, FakeX } from '@app/platforms';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GatewayHarness } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';
import { PeerServices } from './support/peer-services';

const auth = GatewayHarness.auth;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMEOUT_MS = 1000;
/** A token the fake Mastodon instance refuses with an error that quotes it, as a careless platform might. */
const REJECTED_TOKEN = 'rejected-token-0123456789';
/** An authorization code the platform never issued. */
const REFUSED_CODE = 'refused-code-0123456789';

/**
 * `/api/v1/platforms` on the real gateway and the real posting-svc (a process from the build, behind a TCP
 * proxy so it can go down or hang), with real PostgreSQL and RabbitMQ; only the platforms are local fakes.
 */
describe('gateway platforms API (real posting-svc, fake platforms, real PostgreSQL and RabbitMQ)', () => {
  const x = new FakeX();
  const mastodon = new FakeMastodon();
  const bluesky = new FakeBluesky();
  let peers: PeerServices;
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;
  let xAccount: { accountId: string; token: string; refreshToken: string };
  let SECRET_TOKEN: string;

  const connectionsRow = async (id: string) => (await peers.sql.query(`SELECT * FROM posting.platform_connections WHERE id = $1`, [id])).rows[0];
  const connectionCount = async () => (await peers.sql.query(`SELECT count(*)::int AS n FROM posting.platform_connections`)).rows[0].n as number;
  const freshXToken = () => x.oauthServer.issue(xAccount.accountId, false).accessToken;

  beforeAll(async () => {
    await Promise.all([x.start(), mastodon.start(), bluesky.start()]);
    peers = await PeerServices.start({ X_API_BASE_URL: x.url, X_CLIENT_ID: 'x-client', MASTODON_API_BASE_URL: mastodon.url, BLUESKY_API_BASE_URL: bluesky.url });
    gw = await GatewayHarness.start({ env: { POSTING_URL: peers.postingUrl, POSTING_TIMEOUT_MS: String(TIMEOUT_MS) } });
    alice = await gw.signUp('alice@example.com');
    bob = await gw.signUp('bob@example.com');
    xAccount = x.addAccount('alice');
    SECRET_TOKEN = xAccount.token;
  });

  afterAll(async () => {
    await gw?.stop();
    await peers?.stop();
    await Promise.all([x.close(), mastodon.close(), bluesky.close()]);
  });

  describe('connect, list, disconnect', () => {
    let connectionId: string;

    it('connects an account: 201 with the connection the platform confirmed, stored for the caller, no token in the answer', async () => {
      const body = { platform: 'x', accessToken: SECRET_TOKEN, refreshToken: xAccount.refreshToken, expiresAt: '2026-12-01T00:00:00Z', timeZone: 'Europe/Paris' };
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send(body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        platform: 'x',
        accountId: xAccount.accountId,
        accountName: '@alice',
        serverUrl: null,
        status: 'active',
        statusReason: null,
        expiresAt: '2026-12-01T00:00:00.000Z',
        scopes: null,
        timeZone: 'Europe/Paris',
        connectedAt: expect.any(String),
        blockedPosts: 0,
        kind: 'platform',
      });
      expect(JSON.stringify(res.body)).not.toContain(SECRET_TOKEN);
      connectionId = res.body.id;
      const row = await connectionsRow(connectionId);
      expect(row.user_id).toBe(alice.id);
      expect(row.access_token_enc).not.toContain(SECRET_TOKEN);
    });

    it('answers 200 when it updated the existing connection of that account', async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: freshXToken() }).expect(200);
      expect(res.body.id).toBe(connectionId);
    });

    it("passes posting-svc's 409 through when the account belongs to another user", async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(bob)).send({ platform: 'x', accessToken: freshXToken() }).expect(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'this x account is already connected by another user' });
    });

    it("passes posting-svc's field errors through in the gateway's format, without the token they quote", async () => {
      mastodon.inject('GET', '/api/v1/accounts/verify_credentials', { status: 401, body: { error: `The access token ${REJECTED_TOKEN} is invalid` } });
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'mastodon', accessToken: REJECTED_TOKEN, serverUrl: mastodon.url }).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'accessToken', messages: ['the platform rejected the token: Mastodon verify_credentials: 401 The access token [redacted] is invalid'] }],
      });
      expect(JSON.stringify(res.body)).not.toContain(REJECTED_TOKEN);
    });

    it('validates on the gateway first, naming each field, so nothing reaches posting-svc', async () => {
      const before = await connectionCount();
      const bad = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'myspace', expiresAt: 'tomorrow', timeZone: 'Mars/Olympus', extra: 1 }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessToken', 'expiresAt', 'extra', 'platform', 'timeZone']);
      const mastodon = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'mastodon', accessToken: 't0ken' }).expect(400);
      expect(mastodon.body.errors).toEqual([{ field: 'serverUrl', messages: expect.arrayContaining([expect.stringContaining('serverUrl is required on mastodon')]) }]);
      const appPassword = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', identifier: 'me', appPassword: 'pw-pw-pw' }).expect(400);
      expect(appPassword.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessToken', 'appPassword', 'identifier']);
      expect(appPassword.body.errors.find((e: { field: string }) => e.field === 'identifier').messages).toContain('identifier is only used on bluesky');
      expect(await connectionCount()).toBe(before);
    });

    it('connects Bluesky with a handle and an app password instead of a token', async () => {
      const account = bluesky.addAccount('alice.bsky.social');
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'bluesky', identifier: account.handle, appPassword: account.appPassword }).expect(201);
      expect(res.body).toMatchObject({ platform: 'bluesky', accountId: account.did, accountName: '@alice.bsky.social' });
    });

    it("lists only the caller's connections, with status, reason and blocked posts, never tokens", async () => {
      const { token } = mastodon.addAccount('alice');
      const connected = (await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'mastodon', accessToken: token, serverUrl: mastodon.url }).expect(201)).body;
      // What posting-svc records when the token dies with two posts waiting on it.
      await peers.sql.query(`UPDATE posting.platform_connections SET status = 'reconnect_required', status_reason = 'the token was revoked' WHERE id = $1`, [connected.id]);
      for (let i = 0; i < 2; i++) {
        await peers.sql.query(
          `INSERT INTO posting.publications (post_id, campaign_id, user_id, platform, status, attempts, connection_id) VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'mastodon', 'blocked', 1, $2)`,
          [alice.id, connected.id],
        );
      }
      const res = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
      expect(res.body.map((c: { platform: string }) => c.platform).sort()).toEqual(['bluesky', 'mastodon', 'x']);
      expect(res.body.find((c: { platform: string }) => c.platform === 'mastodon')).toMatchObject({
        status: 'reconnect_required',
        statusReason: 'the token was revoked',
        blockedPosts: 2,
        serverUrl: mastodon.url,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/mastodon-token-|x-token-|accessToken|refreshToken/);
      expect((await gw.http().get('/api/v1/platforms').set(auth(bob)).expect(200)).body).toEqual([]);
      await gw.http().get('/api/v1/platforms').expect(401);
    });

    it("disconnects with 204; another user's, an unknown and a non-uuid id are 404", async () => {
      await gw.http().delete(`/api/v1/platforms/${connectionId}`).set(auth(bob)).expect(404);
      await gw.http().delete(`/api/v1/platforms/${randomUUID()}`).set(auth(alice)).expect(404);
      const notUuid = await gw.http().delete('/api/v1/platforms/nope').set(auth(alice)).expect(404);
      expect(notUuid.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Connection nope not found' });
      await gw.http().delete(`/api/v1/platforms/${connectionId}`).set(auth(alice)).expect(204);
      const after = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
      expect(after.body.map((c: { id: string }) => c.id)).not.toContain(connectionId);
      const again = await gw.http().delete(`/api/v1/platforms/${connectionId}`).set(auth(alice)).expect(404);
      expect(again.body.message).toBe(`Connection ${connectionId} not found`);
    });
  });

  describe('OAuth without OAUTH_RESULT_URL (JSON answers)', () => {
    it("starts a flow: the platform's authorize URL (PKCE), state and expiry for the caller", async () => {
      const res = await gw.http().get('/api/v1/platforms/oauth/x/start?timeZone=Asia/Tokyo').set(auth(alice)).expect(200);
      expect(res.body).toEqual({ authorizeUrl: expect.stringMatching(/^https:\/\/x\.com\/i\/oauth2\/authorize\?/), state: expect.any(String), expiresAt: expect.any(String) });
      const authorize = new URL(res.body.authorizeUrl);
      expect(authorize.searchParams.get('state')).toBe(res.body.state);
      expect(authorize.searchParams.get('client_id')).toBe('x-client');
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      const [pending] = (await peers.sql.query(`SELECT user_id, time_zone FROM posting.oauth_states WHERE state = $1`, [res.body.state])).rows;
      expect(pending).toEqual({ user_id: alice.id, time_zone: 'Asia/Tokyo' });
    });

    it('answers 400 with the variable to set when the platform has no OAuth client, 404 for an unknown platform, 401 without a token', async () => {
      const res = await gw.http().get('/api/v1/platforms/oauth/facebook/start').set(auth(alice)).expect(400);
      expect(res.body.errors).toEqual([{ field: 'platform', messages: [expect.stringContaining('set FACEBOOK_CLIENT_ID and FACEBOOK_CLIENT_SECRET')] }]);
      await gw.http().get('/api/v1/platforms/oauth/myspace/start').set(auth(alice)).expect(404);
      await gw.http().get('/api/v1/platforms/oauth/x/start').expect(401);
      const bad = await gw.http().get('/api/v1/platforms/oauth/mastodon/start?serverUrl=not-a-url').set(auth(alice)).expect(400);
      expect(bad.body.errors[0].field).toBe('serverUrl');
    });

    it('completes the flow without a bearer token: 200 with the connection (no userId, no token)', async () => {
      const oauthUser = x.addAccount('alice_oauth');
      const { authorizeUrl } = (await gw.http().get('/api/v1/platforms/oauth/x/start?timeZone=Asia/Tokyo').set(auth(alice)).expect(200)).body;
      const callback = new URL(x.oauth.approve(authorizeUrl, oauthUser.accountId));
      const code = callback.searchParams.get('code')!;
      const res = await gw.http().get(`/api/v1/platforms/oauth/x/callback${callback.search}`).expect(200);
      expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), platform: 'x', accountId: oauthUser.accountId, accountName: '@alice_oauth', status: 'active', timeZone: 'Asia/Tokyo' });
      expect(res.body).not.toHaveProperty('userId');
      expect(JSON.stringify(res.body)).not.toContain(code);
      const list = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
      expect(list.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
    });

    it('answers 400 naming the reason for a denial, a refused code or an unknown state', async () => {
      const denied = await gw.http().get('/api/v1/platforms/oauth/x/callback?error=access_denied&error_description=The+user+said+no&state=s').expect(400);
      expect(denied.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'OAuth connection to x failed (access_denied): x did not authorize the connection (access_denied): The user said no' });
      const { state } = (await gw.http().get('/api/v1/platforms/oauth/x/start').set(auth(alice)).expect(200)).body;
      const refused = await gw.http().get(`/api/v1/platforms/oauth/x/callback?code=${REFUSED_CODE}&state=${state}`).expect(400);
      expect(refused.body.message).toMatch(/^OAuth connection to x failed \(connection_failed\): code: x refused the authorization code: X code exchange was refused \(400 /);
      expect(refused.body.message).not.toContain(REFUSED_CODE);
      const unknown = await gw.http().get(`/api/v1/platforms/oauth/x/callback?code=c0de&state=${randomUUID()}`).expect(400);
      expect(unknown.body.message).toContain('unknown or expired OAuth state');
      const missing = await gw.http().get('/api/v1/platforms/oauth/x/callback').expect(400);
      expect(missing.body.message).toContain('invalid_request');
    });
  });

  describe('with OAUTH_RESULT_URL (browser redirects)', () => {
    let redirecting: GatewayHarness;
    let carol: TestUser;
    const RESULT = 'https://app.example.com/settings/accounts?tab=platforms';

    beforeAll(async () => {
      redirecting = await GatewayHarness.start({ env: { POSTING_URL: peers.postingUrl, OAUTH_RESULT_URL: RESULT } });
      carol = await redirecting.signUp('carol@example.com');
    });

    afterAll(async () => {
      await redirecting?.stop();
    });

    it('redirects (302) to the result page with the platform and connection id', async () => {
      const { authorizeUrl } = (await redirecting.http().get('/api/v1/platforms/oauth/x/start').set(auth(carol)).expect(200)).body;
      const approved = new URL(x.oauth.approve(authorizeUrl, x.addAccount('carol').accountId));
      const res = await redirecting.http().get(`/api/v1/platforms/oauth/x/callback${approved.search}`).expect(302);
      const location = new URL(res.headers.location);
      expect(`${location.origin}${location.pathname}`).toBe('https://app.example.com/settings/accounts');
      expect(location.searchParams.get('tab')).toBe('platforms');
      expect(location.searchParams.get('connected')).toBe('x');
      const listed = (await redirecting.http().get('/api/v1/platforms').set(auth(carol)).expect(200)).body;
      expect(listed.map((c: { id: string }) => c.id)).toEqual([location.searchParams.get('connectionId')]);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('redirects with the error when the user denied access or the code was refused', async () => {
      const denied = await redirecting.http().get('/api/v1/platforms/oauth/x/callback?error=access_denied').expect(302);
      const deniedAt = new URL(denied.headers.location);
      expect(deniedAt.searchParams.get('error')).toBe('access_denied');
      expect(deniedAt.searchParams.get('platform')).toBe('x');
      expect(deniedAt.searchParams.has('connected')).toBe(false);
      const { state } = (await redirecting.http().get('/api/v1/platforms/oauth/x/start').set(auth(carol)).expect(200)).body;
      const refused = await redirecting.http().get(`/api/v1/platforms/oauth/x/callback?code=${REFUSED_CODE}&state=${state}`).expect(302);
      expect(new URL(refused.headers.location).searchParams.get('error')).toBe('connection_failed');
      expect(refused.headers.location).not.toContain(REFUSED_CODE);
    });

    it('redirects with temporarily_unavailable when posting-svc is down', async () => {
      await peers.postingDown();
      try {
        const res = await redirecting.http().get('/api/v1/platforms/oauth/x/callback?code=c0de&state=s').expect(302);
        expect(new URL(res.headers.location).searchParams.get('error')).toBe('temporarily_unavailable');
      } finally {
        await peers.postingUp();
      }
    });
  });

  describe('posting-svc unavailable', () => {
    it('answers 503 with a clear message when posting-svc does not answer in time', async () => {
      peers.postingHangs();
      try {
        const res = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(503);
        expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`), errorId: expect.any(String) });
      } finally {
        peers.postingAnswers();
      }
    });

    it('answers 503 (not 500) on every posting-svc route when it is down, and recovers when it is back', async () => {
      await peers.postingDown();
      try {
        const list = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(503);
        expect(list.body).toMatchObject({ statusCode: 503, message: 'The posting service (connected accounts) is unavailable; try again shortly' });
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: SECRET_TOKEN }).expect(503);
        await gw.http().delete(`/api/v1/platforms/${randomUUID()}`).set(auth(alice)).expect(503);
        await gw.http().get('/api/v1/platforms/oauth/x/start').set(auth(alice)).expect(503);
        const callback = await gw.http().get('/api/v1/platforms/oauth/x/callback?code=c&state=s').expect(503);
        expect(callback.body.message).toContain('unavailable');
        const post = await gw.http().post('/api/v1/posts').set(auth(alice)).send({ text: 'hello', connectionIds: [randomUUID()] }).expect(503);
        expect(post.body.message).toContain('unavailable');
      } finally {
        await peers.postingUp();
      }
      await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
    });
  });

  describe('secrets', () => {
    it('never logs the tokens, app passwords or codes it relays, whatever the outcome (gateway and posting-svc)', async () => {
      const secrets: string[] = [];
      const methods = ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'] as const;
      const spies = methods.map((method) => jest.spyOn(Logger.prototype, method));
      const staticSpies = methods.map((method) => jest.spyOn(Logger, method));
      const stdout = jest.spyOn(process.stdout, 'write');
      const stderr = jest.spyOn(process.stderr, 'write');
      try {
        const secret = x.addAccount('secret_test');
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: secret.token, refreshToken: secret.refreshToken }).expect(201);
        const sky = bluesky.addAccount('a.bsky.social', 'pw-secret-app-password');
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'bluesky', identifier: sky.handle, appPassword: sky.appPassword }).expect(201);
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: REJECTED_TOKEN }).expect(400);
        await gw.http().get(`/api/v1/platforms/oauth/x/callback?code=${SECRET_TOKEN}-code&state=${randomUUID()}`).expect(400);
        peers.postingHangs();
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: SECRET_TOKEN }).expect(503);
        secrets.push(secret.token, secret.refreshToken, sky.appPassword);
      } finally {
        peers.postingAnswers();
      }
      const logged = [...spies, ...staticSpies, stdout, stderr].flatMap((spy) => (spy.mock.calls as unknown[][]).flat().map(String)).join('\n');
      for (const spy of [...spies, ...staticSpies, stdout, stderr]) spy.mockRestore();
      expect(logged).toContain('connected x account'); // the spies did see the gateway's logs
      for (const secret of [SECRET_TOKEN, REJECTED_TOKEN, ...secrets]) expect(logged).not.toContain(secret);
      expect(secrets).toHaveLength(3);
    });
  });

  describe('OpenAPI and the signed media route without a key', () => {
    it('documents the platforms, media and ad-hoc post routes; only the callback and media are public', async () => {
      const doc = (await gw.http().get('/docs-json').expect(200)).body;
      expect(doc.paths['/api/v1/platforms/connect'].post.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(doc.paths['/api/v1/platforms/connect'].post.responses).sort()).toEqual(['200', '201', '400', '401', '409', '503']);
      expect(doc.paths['/api/v1/platforms'].get.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/api/v1/platforms/{id}'].delete.responses['204']).toBeDefined();
      expect(doc.paths['/api/v1/platforms/oauth/{platform}/start'].get.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/api/v1/platforms/oauth/{platform}/callback'].get.security).toBeUndefined();
      expect(doc.paths['/api/v1/platforms/oauth/{platform}/callback'].get.responses['302']).toBeDefined();
      expect(doc.paths['/api/v1/media/{imageId}'].get.security).toBeUndefined();
      expect(doc.paths['/api/v1/media/{imageId}'].get.responses['403']).toBeDefined();
      expect(doc.paths['/api/v1/posts'].post.responses['201']).toBeDefined();
      const schemas = doc.components.schemas;
      expect(schemas.ConnectPlatformDto.properties.accessToken).toMatchObject({ writeOnly: true });
      expect(schemas.PostViewDto.properties.status.enum).toContain('unconfirmed');
      expect(schemas.PostViewDto.properties.failureCode.enum).toEqual(['rejected', 'reconnect_required', 'no_account', 'gave_up', 'missed']);
      expect(schemas.PostViewDto.properties.failureCode.description).toContain('reconnect_required');
      expect(schemas.AttemptViewDto.properties.outcome.enum).toContain('unconfirmed');
      expect(schemas.CampaignSummaryDto.properties.kind.enum).toEqual(['agent', 'adhoc']);
    });

    it('answers 404 for every media URL when MEDIA_SIGNING_KEY is not configured', async () => {
      await gw.http().get(`/api/v1/media/${randomUUID()}?expires=9999999999&signature=abc`).expect(404);
    });
  });
});
