import type { LlmProvider, LlmRequest, LlmStep, StepInput } from '../llm.port';
import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { validateStepOutput } from '../validate';
import { geminiHarness, openAiHarness, type ProviderHarness } from './provider-harness';
import { SAMPLE_SPEC, randomSpec } from './specs';

const request = <S extends LlmStep>(step: S, input: StepInput<S>): LlmRequest<S> => ({
  step,
  promptVersion: `${step}/test`,
  system: `You are the agent for ${step}. Answer only with JSON.`,
  prompt: `Do ${step} for ${input.spec.name}.`,
  input,
  schema: STEP_OUTPUT_SCHEMAS[step],
});

/** strategy → content → creative through one provider, every output checked like the agents check it. */
async function runCampaign(llm: LlmProvider, spec = SAMPLE_SPEC) {
  const strategyInput = { spec };
  const strategy = await llm.generate(request('strategy.plan', strategyInput));
  expect(validateStepOutput('strategy.plan', strategyInput, strategy.output)).toEqual([]);
  const contentInput = { spec, strategy: strategy.output };
  const content = await llm.generate(request('content.write', contentInput));
  expect(validateStepOutput('content.write', contentInput, content.output)).toEqual([]);
  const posts = content.output.posts.map((p, i) => ({ id: `post-${i + 1}`, platform: p.platform, contentType: p.contentType, pillar: p.pillar, text: p.text, hashtags: p.hashtags }));
  const creativeInput = { spec, pillars: strategy.output.pillars, posts };
  const creative = await llm.generate(request('creative.design', creativeInput));
  expect(validateStepOutput('creative.design', creativeInput, creative.output)).toEqual([]);
  return { strategy, content, creative };
}

describe.each([['gemini', geminiHarness], ['openai', openAiHarness]] as const)('a campaign through the smart fake %s server', (_name, makeHarness) => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = makeHarness();
    await h.server.start();
  });
  afterEach(() => h.server.close());

  it('runs the three steps with realistic, valid content and real usage figures', async () => {
    const { strategy, content, creative } = await runCampaign(h.provider());
    expect(strategy.output.plan.length).toBeGreaterThan(3);
    expect(content.output.posts).toHaveLength(strategy.output.plan.length);
    expect(creative.output.visuals).toHaveLength(content.output.posts.length);
    for (const { usage } of [strategy, content, creative]) {
      expect(usage).toMatchObject({ provider: h.name, model: h.model, attempts: 1 });
      expect(usage.tokensIn).toBeGreaterThan(50);
      expect(usage.tokensOut).toBeGreaterThan(50);
    }
    expect(h.server.requests).toHaveLength(3);
  });

  it('handles varied, hostile campaign specs', async () => {
    const llm = h.provider();
    for (let i = 0; i < 6; i++) await runCampaign(llm, randomSpec(i));
  });

  it('models a slow model with a default answer delay, concurrent calls overlapping', async () => {
    h.server.defaultDelayMs = 800;
    const llm = h.provider();
    const started = Date.now();
    const results = await Promise.all([1, 2, 3, 4].map(() => llm.generate(request('strategy.plan', { spec: SAMPLE_SPEC }))));
    const elapsed = Date.now() - started;
    for (const r of results) expect(r.usage.latencyMs).toBeGreaterThanOrEqual(790);
    expect(elapsed).toBeLessThan(2_000);
  });
});
