import { LlmBlockedError, LlmError, LlmInvalidOutputError, LlmRateLimitedError, LlmUnavailableError } from './errors';
import { geminiHarness, openAiHarness, sampleStrategyRequest, type ProviderHarness } from './testing/provider-harness';

/** The same scenarios against both real providers, each running its real client code against its fake server. */
describe.each([['gemini', geminiHarness], ['openai', openAiHarness]] as const)('%s provider contract', (_name, makeHarness) => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = makeHarness();
    await h.server.start();
  });
  afterEach(() => h.server.close());

  const failure = async (promise: Promise<unknown>): Promise<LlmError> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    return error as LlmError;
  };

  it('returns the answer the server sent, with usage tokens and one attempt', async () => {
    const sent = { summary: 'hello', plan: [{ planId: 'x-01' }] };
    h.server.enqueue(h.answer(JSON.stringify(sent), 321, 54));
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.output).toEqual(sent);
    expect(result.usage).toMatchObject({ provider: h.name, model: h.model, promptVersion: 'strategy.plan/test', tokensIn: 321, tokensOut: 54, attempts: 1 });
    expect(result.usage.latencyMs).toBeGreaterThanOrEqual(0);
    expect(h.server.requests).toHaveLength(1);
  });

  it('waits the Retry-After of a 429 and then succeeds on the second attempt', async () => {
    h.server.enqueue(h.error(429, { 'retry-after': '1' }), h.answer('{"ok":true}'));
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.output).toEqual({ ok: true });
    expect(result.usage.attempts).toBe(2);
    const [first, second] = h.server.requests;
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
    expect(result.usage.latencyMs).toBeGreaterThanOrEqual(950);
  });

  it('retries two 500s and succeeds on the third attempt', async () => {
    h.server.enqueue(h.error(500), h.error(500), h.answer('{"ok":3}'));
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.output).toEqual({ ok: 3 });
    expect(result.usage.attempts).toBe(3);
    expect(h.server.requests).toHaveLength(3);
  });

  it('turns text that is not JSON into LlmInvalidOutputError carrying the raw text, without retrying', async () => {
    h.server.enqueue(h.answer('Sure! Here is your strategy: {summary: oops'));
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmInvalidOutputError);
    expect((error as LlmInvalidOutputError).rawText).toBe('Sure! Here is your strategy: {summary: oops');
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(h.server.requests).toHaveLength(1);
  });

  it('truncates a long invalid answer in the error', async () => {
    h.server.enqueue(h.answer('x'.repeat(10_000)));
    const error = (await failure(h.provider().generate(sampleStrategyRequest()))) as LlmInvalidOutputError;
    expect(error.rawText.length).toBeLessThan(2_100);
    expect(error.rawText).toContain('more characters');
  });

  it('sends the previous answer and the problems of a repair request', async () => {
    h.server.enqueue(h.answer('{"fixed":true}'));
    const repair = { previousOutput: '{"summary":"too short"}', problems: ['pillars: expected 3 to 5 items', 'plan[2].day: must be below durationDays'] };
    const result = await h.provider().generate({ ...sampleStrategyRequest(), repair });
    expect(result.output).toEqual({ fixed: true });
    const received = h.server.requests[0];
    expect(h.answerTexts(received)).toEqual([repair.previousOutput]);
    const users = h.userTexts(received);
    expect(users).toHaveLength(2);
    expect(users[0]).toContain('```json');
    for (const problem of repair.problems) expect(users[1]).toContain(problem);
    expect(users[1]).toMatch(/corrected, complete JSON/);
  });

  it('gives up with LlmRateLimitedError when every attempt is rate limited', async () => {
    h.server.enqueueTimes(3, h.error(429, { 'retry-after': '0' }));
    const error = await failure(h.provider({ maxAttempts: 3 }).generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmRateLimitedError);
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain('429');
    expect(h.server.requests).toHaveLength(3);
  });

  it('does not wait in-process for a Retry-After longer than a minute', async () => {
    h.server.enqueue(h.error(429, { 'retry-after': '3600' }));
    const started = Date.now();
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmRateLimitedError);
    expect((error as LlmRateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(error.attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a safety block as LlmBlockedError and does not retry it', async () => {
    h.server.enqueue(h.blocked());
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmBlockedError);
    expect(error.retryable).toBe(false);
    expect(h.server.requests).toHaveLength(1);
  });

  it('aborts an attempt that outlives timeoutMs and ends with LlmUnavailableError', async () => {
    h.server.enqueueTimes(2, { ...h.answer('{"late":true}'), delayMs: 2_000 });
    const started = Date.now();
    const error = await failure(h.provider({ timeoutMs: 200, maxAttempts: 2 }).generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error.message).toMatch(/timed out after 200 ms/);
    expect(error.attempts).toBe(2);
    expect(h.server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('ends with LlmUnavailableError when 5xx persists', async () => {
    h.server.enqueueTimes(2, h.error(503));
    const error = await failure(h.provider({ maxAttempts: 2 }).generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(2);
  });

  it('retries a 2xx whose body is not JSON (a proxy page), then succeeds', async () => {
    h.server.enqueue({ body: '<html>Bad gateway, try later</html>' }, h.answer('{"ok":2}'));
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.output).toEqual({ ok: 2 });
    expect(result.usage.attempts).toBe(2);
  });

  it('treats a refused connection as unavailable after retrying', async () => {
    const provider = h.provider({ maxAttempts: 2 });
    await h.server.close();
    const error = await failure(provider.generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmUnavailableError);
    expect(error.message).toMatch(/network error/);
    expect(error.attempts).toBe(2);
  });
});
