import type { GenerateContentResponse } from '@google/genai';
import { LlmBlockedError, LlmConfigError, truncate } from '../errors';
import { RetryableFailure, retryableKind } from '../http/retry';
import { genai } from './gemini.sdk';

/** Finish reasons that mean the answer was withheld on safety/policy grounds. */
export const GEMINI_BLOCKED_FINISH_REASONS = ['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT'];

/** Throws LlmBlockedError when the prompt or the answer was blocked. */
export function checkGeminiBlocked(provider: string, response: GenerateContentResponse): void {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    const detail = response.promptFeedback?.blockReasonMessage;
    throw new LlmBlockedError(`${provider} blocked the prompt: ${blockReason}${detail ? ` (${detail})` : ''}`, provider, String(blockReason));
  }
  const finishReason = response.candidates?.[0]?.finishReason;
  if (finishReason && GEMINI_BLOCKED_FINISH_REASONS.includes(String(finishReason))) {
    throw new LlmBlockedError(`${provider} blocked the answer: finishReason ${finishReason}`, provider, String(finishReason));
  }
}

/** The answer text: every non-thought text part of the first candidate, joined. */
export function geminiText(response: GenerateContentResponse): string {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  return parts
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('');
}

export function geminiTokens(response: GenerateContentResponse): { tokensIn: number; tokensOut: number } {
  const usage = response.usageMetadata;
  return {
    tokensIn: usage?.promptTokenCount ?? 0,
    // Thinking tokens are billed as output.
    tokensOut: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
  };
}

/**
 * Maps an error from the SDK: HTTP 408/429/5xx → RetryableFailure (with the Retry-After the fetch wrapper saw),
 * an unreadable 2xx body → RetryableFailure, other HTTP errors → LlmConfigError (bad key, unknown model, rejected
 * request). Anything else is rethrown.
 */
export function mapGeminiError(provider: string, error: unknown, retryAfterMs: number | undefined): never {
  // A 2xx whose body is not JSON (a proxy's error page, a cut connection): transient, worth another attempt.
  if ((error as { name?: unknown } | null)?.name === 'SyntaxError') throw new RetryableFailure(`response body is not JSON: ${(error as Error).message}`, 'unavailable');
  if (!(error instanceof genai().ApiError)) throw error;
  const message = `HTTP ${error.status}: ${apiErrorMessage(error.message)}`;
  const kind = retryableKind(error.status);
  if (kind) throw new RetryableFailure(message, kind, error.status, retryAfterMs);
  throw new LlmConfigError(`${provider} rejected the request: ${message}`, provider, error.status);
}

/** The SDK puts the whole JSON error body in the message; keep the readable part. */
function apiErrorMessage(raw: string): string {
  try {
    const body = JSON.parse(raw) as { error?: { message?: string; status?: string } };
    const { message, status } = body.error ?? {};
    if (message) return truncate(status ? `${status}: ${message}` : message, 500);
  } catch {
    // not JSON
  }
  return truncate(raw, 500);
}
