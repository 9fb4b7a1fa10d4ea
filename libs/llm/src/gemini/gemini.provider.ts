import { performance } from 'node:perf_hooks';
import type { Content, GenerateContentResponse, GoogleGenAI } from '@google/genai';
import { LlmError } from '../errors';
import { withDeadline } from '../http/attempt';
import { parseRetryAfter, withRetry, type RetryOptions } from '../http/retry';
import type { LlmProvider, LlmRequest, LlmResult, LlmStep, StepOutput } from '../llm.port';
import { parseJsonOutput, repairPrompt, userPrompt } from '../prompt';
import { genai } from './gemini.sdk';
import { checkGeminiBlocked, geminiText, geminiTokens, mapGeminiError } from './gemini.response';

export const GEMINI_PROVIDER_NAME = 'gemini';
export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
export const GEMINI_API_VERSION = 'v1beta';

export interface GeminiProviderOptions {
  apiKey: string;
  model: string;
  /** Defaults to the public endpoint; tests point it at a fake server. */
  baseUrl?: string;
  /** Deadline of each HTTP attempt. */
  timeoutMs: number;
  retry: RetryOptions;
}

/** Per-call view of the HTTP traffic, filled by the fetch wrapper handed to the SDK. */
interface CallTrace {
  httpAttempts: number;
  retryAfterMs?: number;
}

/**
 * Gemini through the official SDK, in JSON mode with the step's schema. Retries and deadlines are ours
 * (the SDK's retryOptions stay unset) so every attempt is counted; a fetch wrapper passed per call records
 * each response's Retry-After, which the SDK's ApiError does not expose.
 */
export class GeminiProvider implements LlmProvider {
  readonly name = GEMINI_PROVIDER_NAME;
  readonly model: string;
  private readonly client: GoogleGenAI;

  constructor(private readonly options: GeminiProviderOptions) {
    this.model = options.model;
    this.client = new (genai().GoogleGenAI)({
      // Explicit values everywhere so GOOGLE_* environment variables cannot redirect the client.
      vertexai: false,
      apiKey: options.apiKey,
      apiVersion: GEMINI_API_VERSION,
      httpOptions: { baseUrl: options.baseUrl ?? GEMINI_DEFAULT_BASE_URL, apiVersion: GEMINI_API_VERSION },
    });
  }

  async generate<S extends LlmStep>(request: LlmRequest<S>): Promise<LlmResult<S>> {
    const started = performance.now();
    const trace: CallTrace = { httpAttempts: 0 };
    try {
      const { value: response } = await withRetry(this.name, this.options.retry, () =>
        withDeadline(this.options.timeoutMs, (signal) => this.send(request, signal, trace)),
      );
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
          attempts: trace.httpAttempts,
        },
      };
    } catch (error) {
      if (error instanceof LlmError) error.attempts = trace.httpAttempts;
      throw error;
    }
  }

  private async send<S extends LlmStep>(request: LlmRequest<S>, signal: AbortSignal, trace: CallTrace): Promise<GenerateContentResponse> {
    const tracedFetch = async (...args: Parameters<typeof fetch>): Promise<Response> => {
      trace.httpAttempts++;
      trace.retryAfterMs = undefined;
      const response = await fetch(...args);
      if (!response.ok) trace.retryAfterMs = parseRetryAfter(response.headers);
      return response;
    };
    try {
      return await this.client.models.generateContent({
        model: this.model,
        contents: geminiContents(request),
        config: {
          systemInstruction: request.system,
          responseMimeType: 'application/json',
          responseJsonSchema: request.schema,
          abortSignal: signal,
          httpOptions: { fetch: tracedFetch },
        },
      });
    } catch (error) {
      return mapGeminiError(this.name, error, trace.retryAfterMs);
    }
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
