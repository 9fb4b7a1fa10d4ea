import { GeminiProvider } from '../gemini/gemini.provider';
import type { LlmProvider, LlmRequest } from '../llm.port';
import { OpenAiCompatibleProvider } from '../openai/openai.provider';
import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { FakeGeminiServer, geminiAnswer, geminiAnswerBlocked, geminiError } from './fake-gemini-server';
import type { FakeHttpServer, FakeReply, RecordedRequest } from './fake-http';
import { FakeOpenAiServer, openAiAnswer, openAiError } from './fake-openai-server';
import { SAMPLE_SPEC } from './specs';

/** Test-side view of one real provider and its fake server, so contract tests run the same scenarios on both. */
export interface ProviderHarness {
  readonly name: 'gemini' | 'openai';
  readonly server: FakeHttpServer;
  readonly model: string;
  provider(options?: { timeoutMs?: number; maxAttempts?: number }): LlmProvider;
  answer(text: string, tokensIn?: number, tokensOut?: number): FakeReply;
  error(status: number, headers?: Record<string, string>): FakeReply;
  blocked(): FakeReply;
  /** User-turn texts and previous-answer (model/assistant) texts of a recorded request. */
  userTexts(request: RecordedRequest): string[];
  answerTexts(request: RecordedRequest): string[];
}

/** Small backoff so retry tests stay fast; Retry-After still wins when the server sends it. */
export const TEST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

export function geminiHarness(): ProviderHarness {
  const server = new FakeGeminiServer();
  const model = 'gemini-test-flash';
  return {
    name: 'gemini',
    server,
    model,
    provider: ({ timeoutMs = 5_000, maxAttempts = 4 } = {}) =>
      new GeminiProvider({ apiKey: 'test-gemini-key', model, baseUrl: server.url, timeoutMs, retry: { ...TEST_RETRY, maxAttempts } }),
    answer: (text, tokensIn = 10, tokensOut = 5) => geminiAnswer(text, { promptTokenCount: tokensIn, candidatesTokenCount: tokensOut }),
    error: (status, headers) => geminiError(status, `scripted ${status}`, undefined, headers),
    blocked: () => geminiAnswerBlocked('SAFETY'),
    userTexts: (request) => FakeGeminiServer.userTexts(request),
    answerTexts: (request) =>
      ((request.body?.contents ?? []) as Array<{ role: string; parts: Array<{ text: string }> }>).filter((c) => c.role === 'model').map((c) => c.parts[0].text),
  };
}

export function openAiHarness(): ProviderHarness {
  const server = new FakeOpenAiServer('/v1');
  const model = 'gpt-test-mini';
  return {
    name: 'openai',
    server,
    model,
    provider: ({ timeoutMs = 5_000, maxAttempts = 4 } = {}) =>
      new OpenAiCompatibleProvider({ baseUrl: server.baseUrl, apiKey: 'test-openai-key', model, timeoutMs, retry: { ...TEST_RETRY, maxAttempts } }),
    answer: (text, tokensIn = 10, tokensOut = 5) => openAiAnswer(text, { prompt_tokens: tokensIn, completion_tokens: tokensOut }),
    error: (status, headers) => openAiError(status, `scripted ${status}`, status === 429 ? 'rate_limit_exceeded' : 'server_error', headers),
    blocked: () => openAiAnswer(null, undefined, 'content_filter'),
    userTexts: (request) => FakeOpenAiServer.userTexts(request),
    answerTexts: (request) => ((request.body?.messages ?? []) as Array<{ role: string; content: string }>).filter((m) => m.role === 'assistant').map((m) => m.content),
  };
}

/** A strategy request on the sample campaign, as the strategy agent builds it. */
export function sampleStrategyRequest(): LlmRequest<'strategy.plan'> {
  return {
    step: 'strategy.plan',
    promptVersion: 'strategy.plan/test',
    system: 'You are the Strategy agent. Answer only with JSON matching the schema.',
    prompt: `Campaign: ${SAMPLE_SPEC.name}\nGoal: ${SAMPLE_SPEC.goal}`,
    input: { spec: SAMPLE_SPEC },
    schema: STEP_OUTPUT_SCHEMAS['strategy.plan'],
  };
}
