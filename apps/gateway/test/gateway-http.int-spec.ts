import 'reflect-metadata';
import { Events } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { campaignBody } from './support/campaign-fixtures';
import { GatewayHarness } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const auth = GatewayHarness.auth;

/** The gateway's REST side against real PostgreSQL and RabbitMQ: auth, campaigns, errors, OpenAPI. */
describe('gateway HTTP API (real PostgreSQL and RabbitMQ)', () => {
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;
  const getCampaign = async (id: string, user = alice) => (await gw.http().get(`/api/v1/campaigns/${id}`).set(auth(user)).expect(200)).body;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw?.stop();
  });

  describe('auth and health', () => {
    it('serves health without a token and outside the /api/v1 prefix', async () => {
      await gw.http().get('/health/live').expect(200, { status: 'ok' });
      const ready = await eventually('ready', async () => {
        const res = await gw.http().get('/health/ready');
        return res.status === 200 ? res.body : undefined;
      });
      expect(ready.checks).toEqual({ database: true, broker: true, consumers: true, accepting: true });
      await gw.http().get('/api/v1/health/live').expect(404);
    });

    it('serves its metrics and the operators’ dead-letter API at the root, outside the JWT-protected /api', async () => {
      const metrics = await gw.http().get('/metrics').expect(200);
      const live = metrics.text.split('\n').find((l) => l.startsWith('http_request_duration_seconds_count{') && l.includes('route="/health/live"') && l.includes('status_code="200"'));
      expect(live).toMatch(/service="gateway"/);
      expect(Number(live!.split(' ').at(-1))).toBeGreaterThanOrEqual(1);
      // An unknown path is counted under one label value, never under its raw path.
      await gw.http().get('/api/v1/no-such-thing/123').expect(404);
      const after = (await gw.http().get('/metrics').expect(200)).text;
      expect(after).toMatch(/^http_request_duration_seconds_count\{[^}]*route="unmatched",status_code="404"[^}]*\} \d+$/m);
      expect(after).not.toContain('no-such-thing');
      // Not behind the JWT guard: its own ADMIN_TOKEN rule answers (unset here).
      const admin = await gw.http().get('/admin/dead-letters').expect(403);
      expect(admin.body.message).toMatch(/ADMIN_TOKEN is not set/);
      await gw.http().get('/api/v1/admin/dead-letters').expect(404);
      await gw.http().get('/api/v1/metrics').expect(404);
    });

    it('registers (email lowercased) and refuses a taken email with 409', async () => {
      const res = await gw.http().post('/api/v1/auth/register').send({ email: 'Alice@Example.com', password: 'correct horse battery' }).expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(UUID), email: 'alice@example.com', createdAt: expect.any(String) });
      const dup = await gw.http().post('/api/v1/auth/register').send({ email: 'alice@example.COM', password: 'another password' }).expect(409);
      expect(dup.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('already exists') });
    });

    it('rejects a short password and a bad email with field errors', async () => {
      const res = await gw.http().post('/api/v1/auth/register').send({ email: 'nope', password: 'short' }).expect(400);
      expect(res.body.message).toBe('Validation failed');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    });

    it('logs in with a bearer token and answers 401 with one message for a wrong password or an unknown email', async () => {
      const ok = await gw.http().post('/api/v1/auth/login').send({ email: 'ALICE@example.com', password: 'correct horse battery' }).expect(200);
      expect(ok.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });
      const claims = JSON.parse(Buffer.from(ok.body.accessToken.split('.')[1], 'base64url').toString('utf8'));
      const registered = await gw.query(`SELECT id FROM "gateway"."users" WHERE email = 'alice@example.com'`);
      expect(claims.sub).toBe(registered[0].id);
      alice = { id: claims.sub, token: ok.body.accessToken };

      const wrong = await gw.http().post('/api/v1/auth/login').send({ email: 'alice@example.com', password: 'wrong password!' }).expect(401);
      const unknown = await gw.http().post('/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'wrong password!' }).expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
      expect(unknown.body).toEqual(wrong.body);
      bob = await gw.signUp('bob@example.com');
    });

    it('answers 401 on protected routes without a valid token', async () => {
      const none = await gw.http().get('/api/v1/campaigns').expect(401);
      expect(none.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
      await gw.http().get('/api/v1/campaigns').set('Authorization', 'Bearer not.a.jwt').expect(401);
      await gw.http().get('/api/v1/posts').expect(401);
    });
  });

  describe('campaigns', () => {
    let campaignId: string;
    it('accepts a campaign with 202 and publishes campaign.requested with the state, in the bus wire format', async () => {
      const res = await gw.http()
        .post('/api/v1/campaigns')
        .set(auth(alice))
        .send(campaignBody({ startDate: '2026-12-01T09:00:00+01:00', timezone: 'Europe/Paris', contentThemes: ['speed'], brandVoice: 'warm' }))
        .expect(202);
      campaignId = res.body.id;
      expect(res.body).toMatchObject({
        id: expect.stringMatching(UUID),
        kind: 'agent',
        status: 'requested',
        revision: 1,
        startDate: '2026-12-01T08:00:00.000Z',
        timezone: 'Europe/Paris',
        targetAudience: null,
        brandVoice: 'warm',
        contentThemes: ['speed'],
        strategy: null,
        failure: null,
        posts: [],
      });
      expect(res.body.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
        'strategy:pending',
        'content:pending',
        'creative:pending',
        'schedule:pending',
      ]);

      const message = await gw.observer.waitFor(
        `${Events.CampaignRequested} on the broker`,
        (m) => m.routingKey === Events.CampaignRequested && (m.payload as CampaignStatePayload).state.campaignId === campaignId,
      );
      const body = message.payload as CampaignStatePayload;
      expect(message.headers['x-schema-version']).toBe(1);
      expect(message.messageId).toMatch(UUID);
      expect(message.correlationId).toBe(campaignId);
      expect(message.type).toBe(Events.CampaignRequested);
      expect(body.state).toEqual({
        schemaVersion: 1,
        campaignId,
        userId: alice.id,
        revision: 1,
        posts: [],
        stages: [],
        spec: {
          name: 'Spring launch',
          goal: 'Get 500 beta sign-ups',
          targetPlatforms: ['x', 'instagram'],
          startDate: '2026-12-01T08:00:00.000Z',
          durationDays: 14,
          brandVoice: 'warm',
          contentThemes: ['speed'],
          timezone: 'Europe/Paris',
        },
      });
    });

    it('defaults the start date, themes and time zone', async () => {
      const before = Date.now();
      const res = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody()).expect(202);
      expect(res.body.timezone).toBe('UTC');
      expect(res.body.contentThemes).toEqual([]);
      expect(new Date(res.body.startDate).getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('answers 400 naming every invalid field', async () => {
      const res = await gw.http()
        .post('/api/v1/campaigns')
        .set(auth(alice))
        .send(campaignBody({ durationDays: 91, targetPlatforms: ['x', 'myspace'], timezone: 'Mars/Olympus', contentThemes: ['ok', ''], extra: 1 }))
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Validation failed' });
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['durationDays', 'targetPlatforms', 'timezone', 'contentThemes', 'extra']));
      const empty = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ targetPlatforms: [], name: '' })).expect(400);
      expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'targetPlatforms']);
      await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ targetPlatforms: ['x', 'x'] })).expect(400);
    });

    it("answers 404 for another user's campaign, an unknown id and a non-uuid id", async () => {
      await getCampaign(campaignId);
      const foreign = await gw.http().get(`/api/v1/campaigns/${campaignId}`).set(auth(bob)).expect(404);
      expect(foreign.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringContaining('not found') });
      await gw.http().get(`/api/v1/campaigns/${randomUUID()}`).set(auth(alice)).expect(404);
      await gw.http().get('/api/v1/campaigns/not-a-uuid').set(auth(alice)).expect(404);
      await gw.http().post(`/api/v1/campaigns/${campaignId}/execute`).set(auth(bob)).expect(404);
    });

    it("lists only the caller's campaigns, newest first, a page at a time", async () => {
      const names = ['first', 'second', 'third'];
      for (const name of names) await gw.http().post('/api/v1/campaigns').set(auth(bob)).send(campaignBody({ name })).expect(202);
      const page1 = await gw.http().get('/api/v1/campaigns?page=1&pageSize=2').set(auth(bob)).expect(200);
      expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
      expect(page1.body.items.map((c: { name: string }) => c.name)).toEqual(['third', 'second']);
      expect(page1.body.items[0]).toEqual({
        id: expect.stringMatching(UUID),
        kind: 'agent',
        name: 'third',
        status: 'requested',
        targetPlatforms: ['x', 'instagram'],
        startDate: expect.any(String),
        durationDays: 14,
        timezone: 'UTC',
        revision: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const page2 = await gw.http().get('/api/v1/campaigns?page=2&pageSize=2').set(auth(bob)).expect(200);
      expect(page2.body.items.map((c: { name: string }) => c.name)).toEqual(['first']);
      const aliceList = await gw.http().get('/api/v1/campaigns').set(auth(alice)).expect(200);
      expect(aliceList.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
      const tooBig = await gw.http().get('/api/v1/campaigns?pageSize=101').set(auth(bob)).expect(400);
      expect(tooBig.body.errors[0].field).toBe('pageSize');
    });

    it('refuses to execute a campaign that is not scheduled (409 with its status)', async () => {
      const res = await gw.http().post(`/api/v1/campaigns/${campaignId}/execute`).set(auth(alice)).expect(409);
      expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: expect.stringContaining('requested') });
    });
  });

  describe('error bodies', () => {
    it('answers malformed JSON and unknown routes with the stable error body', async () => {
      const bad = await gw.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
      expect(bad.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      const missing = await gw.http().get('/api/v1/nowhere').set(auth(alice)).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
    });
  });

  describe('OpenAPI', () => {
    it('documents the routes, the bearer scheme and the error bodies', async () => {
      const res = await gw.http().get('/docs-json').expect(200);
      const doc = res.body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/auth/register',
          '/api/v1/auth/login',
          '/api/v1/campaigns',
          '/api/v1/campaigns/{id}',
          '/api/v1/campaigns/{id}/execute',
          '/api/v1/posts',
          '/api/v1/posts/{id}',
          '/health/live',
          '/health/ready',
        ]),
      );
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const create = doc.paths['/api/v1/campaigns'].post;
      expect(create.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(create.responses).sort()).toEqual(['202', '400', '401']);
      expect(doc.paths['/api/v1/posts/{id}'].patch.responses['409']).toBeDefined();
      expect(doc.components.schemas.CreateCampaignDto.required).toEqual(expect.arrayContaining(['name', 'goal', 'targetPlatforms', 'durationDays']));
      expect(doc.components.schemas.ValidationErrorResponseDto.properties.errors).toBeDefined();
      for (const [page, item, route] of [
        ['CampaignPageDto', 'CampaignSummaryDto', '/api/v1/campaigns'],
        ['PostPageDto', 'PostViewDto', '/api/v1/posts'],
      ]) {
        expect(doc.paths[route].get.responses['200'].content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${page}` });
        expect(doc.components.schemas[page]).toMatchObject({
          type: 'object',
          required: expect.arrayContaining(['items', 'page', 'pageSize', 'total']),
          properties: {
            items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
            page: { type: 'number', example: 1 },
            pageSize: { type: 'number', example: 20 },
            total: { type: 'number', example: 42 },
          },
        });
      }
      expect(doc.paths['/api/v1/auth/login'].post.security).toBeUndefined();
      await gw.http().get('/docs').expect(200);
    });
  });
});
