import { EnvReader, ServiceConfig, ServiceName, readServiceConfig } from '@app/config';
import { LlmConfig, readLlmConfig } from '@app/llm';

/** An agent service's configuration: the common settings plus which model provider it calls. */
export interface AgentConfig extends ServiceConfig {
  llm: LlmConfig;
  /** Posts per model call: a stage with more is split into batches, so no answer outgrows the model's output limit. */
  batchPosts: number;
}

/** Reads an agent's settings; the caller calls `reader.done()` (which reports every problem at once). */
export function readAgentSettings(service: ServiceName, reader: EnvReader): AgentConfig {
  return {
    ...readServiceConfig(service, reader),
    llm: readLlmConfig(reader),
    batchPosts: reader.int('AGENT_BATCH_POSTS', 40, { min: 1, max: 500 }),
  };
}

export function readAgentConfig(service: ServiceName, env: Record<string, string | undefined>): AgentConfig {
  const reader = new EnvReader(env);
  const config = readAgentSettings(service, reader);
  reader.done();
  return config;
}
