import { ConfigError, EnvReader } from '@app/config';
import { readLlmConfig } from './config';
import { LlmConfigError } from './errors';
import { createLlmProvider } from './factory';
import { GeminiProvider } from './gemini/gemini.provider';
import { OfflineLlmProvider } from './offline/offline.provider';
import { OpenAiCompatibleProvider } from './openai/openai.provider';

describe('LLM configuration', () => {
  it('defaults to the offline provider everywhere, with the documented defaults', () => {
    const config = readLlmConfig({});
    expect(config).toEqual({
      provider: 'offline',
      stages: { strategy: 'offline', content: 'offline', creative: 'offline' },
      gemini: { apiKey: '', model: 'gemini-3.8-flash', lightModel: 'gemini-3.5-flash-lite', baseUrl: 'https://generativelanguage.googleapis.com', imageModel: undefined },
      openai: { baseUrl: 'https://api.openai.com/v1', apiKey: undefined, model: '' },
      timeoutMs: 60_000,
      maxAttempts: 4,
      retryBaseMs: 500,
    });
    expect(createLlmProvider(config, 'strategy')).toBeInstanceOf(OfflineLlmProvider);
  });

  it('applies per-stage overrides and builds each provider', () => {
    const config = readLlmConfig({
      LLM_PROVIDER: 'gemini',
      LLM_PROVIDER_CONTENT: 'openai',
      LLM_PROVIDER_CREATIVE: 'gemini',
      GEMINI_API_KEY: 'g-key',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.2',
      LLM_TIMEOUT_MS: '5000',
      LLM_MAX_ATTEMPTS: '2',
      LLM_RETRY_BASE_MS: '50',
    });
    expect(config.stages).toEqual({ strategy: 'gemini', content: 'openai', creative: 'gemini' });
    const strategy = createLlmProvider(config, 'strategy') as GeminiProvider;
    const content = createLlmProvider(config, 'content') as OpenAiCompatibleProvider;
    const creative = createLlmProvider(config, 'creative') as GeminiProvider;
    expect(strategy).toBeInstanceOf(GeminiProvider);
    expect(strategy.model).toBe('gemini-3.8-flash');
    expect(creative.model).toBe('gemini-3.5-flash-lite');
    expect(content).toBeInstanceOf(OpenAiCompatibleProvider);
    expect([strategy.name, content.name, content.model]).toEqual(['gemini', 'openai', 'llama3.2']);
  });

  it('requires GEMINI_API_KEY and OPENAI_MODEL only when those providers are used', () => {
    expect(() => readLlmConfig({ LLM_PROVIDER_CREATIVE: 'gemini', LLM_PROVIDER_STRATEGY: 'openai' })).toThrow(
      new ConfigError(['GEMINI_API_KEY is required', 'OPENAI_MODEL is required']),
    );
    expect(() => readLlmConfig({ GEMINI_MODEL: 'x' })).not.toThrow();
  });

  it('collects every problem on a caller-owned reader, which the caller reports with done()', () => {
    const reader = new EnvReader({ LLM_PROVIDER: 'claude', LLM_TIMEOUT_MS: 'soon', LLM_MAX_ATTEMPTS: '0', OPENAI_BASE_URL: 'ftp://x' });
    const config = readLlmConfig(reader);
    expect(config.provider).toBe('offline');
    let problems: string[] = [];
    try {
      reader.done();
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'LLM_PROVIDER must be one of offline, gemini, openai, got "claude"',
      'OPENAI_BASE_URL must be a URL starting with http:// or https://, got "ftp://x"',
      'LLM_TIMEOUT_MS must be an integer from 100 to 600000, got "soon"',
      'LLM_MAX_ATTEMPTS must be an integer from 1 to 10, got "0"',
    ]);
  });

  it('refuses to build a provider whose settings are missing', () => {
    const config = readLlmConfig({});
    expect(() => createLlmProvider({ ...config, stages: { ...config.stages, strategy: 'gemini' } }, 'strategy')).toThrow(LlmConfigError);
    expect(() => createLlmProvider({ ...config, stages: { ...config.stages, content: 'openai' } }, 'content')).toThrow(/OPENAI_MODEL/);
  });
});
