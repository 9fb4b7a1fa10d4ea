import { LlmBlockedError, LlmConfigError, LlmError } from '../errors';
import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { FakeGeminiServer, geminiAnswer, geminiError, geminiPromptBlocked, geminiAnswerBlocked } from '../testing/fake-gemini-server';
import { inputFromPrompt } from '../testing/smart-answer';
import { geminiHarness, sampleStrategyRequest, type ProviderHarness } from '../testing/provider-harness';

describe('GeminiProvider against the fake Gemini API', () => {
  let h: ProviderHarness;
  beforeEach(async () => {
    h = geminiHarness();
    await h.server.start();
  });
  afterEach(() => h.server.close());

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as LlmError);

  it('sends the model in the URL, the key header, the system instruction and JSON mode with the step schema', async () => {
    h.server.enqueue(geminiAnswer('{}'));
    const request = sampleStrategyRequest();
    await h.provider().generate(request);
    const [received] = h.server.requests;
    expect(received.method).toBe('POST');
    expect(received.path).toBe(`/v1beta/models/${h.model}:generateContent`);
    expect(FakeGeminiServer.modelOf(received)).toBe(h.model);
    expect(received.headers['x-goog-api-key']).toBe('test-gemini-key');
    expect(received.body.systemInstruction.parts[0].text).toBe(request.system);
    expect(received.body.generationConfig.responseMimeType).toBe('application/json');
    expect(received.body.generationConfig.responseJsonSchema).toEqual(STEP_OUTPUT_SCHEMAS['strategy.plan']);
    expect(received.body.contents).toHaveLength(1);
    expect(received.body.contents[0].role).toBe('user');
    const text: string = received.body.contents[0].parts[0].text;
    expect(text.startsWith(request.prompt)).toBe(true);
    expect(inputFromPrompt(text)).toEqual(request.input);
    // Nothing of ours leaks into the body (abort signal, fetch override).
    expect(Object.keys(received.body).sort()).toEqual(['contents', 'generationConfig', 'systemInstruction']);
  });

  it('sends the repair as a model turn followed by a user turn', async () => {
    h.server.enqueue(geminiAnswer('{}'));
    await h.provider().generate({ ...sampleStrategyRequest(), repair: { previousOutput: '{"a":1}', problems: ['summary: is required'] } });
    const roles = h.server.requests[0].body.contents.map((c: { role: string }) => c.role);
    expect(roles).toEqual(['user', 'model', 'user']);
  });

  it('reports a blocked prompt (promptFeedback.blockReason) as LlmBlockedError', async () => {
    h.server.enqueue(geminiPromptBlocked('PROHIBITED_CONTENT'));
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmBlockedError);
    expect((error as LlmBlockedError).reason).toBe('PROHIBITED_CONTENT');
    expect(error?.message).toMatch(/blocked the prompt/);
  });

  it('reports finishReason PROHIBITED_CONTENT as LlmBlockedError', async () => {
    h.server.enqueue(geminiAnswerBlocked('PROHIBITED_CONTENT'));
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmBlockedError);
    expect((error as LlmBlockedError).reason).toBe('PROHIBITED_CONTENT');
  });

  it('treats 403 (bad key) as LlmConfigError without retrying', async () => {
    h.server.enqueue(geminiError(403, 'API key not valid. Please pass a valid API key.', 'PERMISSION_DENIED'));
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmConfigError);
    expect(error?.status).toBe(403);
    expect(error?.message).toContain('API key not valid');
    expect(h.server.requests).toHaveLength(1);
  });

  it('ignores thought parts, accepts a fenced answer and counts thinking tokens as output', async () => {
    h.server.enqueue({
      body: {
        candidates: [{ content: { role: 'model', parts: [{ text: 'thinking…', thought: true }, { text: '```json\n{"x":1}\n```' }] }, finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, thoughtsTokenCount: 20 },
      },
    });
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.output).toEqual({ x: 1 });
    expect(result.usage).toMatchObject({ tokensIn: 7, tokensOut: 23 });
  });

  it('mentions the finish reason when a truncated answer is not JSON', async () => {
    h.server.enqueue(geminiAnswer('{"summary": "cut off', undefined, 'MAX_TOKENS'));
    const error = await failure(h.provider().generate(sampleStrategyRequest()));
    expect(error?.message).toMatch(/not valid JSON \(finishReason MAX_TOKENS\)/);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 2_000).toUTCString(); // second precision: 1–2 s from now
    h.server.enqueue(geminiError(429, 'Resource has been exhausted', 'RESOURCE_EXHAUSTED', { 'retry-after': at }), geminiAnswer('{"ok":1}'));
    const result = await h.provider().generate(sampleStrategyRequest());
    expect(result.usage.attempts).toBe(2);
    const [first, second] = h.server.requests;
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(900);
  });
});
