import { FakeHttpServer, type FakeReply, type RecordedRequest } from './fake-http';
import { FAKE_PNG } from './png';
import { estimateTokens, smartAnswer } from './smart-answer';

const ROUTE = /^\/v1beta\/models\/([^/:]+):generateContent$/;

/**
 * The Gemini API's `generateContent` on loopback, as the real SDK calls it with `httpOptions.baseUrl` set to
 * `url`: `POST /v1beta/models/{model}:generateContent`, key in `x-goog-api-key`. Unscripted requests get a
 * smart answer (the offline provider's output for the step and input in the request), or FAKE_PNG when the
 * request asks for image output (`responseModalities` includes IMAGE).
 */
export class FakeGeminiServer extends FakeHttpServer {
  /** The model of a recorded request, from its URL. */
  static modelOf(request: RecordedRequest): string | undefined {
    return ROUTE.exec(request.path)?.[1];
  }

  /** Every text of every user turn of a recorded request. */
  static userTexts(request: RecordedRequest): string[] {
    const contents = (request.body?.contents ?? []) as Array<{ role?: string; parts?: Array<{ text?: string }> }>;
    return contents.filter((c) => c.role !== 'model').flatMap((c) => (c.parts ?? []).map((p) => p.text ?? ''));
  }

  protected notFound(request: RecordedRequest): FakeReply | undefined {
    if (request.method === 'POST' && ROUTE.test(request.path)) return undefined;
    return geminiError(404, `${request.method} ${request.path} is not a generateContent call`, 'NOT_FOUND');
  }

  protected defaultReply(request: RecordedRequest): FakeReply {
    if (!request.headers['x-goog-api-key']) return geminiError(403, 'Method doesn\'t allow unregistered callers.', 'PERMISSION_DENIED');
    const modalities = (request.body?.generationConfig?.responseModalities ?? []) as unknown[];
    if (modalities.includes('IMAGE')) return geminiImageAnswer(FAKE_PNG);
    const texts = FakeGeminiServer.userTexts(request);
    const answer = smartAnswer(request.body?.generationConfig?.responseJsonSchema, texts);
    return geminiAnswer(answer, { promptTokenCount: estimateTokens(request.rawBody), candidatesTokenCount: estimateTokens(answer) });
  }
}

export interface GeminiUsage {
  promptTokenCount: number;
  candidatesTokenCount: number;
}

/** A successful generateContent response whose single candidate says `text`. */
export function geminiAnswer(text: string, usage: GeminiUsage = { promptTokenCount: 10, candidatesTokenCount: 5 }, finishReason = 'STOP'): FakeReply {
  return {
    body: {
      candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason, index: 0 }],
      usageMetadata: { ...usage, totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount },
      modelVersion: 'fake-gemini',
      responseId: 'fake-response',
    },
  };
}

/** A successful image answer: one `inlineData` part with the bytes base64-encoded. */
export function geminiImageAnswer(png: Buffer, mimeType = 'image/png'): FakeReply {
  return {
    body: {
      candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType, data: png.toString('base64') } }] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 1290, totalTokenCount: 1302 },
      modelVersion: 'fake-gemini-image',
      responseId: 'fake-image-response',
    },
  };
}

/** The prompt itself was blocked: no candidates, `promptFeedback.blockReason`. */
export function geminiPromptBlocked(blockReason = 'SAFETY'): FakeReply {
  return {
    body: {
      promptFeedback: { blockReason, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] },
      usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
    },
  };
}

/** The answer was withheld: a candidate with `finishReason` SAFETY (or PROHIBITED_CONTENT, …) and no text. */
export function geminiAnswerBlocked(finishReason = 'SAFETY'): FakeReply {
  return {
    body: {
      candidates: [{ finishReason, index: 0, safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }] }],
      usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 },
    },
  };
}

const STATUS_NAMES: Record<number, string> = { 400: 'INVALID_ARGUMENT', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

/** A Google API error: `{error: {code, message, status}}`. */
export function geminiError(code: number, message: string, status = STATUS_NAMES[code] ?? 'UNKNOWN', headers?: Record<string, string>): FakeReply {
  return { status: code, headers, body: { error: { code, message, status } } };
}
