import { performance } from 'node:perf_hooks';
import { LlmError, truncate } from '../errors';
import { withDeadline } from '../http/attempt';
import { RetryableFailure, withRetry, type RetryOptions } from '../http/retry';
import type { LlmProvider, LlmRequest, LlmResult, LlmStep, StepOutput } from '../llm.port';
import { parseJsonOutput } from '../prompt';
import { chatAnswer, chatRequestBody, throwForStatus, type ChatCompletionResponse } from './openai.wire';

export const OPENAI_PROVIDER_NAME = 'openai';
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAiCompatibleProviderOptions {
  /** Up to and including the version segment: `https://api.openai.com/v1`, `http://127.0.0.1:11434/v1` (Ollama). */
  baseUrl: string;
  /** Sent as a bearer token when given; local servers often need none. */
  apiKey?: string;
  model: string;
  /** Deadline of each HTTP attempt (headers and body). */
  timeoutMs: number;
  retry: RetryOptions;
}

/** Any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, vLLM, LM Studio, …), in JSON-schema mode. */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly name = OPENAI_PROVIDER_NAME;
  readonly model: string;
  private readonly url: string;

  constructor(private readonly options: OpenAiCompatibleProviderOptions) {
    this.model = options.model;
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  async generate<S extends LlmStep>(request: LlmRequest<S>): Promise<LlmResult<S>> {
    const started = performance.now();
    const body = JSON.stringify(chatRequestBody(this.model, request));
    const { value: response, attempts } = await withRetry(this.name, this.options.retry, () =>
      withDeadline(this.options.timeoutMs, (signal) => this.send(body, signal)),
    );
    try {
      const { text, finishReason } = chatAnswer(this.name, response);
      const detail = finishReason && finishReason !== 'stop' ? ` (finish_reason ${finishReason})` : '';
      const output = parseJsonOutput(this.name, text, detail) as StepOutput<S>;
      return {
        output,
        usage: {
          provider: this.name,
          model: this.model,
          promptVersion: request.promptVersion,
          tokensIn: response.usage?.prompt_tokens ?? 0,
          tokensOut: response.usage?.completion_tokens ?? 0,
          latencyMs: Math.round(performance.now() - started),
          attempts,
        },
      };
    } catch (error) {
      if (error instanceof LlmError) error.attempts = attempts;
      throw error;
    }
  }

  private async send(body: string, signal: AbortSignal): Promise<ChatCompletionResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const response = await fetch(this.url, { method: 'POST', headers, body, signal });
    await throwForStatus(this.name, response);
    const text = await response.text();
    try {
      return JSON.parse(text) as ChatCompletionResponse;
    } catch {
      // A proxy's error page or a cut body: transient, worth another attempt.
      throw new RetryableFailure(`response body is not JSON (HTTP ${response.status}): ${truncate(text, 200)}`, 'unavailable');
    }
  }
}
