import { AgentModel } from '@app/agent-kit';
import { CampaignState, Events } from '@app/contracts';
import type { CampaignFailedPayload, CampaignStatePayload } from '@app/contracts';
import { FakeGeminiServer, geminiAnswer, geminiError, geminiPromptBlocked } from '@app/llm';
import { AgentHarness, BusObserver, InProcessService, requestedState, startAgent } from '@app/testing';
import { DataSource } from 'typeorm';
import { strategyRequest } from '../src/planning/strategy.prompt';
import { StrategyModule } from '../src/strategy.module';

const requested = (): CampaignState => requestedState();

/** The Strategy agent on Gemini (the real SDK against a local fake of the REST API) and the real bus. */
describe('strategy-svc on the Gemini provider', () => {
  let agent: AgentHarness;
  let gemini: FakeGeminiServer;
  let svc: InProcessService;
  let observer: BusObserver;

  beforeAll(async () => {
    agent = await startAgent({
      service: 'strategy-svc',
      module: StrategyModule.forRoot,
      observe: [Events.CampaignPlanned, Events.CampaignFailed],
      gemini: true,
      env: { LLM_MAX_ATTEMPTS: '2', LLM_RETRY_BASE_MS: '10' },
    });
    ({ svc, observer } = agent);
    gemini = agent.gemini!;
  });

  afterAll(async () => {
    await agent?.stop();
  });

  const outcome = async (state: CampaignState) => {
    await observer.publish(Events.CampaignRequested, { state }, state.campaignId);
    return observer.waitFor(`outcome of ${state.campaignId}`, (m) => m.correlationId === state.campaignId);
  };

  it('plans with the model, recording provider, model, tokens and attempts on the stage', async () => {
    const state = requested();
    const before = gemini.requests.length;
    const planned = await outcome(state);
    expect(planned.routingKey).toBe(Events.CampaignPlanned);
    const stage = (planned.payload as CampaignStatePayload).state.stages[0];
    expect(stage.usage).toMatchObject({ provider: 'gemini', model: 'gemini-3.8-flash', promptVersion: 'strategy.plan/1', attempts: 1 });
    expect(stage.usage!.calls ?? 1).toBe(1);
    expect(stage.usage!.tokensIn).toBeGreaterThan(0);
    expect(gemini.requests.length - before).toBe(1);
    const [{ n }] = await svc.app.get(DataSource).query(`SELECT count(*)::int AS n FROM strategy.llm_results WHERE campaign_id = $1`, [state.campaignId]);
    expect(n).toBe(0); // the cached answer is dropped once the stage committed
  });

  it('repairs an answer that is not JSON with one more call that names the problem', async () => {
    gemini.enqueue(geminiAnswer('Sure! Here is your strategy: pillars are…'));
    const before = gemini.requests.length;
    const planned = await outcome(requested());
    expect(planned.routingKey).toBe(Events.CampaignPlanned);
    expect((planned.payload as CampaignStatePayload).state.stages[0].usage?.calls).toBe(2);
    const repair = gemini.requests[before + 1];
    expect(JSON.stringify(repair.body)).toContain('not valid JSON');
  });

  it('fails the stage with the reason when the answer breaks the schema twice', async () => {
    gemini.enqueue(geminiAnswer(JSON.stringify({ summary: 'too thin' })), geminiAnswer(JSON.stringify({ summary: 'still too thin' })));
    const failed = await outcome(requested());
    expect(failed.routingKey).toBe(Events.CampaignFailed);
    expect((failed.payload as CampaignFailedPayload).reason).toMatch(/^gemini returned invalid strategy\.plan output twice: .*pillars/);
  });

  it('fails the stage when the model refuses on safety grounds', async () => {
    gemini.enqueue(geminiPromptBlocked('SAFETY'));
    const failed = await outcome(requested());
    expect((failed.payload as CampaignFailedPayload).reason).toBe('gemini refused the strategy.plan request: SAFETY');
  });

  it('hands a rate-limited message back to the bus retry queue and plans it on the retry', async () => {
    gemini.enqueueTimes(2, geminiError(429, 'Resource has been exhausted', 'RESOURCE_EXHAUSTED', { 'retry-after': '0' }));
    const before = gemini.requests.length;
    const planned = await outcome(requested());
    expect(planned.routingKey).toBe(Events.CampaignPlanned);
    expect(gemini.requests.length - before).toBe(3); // 2 rate-limited attempts, then the bus retry's call
  });

  it('does not pay twice for the same request: the answer is reused until the stage commits', async () => {
    const model = svc.app.get(AgentModel);
    const state = requested();
    const before = gemini.requests.length;
    const first = await model.generate(state.campaignId, strategyRequest(state.spec));
    const again = await model.generate(state.campaignId, strategyRequest(state.spec));
    expect(again.output).toEqual(first.output);
    expect(gemini.requests.length - before).toBe(1);
  });
});
