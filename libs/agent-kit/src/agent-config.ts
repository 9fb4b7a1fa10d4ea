import { EnvReader, ServiceConfig, ServiceName, readServiceConfig } from '@app/config';
import { LlmConfig, readLlmConfig } from '@app/llm';

/** An agent service's configuration: the common settings plus which model provider it calls. */
export interface AgentConfig extends ServiceConfig {
  llm: LlmConfig;
}

export function readAgentConfig(service: ServiceName, env: Record<string, string | undefined>): AgentConfig {
  const reader = new EnvReader(env);
  const config: AgentConfig = { ...readServiceConfig(service, reader), llm: readLlmConfig(reader) };
  reader.done();
  return config;
}
