import { Events } from '@app/contracts';
import type { Platform } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { FakeGeminiServer } from '@app/llm';
import { AgentHarness, plannedState, startAgent } from '@app/testing';
import { ContentModule } from '../src/content.module';

const SPEC = {
  name: 'Riverside Climbing Gym open week',
  goal: 'Get 150 first-time climbers to book an intro session',
  targetPlatforms: ['x', 'instagram', 'facebook'] as Platform[],
  contentThemes: ['first climb', 'safety basics', 'community nights'],
  timezone: 'Europe/Berlin',
};

/** The Content Writer splits a large stage into batches (AGENT_BATCH_POSTS) and sums their usage. */
describe('content-svc batches model calls', () => {
  let agent: AgentHarness;

  beforeAll(async () => {
    agent = await startAgent({
      service: 'content-svc',
      module: ContentModule.forRoot,
      observe: [Events.CampaignWritten, Events.CampaignFailed],
      gemini: true,
      env: { AGENT_BATCH_POSTS: '4' },
    });
  });

  afterAll(async () => {
    await agent?.stop();
  });

  it('writes every planned post over ceil(n / 4) calls, each asking for at most 4 posts', async () => {
    const { observer } = agent;
    const gemini = agent.gemini!;
    const state = plannedState(SPEC);
    const planned = state.strategy!.plan.length;
    expect(planned).toBeGreaterThan(8);
    await observer.publish(Events.CampaignPlanned, { state }, state.campaignId);
    const written = await observer.waitFor('campaign.written', (m) => m.correlationId === state.campaignId);
    expect(written.routingKey).toBe(Events.CampaignWritten);
    const next = (written.payload as CampaignStatePayload).state;
    expect(next.posts.map((p) => p.planId)).toEqual(state.strategy!.plan.map((p) => p.planId));
    expect(new Set(next.posts.map((p) => p.text)).size).toBe(planned);
    const calls = Math.ceil(planned / 4);
    expect(next.stages[0].usage?.calls).toBe(calls);
    expect(gemini.requests).toHaveLength(calls);
    for (const request of gemini.requests) {
      const asked = (FakeGeminiServer.userTexts(request).join('\n').match(/"planId":/g) ?? []).length;
      expect(asked).toBeGreaterThan(0);
      expect(asked).toBeLessThanOrEqual(4);
    }
  });
});
