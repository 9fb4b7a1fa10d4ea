import { PLATFORM_LIMITS, countHashtags, platformTextLength } from '@app/contracts';
import { eventually } from '@app/testing';
import request from 'supertest';
import { ApiSession } from './api-client';

/** What the scenario needs from a running system, whichever way it was started. */
export interface SystemUnderTest {
  gatewayUrl: string;
  /** The model provider the agents run on (recorded on every model stage). */
  llmProvider: string;
  /** Whether an image model is configured (posts with a visual then have an image). */
  images: boolean;
  /** Reads a row count from the system's database (for facts the API does not expose, e.g. the sandbox). */
  count(sql: string, params: unknown[]): Promise<number>;
}

interface PostView {
  id: string;
  platform: 'x' | 'instagram' | 'facebook';
  contentType: string;
  text: string;
  threadParts: string[] | null;
  hashtags: string[];
  visual: { concept: string; imagePrompt: string; altText: string; imageUrl: string | null } | null;
  scheduledTime: string;
  status: string;
  platformPostId: string | null;
}

const CAMPAIGN = {
  name: 'Harbor Coffee autumn launch',
  goal: 'Drive sign-ups for the Harbor Coffee subscription among remote workers',
  targetPlatforms: ['x', 'instagram', 'facebook'],
  durationDays: 7,
  targetAudience: 'remote workers aged 25-40 who care about specialty coffee',
  brandVoice: 'warm, witty and knowledgeable',
  contentThemes: ['single-origin beans', 'home brewing tips', 'morning routines'],
  timezone: 'Europe/Lisbon',
};

