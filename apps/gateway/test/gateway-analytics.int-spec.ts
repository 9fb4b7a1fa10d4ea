import 'reflect-metadata';
import { METRIC_NAMES, WEEK_SLOTS, engagements } from '@app/contracts';
import type { AccountRecommendations, CampaignAnalyticsView, ConnectionView, MetricTotals, PostAnalyticsSummary, PostAnalyticsView, PostMetrics, RecommendationsView } from '@app/contracts';
import { FakeBluesky } from '@app/platforms';
import { eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { campaignBody } from './support/campaign-fixtures';
import { AnalyticsPeers } from './support/analytics-peers';
import { GatewayHarness } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';

const auth = GatewayHarness.auth;
const TIMEOUT_MS = 1000;
/** Readings are taken 1 s and 3 s after publication (ANALYTICS_COLLECT_AT in AnalyticsPeers). */
const READING_OFFSETS_MS = [1000, 3000];
const CSV_COLUMNS = ['post_id', 'platform', 'platform_post_id', 'published_at', 'measured_at', 'age_hours', ...METRIC_NAMES, 'engagements', 'engagement_rate'];
/** What the fake Bluesky reports for the published post, and the same in the common metric model. */
const BLUESKY_COUNTS = { likeCount: 12, replyCount: 3, repostCount: 4, quoteCount: 1, bookmarkCount: 2 };
const BLUESKY_METRICS: PostMetrics = { likes: 12, comments: 3, shares: 5, saves: 2 };

type Optimization = RecommendationsView & { campaignId: string; platforms: string[]; used: unknown };

/** The totals of one post, as the campaign view must report them for a platform with just that post. */
function totalsOfOne(post: PostAnalyticsSummary): MetricTotals {
  return { posts: 1, ...post.metrics, engagements: post.engagements, ...(post.engagementRate === undefined ? {} : { engagementRate: post.engagementRate }) };
}

/**
 * `/api/v1/analytics` on the real gateway, with the real publishing and analytics loop behind it
 * (scheduler-svc, posting-svc, analytics-svc as processes from the build, on the gateway's bus namespace,
 * real PostgreSQL and RabbitMQ). Alice has a sandbox X account (no platform at all: its simulated audience
 * has 16 weeks of history for the optimizer) and a Bluesky account on a local fake Bluesky whose counts
 * the test sets. A post she writes goes out on both, is measured twice, and feeds the models.
 */
describe('gateway analytics API (real scheduler-svc, posting-svc and analytics-svc; sandbox and fake Bluesky accounts)', () => {
  const bluesky = new FakeBluesky();
  let peers: AnalyticsPeers;
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;
  let sandbox: ConnectionView;
  let sky: ConnectionView;
  let skyDid: string;
  /** Alice's ad-hoc post, published now on both accounts, and its campaign. */
  let campaignId: string;
  let onX: string;
  let onBluesky: string;

  const get = (path: string, user: TestUser = alice) => gw.http().get(`/api/v1/analytics/${path}`).set(auth(user));
  const campaignAnalytics = async (id = campaignId) => (await get(`campaign/${id}`).expect(200)).body as CampaignAnalyticsView;
  const postAnalytics = async (id: string) => (await get(`post/${id}`).expect(200)).body as PostAnalyticsView;
  /**
   * A post's analytics once collection is done (no reading is due any more). Besides the scheduled readings,
   * the account's history import may add one: it meets the post on the account's timeline too.
   */
  const fullyMeasured = (id: string) =>
    eventually(`the scheduled readings of post ${id}`, async () => {
      const view = await postAnalytics(id);
      return view.series.length >= READING_OFFSETS_MS.length && view.nextCollectionAt === undefined ? view : undefined;
    });

  beforeAll(async () => {
    await bluesky.start();
    const addresses = await AnalyticsPeers.reserve();
    gw = await GatewayHarness.start({ env: { ...AnalyticsPeers.gatewayEnv(addresses), ANALYTICS_TIMEOUT_MS: String(TIMEOUT_MS) } });
    peers = await AnalyticsPeers.start(gw.namespace, addresses, { BLUESKY_API_BASE_URL: bluesky.url });
    alice = await gw.signUp('alice@example.com');
    bob = await gw.signUp('bob@example.com');
  });

  afterAll(async () => {
    await peers?.stop();
    await gw?.stop();
    await bluesky.close();
  });

  describe('connecting accounts', () => {
    it('connects a sandbox account without any token, marked as such', async () => {
      const res = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', sandbox: true, timeZone: 'Europe/Paris' }).expect(201);
      sandbox = res.body;
      expect(sandbox).toMatchObject({ platform: 'x', kind: 'sandbox', status: 'active', timeZone: 'Europe/Paris', accountName: 'Sandbox x audience' });
    });

    it('connects a platform account as kind platform, and lists both with their kind', async () => {
      const account = bluesky.addAccount('alice.bsky.social');
      skyDid = account.did;
      sky = (await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'bluesky', identifier: account.handle, appPassword: account.appPassword }).expect(201)).body;
      expect(sky).toMatchObject({ platform: 'bluesky', kind: 'platform', accountId: account.did });
      const listed = (await gw.http().get('/api/v1/platforms').set(auth(alice)).expect(200)).body as ConnectionView[];
      expect(listed.map((c) => [c.id, c.kind]).sort()).toEqual([[sandbox.id, 'sandbox'], [sky.id, 'platform']].sort());
    });

    it('still demands a token for a platform account, and a boolean sandbox flag', async () => {
      const noToken = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x' }).expect(400);
      expect(noToken.body.errors.map((e: { field: string }) => e.field)).toEqual(['accessToken']);
      const notBoolean = await gw.http().post('/api/v1/platforms/connect').set(auth(alice)).send({ platform: 'x', sandbox: 'yes' }).expect(400);
      expect(notBoolean.body.errors.map((e: { field: string }) => e.field)).toContain('sandbox');
    });
  });

  describe('a published post', () => {
    beforeAll(async () => {
      const created = await gw.http().post('/api/v1/posts').set(auth(alice)).send({ text: 'Dark mode is here, on every device. #release', connectionIds: [sandbox.id, sky.id] }).expect(201);
      campaignId = created.body.campaignId;
      [onX, onBluesky] = created.body.posts.map((p: { id: string }) => p.id);
      // The audience reacts as soon as the post is on Bluesky (before the first reading, 1 s after publication).
      const record = await eventually('the post on the fake Bluesky', async () => bluesky.postsOf(skyDid)[0], 20_000, 20);
      bluesky.setCounts(record.uri, BLUESKY_COUNTS);
    });

    it("reports the campaign's totals, per platform and per post once the posts are measured", async () => {
      await Promise.all([fullyMeasured(onX), fullyMeasured(onBluesky)]);
      const view = await campaignAnalytics();
      const gatewayPost = async (id: string) => (await gw.http().get(`/api/v1/posts/${id}`).set(auth(alice)).expect(200)).body;
      const [xPost, skyPost] = await Promise.all([gatewayPost(onX), gatewayPost(onBluesky)]);
      expect(view.campaignId).toBe(campaignId);
      const byPlatform = (platform: string) => view.posts.find((p) => p.platform === platform)!;
      expect(byPlatform('x')).toMatchObject({ postId: onX, status: 'published', platformPostId: xPost.platformPostId });
      expect(byPlatform('bluesky')).toEqual({
        postId: onBluesky,
        platform: 'bluesky',
        status: 'published',
        platformPostId: skyPost.platformPostId,
        publishedAt: expect.any(String),
        metrics: BLUESKY_METRICS,
        engagements: 22,
        measuredAt: expect.any(String),
      });
      const x = byPlatform('x');
      expect(x.engagements).toBe(engagements(x.metrics));
      expect(view.platforms).toEqual([
        { platform: 'bluesky', ...totalsOfOne(byPlatform('bluesky')) },
        { platform: 'x', ...totalsOfOne(x) },
      ]);
      // The campaign's totals add both posts up; X's metrics come from the sandbox's simulated audience.
      const sum = (name: keyof PostMetrics) => (x.metrics[name] === undefined && BLUESKY_METRICS[name] === undefined ? undefined : (x.metrics[name] ?? 0) + (BLUESKY_METRICS[name] ?? 0));
      for (const name of METRIC_NAMES) expect(view.totals[name]).toBe(sum(name));
      expect(view.totals).toMatchObject({ posts: 2, engagements: x.engagements + 22 });
      // Over time: the last day holds every post's latest reading, i.e. the totals.
      const lastReading = view.posts.map((p) => p.measuredAt!).sort()[1];
      expect(view.overTime[view.overTime.length - 1]).toEqual({ date: lastReading.slice(0, 10), ...view.totals });
    });

    it('gives each post a series that grows with every reading until collection is done', async () => {
      for (const postId of [onX, onBluesky]) {
        const view = await fullyMeasured(postId);
        expect(view).toMatchObject({ postId, campaignId, status: 'published' });
        const published = Date.parse(view.publishedAt!);
        view.series.forEach((reading, i) => {
          // Its age is the hours since publication (to the hundredth); lifetime counts never go down.
          expect(reading.ageHours).toBeCloseTo((Date.parse(reading.at) - published) / 3_600_000, 2);
          if (i === 0) return;
          const previous = view.series[i - 1];
          expect(Date.parse(reading.at)).toBeGreaterThan(Date.parse(previous.at));
          for (const name of METRIC_NAMES) expect(reading.metrics[name] ?? 0).toBeGreaterThanOrEqual(previous.metrics[name] ?? 0);
        });
        const last = view.series[view.series.length - 1];
        // The last scheduled reading was not taken before it was due.
        expect(Date.parse(last.at)).toBeGreaterThanOrEqual(published + READING_OFFSETS_MS[READING_OFFSETS_MS.length - 1]);
        expect(view.metrics).toEqual(last.metrics);
        expect(view.measuredAt).toBe(last.at);
      }
      expect((await postAnalytics(onBluesky)).metrics).toEqual(BLUESKY_METRICS);
    });

    it('exports every reading as CSV, as an attachment named after the campaign', async () => {
      const series = { [onX]: (await fullyMeasured(onX)).series, [onBluesky]: (await fullyMeasured(onBluesky)).series };
      const res = await get(`campaign/${campaignId}/export.csv`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="campaign-${campaignId}-analytics.csv"`);
      const [header, ...rows] = res.text.trimEnd().split('\r\n').map((line) => line.split(','));
      expect(header).toEqual(CSV_COLUMNS);
      expect(rows).toHaveLength(series[onX].length + series[onBluesky].length);
      for (const postId of [onX, onBluesky]) {
        const mine = rows.filter((row) => row[0] === postId);
        expect(mine).toHaveLength(series[postId].length);
        mine.forEach((row, i) => {
          const cell = (column: string) => row[CSV_COLUMNS.indexOf(column)];
          const reading = series[postId][i];
          expect(cell('measured_at')).toBe(reading.at);
          for (const name of METRIC_NAMES) expect(cell(name)).toBe(reading.metrics[name] === undefined ? '' : String(reading.metrics[name]));
          expect(Number(cell('engagements'))).toBe(engagements(reading.metrics));
        });
      }
    });

    it('answers 404 for a post that has not been published yet, saying so', async () => {
      const later = new Date(Date.now() + 2 * 3_600_000).toISOString();
      const created = await gw.http().post('/api/v1/posts').set(auth(alice)).send({ text: 'Later today', connectionIds: [sandbox.id], scheduledTime: later }).expect(201);
      const id = created.body.posts[0].id;
      expect((await get(`post/${id}`).expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: `Post ${id} has no analytics: it has not been published (status: armed)` });
    });
  });

  describe('ownership and ids', () => {
    it("answers another user's campaign exactly like a missing one, on every route", async () => {
      const missing = randomUUID();
      for (const route of ['campaign/%s', 'campaign/%s/export.csv', 'optimize/%s']) {
        const theirs = await get(route.replace('%s', campaignId), bob).expect(404);
        const none = await get(route.replace('%s', missing), bob).expect(404);
        expect(theirs.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Campaign ${campaignId} not found` });
        expect(none.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Campaign ${missing} not found` });
      }
    });

    it("answers another user's post exactly like a missing one", async () => {
      const missing = randomUUID();
      expect((await get(`post/${onX}`, bob).expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: `Post ${onX} not found` });
      expect((await get(`post/${missing}`, bob).expect(404)).body).toEqual({ statusCode: 404, error: 'Not Found', message: `Post ${missing} not found` });
    });

    it('answers 404 naming the id when it is not a UUID (like every gateway route), and 401 without a token', async () => {
      expect((await get('campaign/not-a-uuid').expect(404)).body.message).toBe('Campaign not-a-uuid not found');
      expect((await get('post/42').expect(404)).body.message).toBe('Post 42 not found');
      await gw.http().get(`/api/v1/analytics/campaign/${campaignId}`).expect(401);
    });

    it('answers zeros for a campaign of the caller that published nothing yet', async () => {
      const created = await gw.http().post('/api/v1/campaigns').set(auth(bob)).send(campaignBody()).expect(202);
      const view = (await get(`campaign/${created.body.id}`, bob).expect(200)).body;
      expect(view).toEqual({ campaignId: created.body.id, totals: { posts: 0, engagements: 0 }, platforms: [], posts: [], overTime: [] });
    });
  });

  describe('optimization', () => {
    it("returns each account's model for the campaign's platforms: the sandbox's learned from its history, Bluesky's from the post", async () => {
      const view = await eventually(
        'models of both accounts',
        async () => {
          const v = (await get(`optimize/${campaignId}`).expect(200)).body as Optimization;
          return v.accounts.length === 2 ? v : undefined;
        },
        30_000,
      );
      expect(view).toMatchObject({ campaignId, platforms: ['x', 'bluesky'], platformsWithoutModel: [], used: null });
      const account = (connectionId: string) => view.accounts.find((a) => a.connectionId === connectionId)!;
      expect(account(sky.id)).toMatchObject({ platform: 'bluesky', observations: 1, basis: 'engagements' });
      const model: AccountRecommendations = account(sandbox.id);
      expect(model).toMatchObject({ platform: 'x', accountName: 'Sandbox x audience', timeZone: 'Europe/Paris', basis: 'engagement_rate' });
      // 16 weeks of simulated history, a post a day.
      expect(model.observations).toBeGreaterThan(100);
      expect(model.slots).toHaveLength(WEEK_SLOTS);
      for (const slot of model.slots) {
        expect(slot.mean).toBeGreaterThan(0);
        expect(slot.sd).toBeGreaterThan(0);
        expect(slot.confidence).toBeGreaterThanOrEqual(0);
        expect(slot.confidence).toBeLessThanOrEqual(1);
      }
      expect(model.bestSlots.length).toBeGreaterThan(0);
      for (const best of model.bestSlots) {
        const slot = model.slots[best.weekday * 24 + best.hour];
        expect(best.expectedLift).toBeCloseTo(slot.mean - 1, 6);
        expect(best.confidence).toBeCloseTo(slot.confidence, 6);
        expect(best.confidence).toBeGreaterThan(0);
      }
      expect(model.contentInsights.length).toBeGreaterThan(0);
      expect(model.contentInsights[0]).toEqual(expect.objectContaining({ feature: expect.any(String), n: expect.any(Number), finding: expect.any(String) }));
    });

    it('lists target platforms without a model, and what the campaign used from its read model', async () => {
      const created = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ targetPlatforms: ['x', 'linkedin'] })).expect(202);
      // What the projection stores from the campaign state when the agents used the recommendations.
      const used = { schedule: { runIds: [randomUUID()], learnedPosts: 3, defaultPosts: 1, exploredPosts: 1 } };
      await gw.query(`UPDATE "gateway"."campaigns" SET "recommendations" = $2 WHERE "id" = $1`, [created.body.id, JSON.stringify(used)]);
      const view = (await get(`optimize/${created.body.id}`).expect(200)).body as Optimization;
      expect(view).toMatchObject({ campaignId: created.body.id, platforms: ['x', 'linkedin'], platformsWithoutModel: ['linkedin'], used });
      expect(view.accounts.map((a) => a.connectionId)).toEqual([sandbox.id]);
    });
  });

  describe('OpenAPI', () => {
    it('documents the analytics routes with their response bodies, and the sandbox fields', async () => {
      const doc = (await gw.http().get('/docs-json').expect(200)).body;
      const routes: Array<[string, string]> = [
        ['/api/v1/analytics/campaign/{id}', 'CampaignAnalyticsDto'],
        ['/api/v1/analytics/post/{id}', 'PostAnalyticsDto'],
        ['/api/v1/analytics/optimize/{id}', 'CampaignOptimizationDto'],
      ];
      for (const [route, schema] of routes) {
        const get = doc.paths[route].get;
        expect(get.tags).toEqual(['analytics']);
        expect(get.security).toEqual([{ bearer: [] }]);
        expect(get.responses['200'].content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${schema}` });
        expect(Object.keys(get.responses).sort()).toEqual(['200', '401', '404', '502', '503']);
      }
      expect(Object.keys(doc.paths['/api/v1/analytics/campaign/{id}/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
      expect(doc.components.schemas.AccountRecommendationsDto.properties.slots).toMatchObject({ type: 'array', minItems: WEEK_SLOTS, maxItems: WEEK_SLOTS });
      expect(doc.components.schemas.ConnectPlatformDto.properties.sandbox).toMatchObject({ type: 'boolean' });
      expect(doc.components.schemas.ConnectionViewDto.properties.kind).toMatchObject({ enum: ['platform', 'sandbox'] });
    });
  });

  describe('analytics-svc unavailable', () => {
    it('answers 503 with a clear message on every route when analytics-svc is down, and recovers when it is back', async () => {
      await peers.analyticsDown();
      try {
        for (const route of [`campaign/${campaignId}`, `campaign/${campaignId}/export.csv`, `post/${onX}`, `optimize/${campaignId}`]) {
          const res = await get(route).expect(503);
          expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'The analytics service is unavailable; try again shortly', errorId: expect.any(String) });
        }
      } finally {
        await peers.analyticsUp();
      }
      await get(`campaign/${campaignId}`).expect(200);
    });

    it('answers 503 naming the deadline when analytics-svc does not answer in time', async () => {
      peers.analyticsHangs();
      try {
        const res = await get(`post/${onX}`).expect(503);
        expect(res.body.message).toBe(`The analytics service did not answer within ${TIMEOUT_MS} ms; try again shortly`);
      } finally {
        peers.analyticsAnswers();
      }
    });
  });
});
