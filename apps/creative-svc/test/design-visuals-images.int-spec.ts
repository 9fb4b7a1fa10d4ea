import { Events } from '@app/contracts';
import type { Platform } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { AgentHarness, startAgent, writtenState } from '@app/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CreativeModule } from '../src/creative.module';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SPEC = {
  name: 'Harbor Coffee autumn launch',
  goal: 'Drive sign-ups for the Harbor Coffee subscription',
  targetPlatforms: ['instagram', 'x'] as Platform[],
  contentThemes: ['home brewing'],
  timezone: 'UTC',
};

/** The Creative agent with an image model configured: images generated, stored by creative-svc, served. */
describe('creative-svc with an image model (Gemini SDK against the local fake)', () => {
  let agent: AgentHarness;

  beforeAll(async () => {
    agent = await startAgent({
      service: 'creative-svc',
      module: CreativeModule.forRoot,
      observe: [Events.CampaignDesigned, Events.CampaignFailed],
      gemini: true,
      env: { GEMINI_IMAGE_MODEL: 'gemini-image-test' },
    });
  });

  afterAll(async () => {
    await agent?.stop();
  });

  it('attaches a generated image to every post with a visual and serves it from /images/{id}', async () => {
    const { svc, observer } = agent;
    const gemini = agent.gemini!;
    const state = writtenState(SPEC);
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
