import { readAgentSettings } from '@app/agent-kit';
import { CampaignState, Events, PostDraft } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { FakeGeminiServer, OfflineLlmProvider } from '@app/llm';
import { BusObserver, InProcessService, startInProcess } from '@app/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CreativeModule } from '../src/creative.module';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A written campaign, as the Content Writer hands it over (made with the offline model). */
function writtenState(): CampaignState {
  const spec: CampaignState['spec'] = {
    name: 'Harbor Coffee autumn launch',
    goal: 'Drive sign-ups for the Harbor Coffee subscription',
    targetPlatforms: ['instagram', 'x'],
    startDate: new Date().toISOString(),
    durationDays: 7,
    contentThemes: ['home brewing'],
    timezone: 'UTC',
  };
  const offline = new OfflineLlmProvider();
  const strategy = offline.run('strategy.plan', { spec });
  const { posts } = offline.run('content.write', { spec, strategy });
  const drafts: PostDraft[] = posts.map((p) => ({ id: randomUUID(), ...p }));
  return { schemaVersion: 1, campaignId: randomUUID(), userId: randomUUID(), revision: 3, spec, strategy, posts: drafts, stages: [] };
}

/** The Creative agent with an image model configured: images generated, stored by creative-svc, served. */
describe('creative-svc with an image model (Gemini SDK against the local fake)', () => {
  let gemini: FakeGeminiServer;
  let svc: InProcessService;
  let observer: BusObserver;

  beforeAll(async () => {
    gemini = new FakeGeminiServer();
    const origin = await gemini.start();
    svc = await startInProcess({
      queue: 'creative-svc',
      readConfig: (r) => readAgentSettings('creative-svc', r),
      module: CreativeModule.forRoot,
      env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: origin, GEMINI_IMAGE_MODEL: 'gemini-image-test' },
    });
    observer = await BusObserver.start(svc.namespace, [Events.CampaignDesigned, Events.CampaignFailed]);
  });

  afterAll(async () => {
    await observer?.close();
    await svc?.stop();
    await gemini?.close();
  });

  it('attaches a generated image to every post with a visual and serves it from /images/{id}', async () => {
    const state = writtenState();
    await observer.publish(Events.CampaignWritten, { state }, state.campaignId);
    const designed = await observer.waitFor('campaign.designed', (m) => m.correlationId === state.campaignId);
    expect(designed.routingKey).toBe(Events.CampaignDesigned);
    const posts = (designed.payload as CampaignStatePayload).state.posts;
    const withVisual = posts.filter((p) => p.visual);
    expect(withVisual.length).toBeGreaterThan(0);
    expect(withVisual.filter((p) => p.platform === 'instagram').length).toBe(posts.filter((p) => p.platform === 'instagram').length);
    for (const post of withVisual) {
      expect(post.visual!.imageId).toMatch(/^[0-9a-f-]{36}$/);
      expect(post.visual!.imageMimeType).toBe('image/png');
    }
    const imageRequests = gemini.requests.filter((r) => r.url.includes('gemini-image-test'));
    expect(imageRequests).toHaveLength(withVisual.length);

    const res = await request(svc.app.getHttpServer()).get(`/images/${withVisual[0].visual!.imageId}`).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect((res.body as Buffer).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    await request(svc.app.getHttpServer()).get(`/images/${randomUUID()}`).expect(404);
  });
});
