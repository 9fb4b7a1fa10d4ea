import { LlmBlockedError, LlmConfigError, LlmInvalidOutputError, truncate } from '../errors';
import { RetryableFailure, parseRetryAfter, retryableKind } from '../http/retry';
import type { LlmRequest, LlmStep } from '../llm.port';
import { repairPrompt, userPrompt } from '../prompt';

/** The subset of the chat-completions wire format the provider uses. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletionResponse {
  choices?: Array<{ message?: { content?: string | null; refusal?: string | null }; finish_reason?: string | null }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

export function chatRequestBody<S extends LlmStep>(model: string, request: LlmRequest<S>): Record<string, unknown> {
  const messages: ChatMessage[] = [
    { role: 'system', content: request.system },
    { role: 'user', content: userPrompt(request) },
  ];
  if (request.repair) {
    messages.push({ role: 'assistant', content: request.repair.previousOutput });
    messages.push({ role: 'user', content: repairPrompt(request.repair.problems) });
  }
  return {
    model,
    messages,
    response_format: {
      type: 'json_schema',
      // name: ^[a-zA-Z0-9_-]{1,64}$. strict stays off: our schemas leave optional fields out of `required`.
      json_schema: { name: request.step.replace(/[^a-zA-Z0-9_-]/g, '_'), schema: request.schema, strict: false },
    },
  };
}

/** Turns a non-2xx response into a RetryableFailure (408/429/5xx) or an LlmConfigError (other 4xx). */
export async function throwForStatus(provider: string, response: Response): Promise<void> {
  if (response.ok) return;
  const text = await response.text().catch(() => '');
  const message = `HTTP ${response.status}: ${errorMessage(text) || response.statusText}`;
  const kind = retryableKind(response.status);
  if (kind) throw new RetryableFailure(message, kind, response.status, parseRetryAfter(response.headers));
  throw new LlmConfigError(`${provider} rejected the request: ${message}`, provider, response.status);
}

/** The answer text of a successful response, after the content-filter and refusal checks. */
export function chatAnswer(provider: string, body: ChatCompletionResponse): { text: string; finishReason?: string } {
  const choice = body.choices?.[0];
  if (!choice) throw new LlmInvalidOutputError(`${provider} returned no choices`, provider, JSON.stringify(body));
  const finishReason = choice.finish_reason ?? undefined;
  if (finishReason === 'content_filter') {
    throw new LlmBlockedError(`${provider} blocked the answer: finish_reason content_filter`, provider, 'content_filter');
  }
  if (choice.message?.refusal) {
    throw new LlmBlockedError(`${provider} refused: ${truncate(choice.message.refusal, 300)}`, provider, 'refusal');
  }
  return { text: choice.message?.content ?? '', finishReason };
}

/** `{"error": {"message": …}}` (OpenAI, Ollama, vLLM, …) or the raw text. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message);
    if (message) return truncate(message, 500);
  } catch {
    // not JSON
  }
  return truncate(text.trim(), 500);
}
