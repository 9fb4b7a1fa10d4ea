import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FakePostingSvc, REFUSED_CODE, REJECTED_TOKEN } from './support/fake-posting-svc';
import { GatewayHarness } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';

const auth = GatewayHarness.auth;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET_TOKEN = 'x-access-token-that-must-never-leak';
const TIMEOUT_MS = 1000;

/**
 * `/api/v1/platforms` against a fake posting-svc internal API on loopback (the documented contract of
 * another service), with the real gateway on real PostgreSQL and RabbitMQ.
 */
describe('gateway platforms API (fake posting-svc, real PostgreSQL and RabbitMQ)', () => {
  let posting: FakePostingSvc;
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    posting = await FakePostingSvc.start();
    gw = await GatewayHarness.start({ env: { POSTING_URL: posting.url, POSTING_TIMEOUT_MS: String(TIMEOUT_MS) } });
    alice = await gw.signUp('alice@example.com');
    bob = await gw.signUp('bob@example.com');
  });

  afterAll(async () => {
    await gw?.stop();
    await posting?.server.stop();
  });

  describe('connect, list, disconnect', () => {
    let connectionId: string;

    it('connects an account: 201 with the connection, the user and the token relayed to posting-svc, no token in the answer', async () => {
      const body = { platform: 'x', accessToken: SECRET_TOKEN, refreshToken: 'refresh-secret-value', expiresAt: '2026-12-01T00:00:00Z', timeZone: 'Europe/Paris' };
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send(body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID),
        platform: 'x',
        accountId: 'x-me',
        accountName: '@x-me',
        serverUrl: null,
        status: 'active',
        statusReason: null,
        expiresAt: '2026-12-01T00:00:00Z',
        scopes: null,
        timeZone: 'Europe/Paris',
        connectedAt: expect.any(String),
        blockedPosts: 0,
      });
      expect(JSON.stringify(res.body)).not.toContain(SECRET_TOKEN);
      connectionId = res.body.id;
      const relayed = posting.requests.filter((r) => r.method === 'POST' && r.path === '/internal/connections').at(-1);
      expect(relayed?.body).toEqual({ userId: alice.id, ...body });
    });

    it('answers 200 when it updated the existing connection of that account', async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: 'a-fresh-token' }).expect(200);
      expect(res.body.id).toBe(connectionId);
    });

    it("passes posting-svc's 409 through when the account belongs to another user", async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(bob)).send({ platform: 'x', accessToken: 'bobs-token' }).expect(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'this x account is connected to another user' });
    });

    it("passes posting-svc's field errors through in the gateway's format, without the token they quote", async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'mastodon', accessToken: REJECTED_TOKEN, serverUrl: 'https://mastodon.example' }).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'accessToken', messages: ['the platform rejected the token: [redacted] is revoked'] }],
      });
      expect(JSON.stringify(res.body)).not.toContain(REJECTED_TOKEN);
    });

    it('validates on the gateway first, naming each field, without calling posting-svc', async () => {
      const before = posting.requests.length;
      const bad = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'myspace', expiresAt: 'tomorrow', timeZone: 'Mars/Olympus', extra: 1 }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessToken', 'expiresAt', 'extra', 'platform', 'timeZone']);
      const mastodon = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'mastodon', accessToken: 't0ken' }).expect(400);
      expect(mastodon.body.errors).toEqual([{ field: 'serverUrl', messages: expect.arrayContaining([expect.stringContaining('serverUrl is required on mastodon')]) }]);
      const appPassword = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', identifier: 'me', appPassword: 'pw-pw-pw' }).expect(400);
      expect(appPassword.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessToken', 'appPassword', 'identifier']);
      expect(appPassword.body.errors.find((e: { field: string }) => e.field === 'identifier').messages).toContain('identifier is only used on bluesky');
      expect(posting.requests.length).toBe(before);
    });

    it('connects Bluesky with a handle and an app password instead of a token', async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'bluesky', identifier: 'alice.bsky.social', appPassword: 'abcd-efgh-ijkl' }).expect(201);
      expect(res.body).toMatchObject({ platform: 'bluesky', accountName: '@alice.bsky.social' });
    });

    it("lists only the caller's connections, with status, reason and blocked posts, never tokens", async () => {
      posting.seed(alice.id, 'mastodon', { status: 'reconnect_required', statusReason: 'the token was revoked', blockedPosts: 2, serverUrl: 'https://mastodon.example' });
      const res = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
      expect(res.body.map((c: { platform: string }) => c.platform).sort()).toEqual(['bluesky', 'mastodon', 'x']);
      expect(res.body.find((c: { platform: string }) => c.platform === 'mastodon')).toMatchObject({
        status: 'reconnect_required',
        statusReason: 'the token was revoked',
        blockedPosts: 2,
        serverUrl: 'https://mastodon.example',
      });
      expect(JSON.stringify(res.body)).not.toMatch(/token-|a-fresh-token|seeded-|accessToken/);
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
    it("starts a flow: posting-svc's authorize URL, state and expiry for the caller", async () => {
      const res = await gw.http().get('/api/v1/platforms/oauth/x/start?timeZone=Asia/Tokyo').set(auth(alice)).expect(200);
      expect(res.body).toEqual({ authorizeUrl: expect.stringContaining('https://x.example/oauth/authorize?state='), state: expect.any(String), expiresAt: expect.any(String) });
      expect(posting.requests.at(-1)).toMatchObject({ path: '/internal/oauth/x/start', body: { userId: alice.id, timeZone: 'Asia/Tokyo' } });
    });

    it('answers 400 with the variable to set when the platform has no OAuth client, 404 for an unknown platform, 401 without a token', async () => {
      const res = await gw.http().get('/api/v1/platforms/oauth/facebook/start').set(auth(alice)).expect(400);
      expect(res.body.message).toContain('FACEBOOK_CLIENT_ID');
      await gw.http().get('/api/v1/platforms/oauth/myspace/start').set(auth(alice)).expect(404);
      await gw.http().get('/api/v1/platforms/oauth/x/start').expect(401);
      const bad = await gw.http().get('/api/v1/platforms/oauth/mastodon/start?serverUrl=not-a-url').set(auth(alice)).expect(400);
      expect(bad.body.errors[0].field).toBe('serverUrl');
    });

    it('completes the flow without a bearer token: 200 with the connection (no userId, no token)', async () => {
      const { state } = (await gw.http().get('/api/v1/platforms/oauth/linkedin/start').set(auth(alice)).expect(200)).body;
      const res = await gw.http().get(`/api/v1/platforms/oauth/linkedin/callback?code=good-code&state=${state}&iss=https://linkedin.example`).expect(200);
      expect(res.body).toMatchObject({ id: expect.stringMatching(UUID), platform: 'linkedin', accountId: 'linkedin-oauth', status: 'active' });
      expect(res.body).not.toHaveProperty('userId');
      expect(JSON.stringify(res.body)).not.toContain('good-code');
      expect(posting.requests.at(-1)).toMatchObject({ path: '/internal/oauth/linkedin/callback', body: { state, code: 'good-code' } });
      const list = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
      expect(list.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
    });

    it('answers 400 naming the reason for a denial, a refused code or an unknown state', async () => {
      const denied = await gw.http().get('/api/v1/platforms/oauth/x/callback?error=access_denied&error_description=The+user+said+no&state=s').expect(400);
      expect(denied.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'OAuth connection to x failed (access_denied): x did not authorize the connection (access_denied): The user said no' });
      const { state } = (await gw.http().get('/api/v1/platforms/oauth/x/start').set(auth(alice)).expect(200)).body;
      const refused = await gw.http().get(`/api/v1/platforms/oauth/x/callback?code=${REFUSED_CODE}&state=${state}`).expect(400);
      expect(refused.body.message).toBe('OAuth connection to x failed (connection_failed): x refused the authorization code [redacted]');
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
      redirecting = await GatewayHarness.start({ env: { POSTING_URL: posting.url, OAUTH_RESULT_URL: RESULT } });
      carol = await redirecting.signUp('carol@example.com');
    });

    afterAll(async () => {
      await redirecting?.stop();
    });

    it('redirects (302) to the result page with the platform and connection id', async () => {
      const { state } = (await redirecting.http().get('/api/v1/platforms/oauth/x/start').set(auth(carol)).expect(200)).body;
      const res = await redirecting.http().get(`/api/v1/platforms/oauth/x/callback?code=carol-code&state=${state}`).expect(302);
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
      await posting.server.stop();
      try {
        const res = await redirecting.http().get('/api/v1/platforms/oauth/x/callback?code=c0de&state=s').expect(302);
        expect(new URL(res.headers.location).searchParams.get('error')).toBe('temporarily_unavailable');
      } finally {
        await posting.server.start();
      }
    });
  });

  describe('posting-svc unavailable', () => {
    it('answers 503 with a clear message when posting-svc does not answer in time', async () => {
      posting.server.hang = true;
      try {
        const started = Date.now();
        const res = await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(503);
        expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining(`did not answer within ${TIMEOUT_MS} ms`), errorId: expect.any(String) });
      } finally {
        posting.server.hang = false;
      }
    });

    it('answers 503 (not 500) on every posting-svc route when it is down, and recovers when it is back', async () => {
      await posting.server.stop();
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
        await posting.server.start();
      }
      await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200);
    });
  });

  describe('secrets', () => {
    it('never logs the tokens, app passwords or codes it relays, whatever the outcome', async () => {
      const methods = ['log', 'warn', 'error', 'debug', 'verbose', 'fatal'] as const;
      const spies = methods.map((method) => jest.spyOn(Logger.prototype, method));
      const staticSpies = methods.map((method) => jest.spyOn(Logger, method));
      const stdout = jest.spyOn(process.stdout, 'write');
      const stderr = jest.spyOn(process.stderr, 'write');
      try {
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accountId: 'secret-test', accessToken: SECRET_TOKEN, refreshToken: `${SECRET_TOKEN}-r` }).expect(201);
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'bluesky', identifier: 'a.bsky.social', appPassword: `${SECRET_TOKEN}-pw` }).expect(201);
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: REJECTED_TOKEN }).expect(400);
        await gw.http().get(`/api/v1/platforms/oauth/x/callback?code=${SECRET_TOKEN}-code&state=${randomUUID()}`).expect(400);
        posting.server.hang = true;
        await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', accessToken: SECRET_TOKEN }).expect(503);
      } finally {
        posting.server.hang = false;
      }
      const logged = [...spies, ...staticSpies, stdout, stderr].flatMap((spy) => (spy.mock.calls as unknown[][]).flat().map(String)).join('\n');
      for (const spy of [...spies, ...staticSpies, stdout, stderr]) spy.mockRestore();
      expect(logged).toContain('connected x account'); // the spies did see the gateway's logs
      expect(logged).not.toContain(SECRET_TOKEN);
      expect(logged).not.toContain(REJECTED_TOKEN);
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
