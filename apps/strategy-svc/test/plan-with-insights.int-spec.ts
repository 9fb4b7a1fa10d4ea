import { Events } from '@app/contracts';
import type { CampaignStatePayload, ContentInsight, OptimizationUpdatedPayload, SlotEstimate } from '@app/contracts';
import { AgentHarness, BusObserver, InProcessService, eventually, requestedState, startAgent } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StrategyModule } from '../src/strategy.module';

const carousels: ContentInsight = {
  feature: 'media',
  value: 'carousel',
  n: 24,
  nOther: 60,
  lift: 0.42,
  effectSize: 0.7,
  significant: true,
  finding: 'Carousel posts got 42% more engagement than other posts (n=24 vs 60, d=0.70).',
};

function model(userId: string, connectionId: string, computedAt: Date, insights: ContentInsight[]): OptimizationUpdatedPayload {
  const slots: SlotEstimate[] = Array.from({ length: 168 }, (_, i) => ({ mean: i % 24 === 19 ? 1.5 : 0.95, sd: 0.1, confidence: 0.8 }));
  return {
    runId: randomUUID(),
    userId,
    connectionId,
    platform: 'instagram',
    accountName: '@harbor',
    timeZone: 'Europe/Lisbon',
    computedAt: computedAt.toISOString(),
    observations: 84,
    basis: 'engagement_rate',
    slots,
    bestSlots: [{ weekday: 1, hour: 19, expectedLift: 0.5, confidence: 0.8 }],
    contentInsights: insights,
    changes: { newTopSlots: [], droppedTopSlots: [], insightChanges: [] },
  };
}

/** The Strategy agent reads what the Optimization agent learned (optimization.updated) into its plan, on the real bus. */
describe('strategy-svc: plans with the optimizer’s insights', () => {
  let agent: AgentHarness;
  let svc: InProcessService;
  let observer: BusObserver;

  beforeAll(async () => {
    agent = await startAgent({ service: 'strategy-svc', module: StrategyModule.forRoot, observe: [Events.CampaignPlanned, Events.CampaignFailed] });
    ({ svc, observer } = agent);
  });

  afterAll(async () => {
    await agent?.stop();
  });

  const plan = async (userId: string) => {
    const state = { ...requestedState({ targetPlatforms: ['instagram'], durationDays: 14 }), userId };
    await observer.publish(Events.CampaignRequested, { state }, state.campaignId);
    return (await observer.waitFor('planned', (m) => m.correlationId === state.campaignId && m.routingKey === Events.CampaignPlanned)).payload as CampaignStatePayload;
  };

  const stored = (connectionId: string) =>
    eventually('insights stored', async () => {
      const rows = await svc.app.get(DataSource).query(`SELECT run_id FROM strategy.account_insights WHERE connection_id = $1`, [connectionId]);
      return rows[0]?.run_id as string | undefined;
    });

  it('favours the format that performed, passes the findings on, and records the run it used', async () => {
    const userId = randomUUID();
    const baseline = await plan(randomUUID());
    const connectionId = randomUUID();
    const update = model(userId, connectionId, new Date(), [carousels]);
    await observer.publish(Events.OptimizationUpdated, update, connectionId);
    expect(await stored(connectionId)).toBe(update.runId);

    const { state } = await plan(userId);
    const share = (s: typeof state) => s.strategy!.plan.filter((p) => p.format === 'carousel').length / s.strategy!.plan.length;
    expect(share(state)).toBeGreaterThan(share(baseline.state));
    expect(state.strategy!.audienceInsight).toContain('Carousel posts got 42% more engagement');
    expect(state.recommendations?.strategy).toEqual({ runIds: [update.runId], contentFindings: [`instagram: ${carousels.finding}`], bestSlots: 1 });
    expect(baseline.state.recommendations).toBeUndefined();
  });

  it('never lets an older run replace a newer one, and forgets a disconnected account', async () => {
    const userId = randomUUID();
    const connectionId = randomUUID();
    const newer = model(userId, connectionId, new Date(), [carousels]);
    const older = model(userId, connectionId, new Date(Date.now() - 3_600_000), []);
    await observer.publish(Events.OptimizationUpdated, newer, connectionId);
    expect(await stored(connectionId)).toBe(newer.runId);
    const olderId = await observer.publish(Events.OptimizationUpdated, older, connectionId);
    await eventually('older run processed', async () => ((await svc.app.get(DataSource).query(`SELECT 1 FROM strategy.inbox WHERE message_id = $1`, [olderId])).length === 1 ? true : undefined));
    expect(await stored(connectionId)).toBe(newer.runId);

    await observer.publish(Events.AccountDisconnected, { connectionId, userId, platform: 'instagram', disconnectedAt: new Date().toISOString() }, connectionId);
    await eventually('forgotten', async () => ((await svc.app.get(DataSource).query(`SELECT 1 FROM strategy.account_insights WHERE connection_id = $1`, [connectionId])).length === 0 ? true : undefined));
    const { state } = await plan(userId);
    expect(state.recommendations).toBeUndefined();
  });
});
