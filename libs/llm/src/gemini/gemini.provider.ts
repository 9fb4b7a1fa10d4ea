import { performance } from 'node:perf_hooks';
import type { Content } from '@google/genai';
import type { RetryOptions } from '../http/retry';
import type { LlmProvider, LlmRequest, LlmResult, LlmStep, StepOutput } from '../llm.port';
import { parseJsonOutput, repairPrompt, userPrompt } from '../prompt';
import { createGeminiClient, geminiGenerate, type GeminiCallOptions } from './gemini.call';
import { checkGeminiBlocked, geminiText, geminiTokens } from './gemini.response';

export { GEMINI_API_VERSION, GEMINI_DEFAULT_BASE_URL } from './gemini.call';
export const GEMINI_PROVIDER_NAME = 'gemini';

export interface GeminiProviderOptions {
  apiKey: string;
  model: string;
  /** Defaults to the public endpoint; tests point it at a fake server. */
  baseUrl?: string;
  /** Deadline of each HTTP attempt. */
  timeoutMs: number;
  retry: RetryOptions;
}

/**
 * Gemini through the official SDK, in JSON mode with the step's schema. Retries, deadlines and attempt
 * counting are ours (see geminiGenerate).
 */
export class GeminiProvider implements LlmProvider {
  readonly name = GEMINI_PROVIDER_NAME;
  readonly model: string;
  private readonly call: GeminiCallOptions;

  constructor(options: GeminiProviderOptions) {
    this.model = options.model;
    this.call = { provider: this.name, client: createGeminiClient(options.apiKey, options.baseUrl), timeoutMs: options.timeoutMs, retry: options.retry };
  }

  async generate<S extends LlmStep>(request: LlmRequest<S>): Promise<LlmResult<S>> {
    const started = performance.now();
    const params = {
      model: this.model,
      contents: geminiContents(request),
      config: { systemInstruction: request.system, responseMimeType: 'application/json', responseJsonSchema: request.schema },
    };
    return geminiGenerate(this.call, params, (response, attempts) => {
      checkGeminiBlocked(this.name, response);
      const finish = response.candidates?.[0]?.finishReason;
      const output = parseJsonOutput(this.name, geminiText(response), finish ? ` (finishReason ${finish})` : '') as StepOutput<S>;
      return {
        output,
        usage: {
          provider: this.name,
          model: this.model,
          promptVersion: request.promptVersion,
          ...geminiTokens(response),
          latencyMs: Math.round(performance.now() - started),
          attempts,
        },
      };
    });
  }
}

/** The user turn, plus the previous answer (model turn) and the problems (user turn) for a repair. */
export function geminiContents<S extends LlmStep>(request: LlmRequest<S>): Content[] {
  const contents: Content[] = [{ role: 'user', parts: [{ text: userPrompt(request) }] }];
  if (request.repair) {
    contents.push({ role: 'model', parts: [{ text: request.repair.previousOutput }] });
    contents.push({ role: 'user', parts: [{ text: repairPrompt(request.repair.problems) }] });
  }
  return contents;
}
