import { readAgentSettings } from '@app/agent-kit';
import { CampaignState, Events } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { FakeGeminiServer, OfflineLlmProvider } from '@app/llm';
import { BusObserver, InProcessService, startInProcess } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { ContentModule } from '../src/content.module';

function plannedState(): CampaignState {
  const spec: CampaignState['spec'] = {
    name: 'Riverside Climbing Gym open week',
    goal: 'Get 150 first-time climbers to book an intro session',
    targetPlatforms: ['x', 'instagram', 'facebook'],
    startDate: new Date().toISOString(),
    durationDays: 7,
    contentThemes: ['first climb', 'safety basics', 'community nights'],
    timezone: 'Europe/Berlin',
  };
  const strategy = new OfflineLlmProvider().run('strategy.plan', { spec });
  return { schemaVersion: 1, campaignId: randomUUID(), userId: randomUUID(), revision: 2, spec, strategy, posts: [], stages: [] };
}

/** The Content Writer splits a large stage into batches (AGENT_BATCH_POSTS) and sums their usage. */
describe('content-svc batches model calls', () => {
  let gemini: FakeGeminiServer;
  let svc: InProcessService;
  let observer: BusObserver;

  beforeAll(async () => {
    gemini = new FakeGeminiServer();
    const origin = await gemini.start();
    svc = await startInProcess({
      queue: 'content-svc',
      readConfig: (r) => readAgentSettings('content-svc', r),
      module: ContentModule.forRoot,
      env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: origin, AGENT_BATCH_POSTS: '4' },
    });
    observer = await BusObserver.start(svc.namespace, [Events.CampaignWritten, Events.CampaignFailed]);
  });

  afterAll(async () => {
    await observer?.close();
    await svc?.stop();
    await gemini?.close();
  });

  it('writes every planned post over ceil(n / 4) calls, each asking for at most 4 posts', async () => {
    const state = plannedState();
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