/** The foundation's end-to-end scenario: from registration to a published post, over HTTP only. */
export function campaignFlowScenario(getSystem: () => SystemUnderTest): void {
  let alice: ApiSession;
  let campaignId: string;
  let posts: PostView[];

  const api = () => getSystem().gatewayUrl;
  const viewOf = async (id: string) => (await alice.get(`/api/v1/campaigns/${id}`).expect(200)).body;

  it('registers and logs in; every API route needs the token, health does not', async () => {
    alice = await ApiSession.register(api(), `alice-${Date.now()}@example.com`);
    expect(alice.token.split('.')).toHaveLength(3);
    await request(api()).get('/api/v1/campaigns').expect(401);
    await request(api()).get('/health/ready').expect(200);
  });

  it('rejects a bad campaign with errors that name the fields', async () => {
    const res = await alice.post('/api/v1/campaigns', { ...CAMPAIGN, targetPlatforms: ['myspace'], durationDays: 0, timezone: 'Mars/Olympus' }).expect(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['targetPlatforms', 'durationDays', 'timezone']));
  });

  it('accepts a campaign at once and the agents take it to scheduled', async () => {
    const res = await alice.post('/api/v1/campaigns', { ...CAMPAIGN, startDate: new Date().toISOString() });
    expect([201, 202]).toContain(res.status);
    campaignId = res.body.id;
    const view = await eventually('campaign scheduled', async () => {
      const v = await viewOf(campaignId);
      if (v.status === 'failed') throw new Error(`campaign failed: ${JSON.stringify(v.failure)}`);
      return v.status === 'scheduled' ? v : undefined;
    }, 60_000, 250);
    expect(view.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
      'strategy:succeeded', 'content:succeeded', 'creative:succeeded', 'schedule:succeeded',
    ]);
    expect(view.strategy.pillars.length).toBeGreaterThanOrEqual(3);
    const modelStages = view.stages.filter((s: { stage: string }) => s.stage !== 'schedule');
    expect(modelStages.map((s: { usage: { provider: string } }) => s.usage.provider)).toEqual(Array(3).fill(getSystem().llmProvider));
    expect(view.usage.modelCalls).toBeGreaterThanOrEqual(3);
    expect(view.usage.tokensOut).toBeGreaterThan(0);
    posts = view.posts;
    expect(new Set(posts.map((p) => p.platform))).toEqual(new Set(['x', 'instagram', 'facebook']));
  });

  it('writes posts that fit their platforms, each with a time, Instagram ones with a visual', () => {
    for (const post of posts) {
      for (const part of post.threadParts ?? [post.text]) {
        expect(platformTextLength(post.platform, part)).toBeLessThanOrEqual(PLATFORM_LIMITS[post.platform].maxTextLength);
      }
      if (post.platform === 'instagram') {
        expect(countHashtags(post.text)).toBeLessThanOrEqual(30);
        expect(post.visual?.imagePrompt.length).toBeGreaterThan(20);
      }
      expect(Number.isNaN(Date.parse(post.scheduledTime))).toBe(false);
      expect(post.status).toBe('draft');
    }
    expect(new Set(posts.map((p) => p.text)).size).toBe(posts.length);
  });

  it('serves generated images to the owner only, when an image model is configured', async () => {
    const withVisual = posts.filter((p) => p.visual);
    expect(withVisual.length).toBeGreaterThan(0);
    if (!getSystem().images) {
      expect(withVisual.every((p) => p.visual!.imageUrl === null)).toBe(true);
      return;
    }
    expect(withVisual.every((p) => p.visual!.imageUrl === `/api/v1/posts/${p.id}/image`)).toBe(true);
    const res = await alice.get(withVisual[0].visual!.imageUrl!).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    const eve = await ApiSession.register(api(), `eve-${Date.now()}@example.com`);
    await eve.get(withVisual[0].visual!.imageUrl!).expect(404);
  });

  it('hides a campaign from another user (404) and lists only the caller’s own', async () => {
    const bob = await ApiSession.register(api(), `bob-${Date.now()}@example.com`);
    await bob.get(`/api/v1/campaigns/${campaignId}`).expect(404);
    const list = await bob.get('/api/v1/campaigns').expect(200);
    expect(list.body.total).toBe(0);
    const mine = await alice.get('/api/v1/campaigns?page=1&pageSize=10').expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(campaignId);
  });

  it('publishes a rescheduled post at its new time and never publishes a deleted one', async () => {
    const [kept, deleted] = posts.filter((p) => p.platform === 'x');
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    // The deleted post is made due before the kept one: had it been dispatched, it would be published first.
    await alice.patch(`/api/v1/posts/${deleted.id}`, { scheduledTime: soon(2_000) }).expect(200);
    await alice.delete(`/api/v1/posts/${deleted.id}`).expect(204);
    await alice.patch(`/api/v1/posts/${kept.id}`, { scheduledTime: soon(4_000) }).expect(200);
    await alice.post(`/api/v1/campaigns/${campaignId}/execute`).expect(202);

    const published = await eventually('rescheduled post published', async () => {
      const p = (await alice.get(`/api/v1/posts/${kept.id}`).expect(200)).body;
      if (p.status === 'failed') throw new Error(`post failed: ${p.error}`);
      return p.status === 'published' ? p : undefined;
    }, 30_000, 250);
    expect(published.platformPostId).toMatch(/^sbx_x_/);
    const afterExecution = await viewOf(campaignId);
    expect(afterExecution.status).toBe('active');
    const waiting = afterExecution.posts.filter((p: PostView) => p.id !== kept.id && p.id !== deleted.id);
    expect(waiting.length).toBe(posts.length - 2);
    expect(waiting.every((p: PostView) => p.status === 'armed')).toBe(true);

    const gone = (await alice.get(`/api/v1/posts/${deleted.id}`).expect(200)).body;
    expect(gone.status).toBe('cancelled');
    const system = getSystem();
    expect(await system.count('SELECT count(*)::int AS n FROM posting.sandbox_posts WHERE idempotency_key = $1', [deleted.id])).toBe(0);
    expect(await system.count('SELECT count(*)::int AS n FROM posting.sandbox_posts WHERE idempotency_key = $1', [kept.id])).toBe(1);
    await eventually('analytics recorded the publication', async () =>
      (await system.count(`SELECT count(*)::int AS n FROM analytics.posts WHERE id = $1 AND status = 'published'`, [kept.id])) === 1 ? true : undefined);
  });

  it('filters posts by campaign, status and platform', async () => {
    const res = await alice.get(`/api/v1/posts?campaignId=${campaignId}&status=published&platform=x`).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].status).toBe('published');
  });
}
