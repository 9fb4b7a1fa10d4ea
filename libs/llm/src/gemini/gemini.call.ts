import type { GenerateContentParameters, GenerateContentResponse, GoogleGenAI } from '@google/genai';
import { LlmError } from '../errors';
import { withDeadline } from '../http/attempt';
import { parseRetryAfter, withRetry, type RetryOptions } from '../http/retry';
import { genai } from './gemini.sdk';
import { mapGeminiError } from './gemini.response';

export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';
export const GEMINI_API_VERSION = 'v1beta';

/** An SDK client for the Gemini Developer API at `baseUrl` (the public endpoint by default). */
export function createGeminiClient(apiKey: string, baseUrl = GEMINI_DEFAULT_BASE_URL): GoogleGenAI {
  return new (genai().GoogleGenAI)({
    // Explicit values everywhere so GOOGLE_* environment variables cannot redirect the client.
    vertexai: false,
    apiKey,
    apiVersion: GEMINI_API_VERSION,
    httpOptions: { baseUrl, apiVersion: GEMINI_API_VERSION },
  });
}

export interface GeminiCallOptions {
  /** Provider name used in error messages. */
  provider: string;
  client: GoogleGenAI;
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
 * One `models.generateContent` call under our retry loop and per-attempt deadline (the SDK's retryOptions stay
 * unset so every attempt is counted); a fetch wrapper passed per call records each response's Retry-After,
 * which the SDK's ApiError does not expose. `handle` reads the answer and gets the HTTP attempt count; any
 * LlmError leaving here (from the call or from `handle`) carries that count.
 */
export async function geminiGenerate<T>(
  options: GeminiCallOptions,
  params: GenerateContentParameters,
  handle: (response: GenerateContentResponse, attempts: number) => T,
): Promise<T> {
  const trace: CallTrace = { httpAttempts: 0 };
  try {
    const { value: response } = await withRetry(options.provider, options.retry, () =>
      withDeadline(options.timeoutMs, (signal) => send(options, params, signal, trace)),
    );
    return handle(response, trace.httpAttempts);
  } catch (error) {
    if (error instanceof LlmError) error.attempts = trace.httpAttempts;
    throw error;
  }
}

async function send(options: GeminiCallOptions, params: GenerateContentParameters, signal: AbortSignal, trace: CallTrace): Promise<GenerateContentResponse> {
  const tracedFetch = async (...args: Parameters<typeof fetch>): Promise<Response> => {
    trace.httpAttempts++;
    trace.retryAfterMs = undefined;
    const response = await fetch(...args);
    if (!response.ok) trace.retryAfterMs = parseRetryAfter(response.headers);
    return response;
  };
  try {
    return await options.client.models.generateContent({
      ...params,
      config: { ...params.config, abortSignal: signal, httpOptions: { ...params.config?.httpOptions, fetch: tracedFetch } },
    });
  } catch (error) {
    return mapGeminiError(options.provider, error, trace.retryAfterMs);
  }
}
