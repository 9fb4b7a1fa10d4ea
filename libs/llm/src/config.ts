import { EnvReader } from '@app/config';
import { GEMINI_DEFAULT_BASE_URL } from './gemini/gemini.provider';
import { OPENAI_DEFAULT_BASE_URL } from './openai/openai.provider';

export const LLM_PROVIDER_NAMES = ['offline', 'gemini', 'openai'] as const;
export type LlmProviderName = (typeof LLM_PROVIDER_NAMES)[number];

/** The agents that call a model; each can use its own provider. */
export const LLM_STAGES = ['strategy', 'content', 'creative'] as const;
export type LlmStage = (typeof LLM_STAGES)[number];

export const DEFAULT_GEMINI_MODEL = 'gemini-3.8-flash';
export const DEFAULT_GEMINI_LIGHT_MODEL = 'gemini-3.5-flash-lite';

export interface LlmConfig {
  /** LLM_PROVIDER: the default for every stage. */
  provider: LlmProviderName;
  /** The provider of each stage after the LLM_PROVIDER_<STAGE> overrides. */
  stages: Record<LlmStage, LlmProviderName>;
  gemini: {
    apiKey: string;
    model: string;
    /** Used by the creative stage. */
    lightModel: string;
    baseUrl: string;
    /** GEMINI_IMAGE_MODEL: the image-output model; unset means image generation is off (no default). */
    imageModel?: string;
  };
  openai: {
    baseUrl: string;
    apiKey?: string;
    model: string;
  };
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the LLM settings. Given an EnvReader, problems are collected and the caller calls `done()`;
 * given a plain env, it throws ConfigError itself when something is wrong.
 */
export function readLlmConfig(source: EnvReader | Env): LlmConfig {
  if (!(source instanceof EnvReader)) {
    const reader = new EnvReader(source);
    const config = readLlmConfig(reader);
    reader.done();
    return config;
  }
  const reader = source;
  const provider = reader.oneOf('LLM_PROVIDER', LLM_PROVIDER_NAMES, 'offline');
  const stages = {} as Record<LlmStage, LlmProviderName>;
  for (const stage of LLM_STAGES) stages[stage] = reader.oneOf(`LLM_PROVIDER_${stage.toUpperCase()}`, LLM_PROVIDER_NAMES, provider);
  const uses = (name: LlmProviderName) => Object.values(stages).includes(name);
  const imageModel = reader.optional('GEMINI_IMAGE_MODEL');
  const geminiKey = uses('gemini') ? reader.string('GEMINI_API_KEY') : (reader.optional('GEMINI_API_KEY') ?? '');
  if (imageModel && !geminiKey && !uses('gemini')) reader.problem('GEMINI_API_KEY is required when GEMINI_IMAGE_MODEL is set');
  return {
    provider,
    stages,
    gemini: {
      apiKey: geminiKey,
      model: reader.string('GEMINI_MODEL', DEFAULT_GEMINI_MODEL),
      lightModel: reader.string('GEMINI_LIGHT_MODEL', DEFAULT_GEMINI_LIGHT_MODEL),
      baseUrl: reader.url('GEMINI_BASE_URL', GEMINI_DEFAULT_BASE_URL, ['http:', 'https:']),
      imageModel,
    },
    openai: {
      baseUrl: reader.url('OPENAI_BASE_URL', OPENAI_DEFAULT_BASE_URL, ['http:', 'https:']),
      apiKey: reader.optional('OPENAI_API_KEY'),
      model: uses('openai') ? reader.string('OPENAI_MODEL') : (reader.optional('OPENAI_MODEL') ?? ''),
    },
    timeoutMs: reader.int('LLM_TIMEOUT_MS', 60_000, { min: 100, max: 600_000 }),
    maxAttempts: reader.int('LLM_MAX_ATTEMPTS', 4, { min: 1, max: 10 }),
    retryBaseMs: reader.int('LLM_RETRY_BASE_MS', 500, { min: 0, max: 60_000 }),
  };
}
