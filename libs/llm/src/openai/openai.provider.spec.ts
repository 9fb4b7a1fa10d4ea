import { LlmBlockedError, LlmConfigError, LlmError } from '../errors';
import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { FakeOpenAiServer, openAiAnswer, openAiError } from '../testing/fake-openai-server';
import { TEST_RETRY, sampleStrategyRequest } from '../testing/provider-harness';
import { inputFromPrompt } from '../testing/smart-answer';
import { OpenAiCompatibleProvider } from './openai.provider';

describe('OpenAiCompatibleProvider against the fake chat-completions API', () => {
  let server: FakeOpenAiServer;
  const provider = (apiKey?: string, baseUrl = server.baseUrl) =>
    new OpenAiCompatibleProvider({ baseUrl, apiKey, model: 'llama3.2', timeoutMs: 5_000, retry: { ...TEST_RETRY, maxAttempts: 3 } });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as LlmError);

  beforeEach(async () => {
    server = new FakeOpenAiServer('/v1');
    await server.start();
  });
  afterEach(() => server.close());

  it('posts to {baseUrl}/chat/completions with the bearer key, the model, the messages and the json_schema format', async () => {
    server.enqueue(openAiAnswer('{}'));
    const request = sampleStrategyRequest();
    await provider('sk-test').generate(request);
    const [received] = server.requests;
    expect(received.method).toBe('POST');
    expect(received.path).toBe('/v1/chat/completions');
    expect(received.headers.authorization).toBe('Bearer sk-test');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.body.model).toBe('llama3.2');
    expect(received.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'strategy_plan', schema: STEP_OUTPUT_SCHEMAS['strategy.plan'], strict: false } });
    expect(received.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(received.body.messages[0].content).toBe(request.system);
    expect(received.body.messages[1].content.startsWith(request.prompt)).toBe(true);
    expect(inputFromPrompt(received.body.messages[1].content)).toEqual(request.input);
  });

  it('sends no Authorization header without a key (local servers such as Ollama) and tolerates a trailing slash', async () => {
    server.enqueue(openAiAnswer('{}'));
    await provider(undefined, `${server.baseUrl}/`).generate(sampleStrategyRequest());
    expect(server.requests[0].headers.authorization).toBeUndefined();
    expect(server.requests[0].path).toBe('/v1/chat/completions');
  });

  it('sends the repair as an assistant message followed by a user message', async () => {
    server.enqueue(openAiAnswer('{}'));
    await provider().generate({ ...sampleStrategyRequest(), repair: { previousOutput: '{"a":1}', problems: ['summary: is required'] } });
    expect(server.requests[0].body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('treats a refusal as LlmBlockedError', async () => {
    server.enqueue({ body: { choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I can’t help with that.' }, finish_reason: 'stop' }] } });
    const error = await failure(provider().generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmBlockedError);
    expect((error as LlmBlockedError).reason).toBe('refusal');
  });

  it('treats 401 as LlmConfigError without retrying, with the server message', async () => {
    server.enqueue(openAiError(401, 'Incorrect API key provided.', 'invalid_request_error'));
    const error = await failure(provider('wrong').generate(sampleStrategyRequest()));
    expect(error).toBeInstanceOf(LlmConfigError);
    expect(error?.message).toContain('Incorrect API key provided.');
    expect(server.requests).toHaveLength(1);
  });

  it('honours retry-after-ms', async () => {
    server.enqueue(openAiError(429, 'Rate limit reached', 'requests', { 'retry-after-ms': '300', 'retry-after': '30' }), openAiAnswer('{"ok":1}'));
    const result = await provider().generate(sampleStrategyRequest());
    expect(result.usage.attempts).toBe(2);
    const gap = server.requests[1].receivedAt - server.requests[0].receivedAt;
    expect(gap).toBeGreaterThanOrEqual(280);
    expect(gap).toBeLessThan(5_000);
  });

  it('retries a 408 and reports finish_reason length in the invalid-output message', async () => {
    server.enqueue(openAiError(408, 'Request timeout'), openAiAnswer('{"posts": [', undefined, 'length'));
    const error = await failure(provider().generate(sampleStrategyRequest()));
    expect(error?.name).toBe('LlmInvalidOutputError');
    expect(error?.message).toMatch(/finish_reason length/);
    expect(error?.attempts).toBe(2);
  });
});
