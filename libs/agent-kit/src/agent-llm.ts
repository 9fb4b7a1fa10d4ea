import { LLM_PROVIDER, LlmStage, createLlmProvider } from '@app/llm';
import { Provider } from '@nestjs/common';
import type { AgentConfig } from './agent-config';

/** The model behind an agent: LLM_PROVIDER (or LLM_PROVIDER_<STAGE>) picks offline, gemini or openai. */
export function llmProvider(config: AgentConfig, stage: LlmStage): Provider {
  return { provide: LLM_PROVIDER, useFactory: () => createLlmProvider(config.llm, stage) };
}
