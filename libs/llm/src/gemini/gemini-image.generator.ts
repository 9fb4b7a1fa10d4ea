import { performance } from 'node:perf_hooks';
import type { GenerateContentResponse } from '@google/genai';
import { LlmInvalidOutputError } from '../errors';
import type { RetryOptions } from '../http/retry';
import type { GeneratedImage, ImageAspectRatio, ImageGenerator, ImageRequest } from '../image/image.port';
import { createGeminiClient, geminiGenerate, type GeminiCallOptions } from './gemini.call';
import { GEMINI_PROVIDER_NAME } from './gemini.provider';
import { checkGeminiBlocked, geminiText } from './gemini.response';

export interface GeminiImageGeneratorOptions {
  apiKey: string;
  /** An image-output model, e.g. gemini-2.5-flash-image (GEMINI_IMAGE_MODEL). */
  model: string;
  baseUrl?: string;
  timeoutMs: number;
  retry: RetryOptions;
}

/**
 * The ratio sent in `imageConfig.aspectRatio`. Gemini image models accept 1:1, 2:3, 3:2, 3:4, 4:3, 4:5, 5:4,
 * 9:16, 16:9 and 21:9; '1.91:1' is not among them and becomes '16:9' (the nearest wider-than-tall ratio, 1.78),
 * which the caller crops to 1.91:1 (about 7% of the height). The prompt then asks to keep the subject central.
 */
export const GEMINI_ASPECT_RATIOS: Record<ImageAspectRatio, string> = {
  '1:1': '1:1',
  '4:5': '4:5',
  '16:9': '16:9',
  '1.91:1': '16:9',
  '9:16': '9:16',
};

/** Gemini native image output (`responseModalities: ['IMAGE']`) with the shared retry/deadline/error handling. */
export class GeminiImageGenerator implements ImageGenerator {
  readonly name = GEMINI_PROVIDER_NAME;
  readonly model: string;
  private readonly call: GeminiCallOptions;

  constructor(options: GeminiImageGeneratorOptions) {
    this.model = options.model;
    this.call = { provider: this.name, client: createGeminiClient(options.apiKey, options.baseUrl), timeoutMs: options.timeoutMs, retry: options.retry };
  }

  async generate(request: ImageRequest): Promise<GeneratedImage> {
    const started = performance.now();
    const aspectRatio = GEMINI_ASPECT_RATIOS[request.aspectRatio];
    const params = {
      model: this.model,
      contents: [{ role: 'user', parts: [{ text: geminiImagePrompt(request, aspectRatio) }] }],
      config: { responseModalities: ['IMAGE'], imageConfig: { aspectRatio } },
    };
    return geminiGenerate(this.call, params, (response, attempts) => {
      checkGeminiBlocked(this.name, response);
      const { mimeType, data } = geminiImage(this.name, response);
      return { mimeType, data, model: this.model, latencyMs: Math.round(performance.now() - started), attempts };
    });
  }
}

/** The prompt, plus a framing note when the ratio sent differs from the one asked for (it will be cropped). */
export function geminiImagePrompt(request: ImageRequest, sentRatio: string): string {
  if (sentRatio === request.aspectRatio) return request.prompt;
  return `${request.prompt}\n\nFraming: the image will be cropped to a ${request.aspectRatio} aspect ratio; keep the subject and any text away from the top and bottom edges.`;
}

/** The first non-thought image part of the first candidate; none → LlmInvalidOutputError carrying any text answer. */
export function geminiImage(provider: string, response: GenerateContentResponse): { mimeType: string; data: Buffer } {
  const parts = response.candidates?.[0]?.content?.parts ?? [];
  for (const part of parts) {
    const inline = part.inlineData;
    // Thinking image models may return draft images as thought parts; only the final one counts.
    if (part.thought || !inline?.data || !inline.mimeType?.startsWith('image/')) continue;
    const data = Buffer.from(inline.data, 'base64');
    if (data.length > 0) return { mimeType: inline.mimeType, data };
  }
  const finish = response.candidates?.[0]?.finishReason;
  const text = geminiText(response);
  throw new LlmInvalidOutputError(`${provider} answered without an image${finish ? ` (finishReason ${finish})` : ''}`, provider, text);
}
