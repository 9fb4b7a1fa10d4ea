import type { LlmConfig, LlmStage } from './config';
import { LlmConfigError } from './errors';
import { GeminiImageGenerator } from './gemini/gemini-image.generator';
import { GeminiProvider } from './gemini/gemini.provider';
import type { RetryOptions } from './http/retry';
import type { ImageGenerator } from './image/image.port';
import type { LlmProvider } from './llm.port';
import { OfflineLlmProvider } from './offline/offline.provider';
import { OpenAiCompatibleProvider } from './openai/openai.provider';

/** The provider a stage's agent calls, as configured (LLM_PROVIDER and LLM_PROVIDER_<STAGE>). */
export function createLlmProvider(config: LlmConfig, stage: LlmStage): LlmProvider {
  const retry: RetryOptions = { maxAttempts: config.maxAttempts, baseDelayMs: config.retryBaseMs };
  const name = config.stages[stage] ?? config.provider;
  switch (name) {
    case 'offline':
      return new OfflineLlmProvider();
    case 'gemini':
      if (!config.gemini.apiKey) throw new LlmConfigError('GEMINI_API_KEY is required for the gemini provider', 'gemini');
      return new GeminiProvider({
        apiKey: config.gemini.apiKey,
        // The creative step (short, many, structured) runs on the cheaper model.
        model: stage === 'creative' ? config.gemini.lightModel : config.gemini.model,
        baseUrl: config.gemini.baseUrl,
        timeoutMs: config.timeoutMs,
        retry,
      });
    case 'openai':
      if (!config.openai.model) throw new LlmConfigError('OPENAI_MODEL is required for the openai provider', 'openai');
      return new OpenAiCompatibleProvider({
        baseUrl: config.openai.baseUrl,
        apiKey: config.openai.apiKey,
        model: config.openai.model,
        timeoutMs: config.timeoutMs,
        retry,
      });
    default:
      throw new LlmConfigError(`unknown LLM provider "${String(name)}"`, String(name));
  }
}

/** The image generator (Gemini), or null when GEMINI_IMAGE_MODEL is unset (image generation off). */
export function createImageGenerator(config: LlmConfig): ImageGenerator | null {
  const model = config.gemini.imageModel;
  if (!model) return null;
  if (!config.gemini.apiKey) throw new LlmConfigError('GEMINI_API_KEY is required when GEMINI_IMAGE_MODEL is set', 'gemini');
  return new GeminiImageGenerator({
    apiKey: config.gemini.apiKey,
    model,
    baseUrl: config.gemini.baseUrl,
    timeoutMs: config.timeoutMs,
    retry: { maxAttempts: config.maxAttempts, baseDelayMs: config.retryBaseMs },
  });
}
