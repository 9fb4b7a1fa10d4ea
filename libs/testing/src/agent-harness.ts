import { AgentConfig, readAgentSettings } from '@app/agent-kit';
import type { ServiceName } from '@app/config';
import type { RoutingKey } from '@app/contracts';
import { FakeGeminiServer } from '@app/llm';
import { DynamicModule } from '@nestjs/common';
import { BusObserver } from './bus-observer';
import { InProcessService, startInProcess } from './in-process';

export interface AgentHarness {
  svc: InProcessService;
  observer: BusObserver;
  /** The local Gemini fake the agent calls, when started with `gemini: true`. */
  gemini?: FakeGeminiServer;
  stop(): Promise<void>;
}

export interface AgentHarnessOptions {
  service: ServiceName;
  module: (config: AgentConfig) => DynamicModule;
  /** Routing keys the observer listens to (what the agent publishes). */
  observe: RoutingKey[];
  /** Run the agent on the Gemini provider (the real SDK against a local fake of the REST API). */
  gemini?: boolean;
  env?: Record<string, string>;
}

/** An agent service in this process on the real bus and database, with an observer of what it publishes. */
export async function startAgent(options: AgentHarnessOptions): Promise<AgentHarness> {
  const gemini = options.gemini ? new FakeGeminiServer() : undefined;
  const geminiEnv: Record<string, string> = gemini ? { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'test-key', GEMINI_BASE_URL: await gemini.start() } : {};
  const svc = await startInProcess({
    queue: options.service,
    readConfig: (reader) => readAgentSettings(options.service, reader),
    module: options.module,
    env: { ...geminiEnv, ...options.env },
  });
  const observer = await BusObserver.start(svc.namespace, options.observe);
  return {
    svc,
    observer,
    gemini,
    stop: async () => {
      await observer.close();
      await svc.stop();
      await gemini?.close();
    },
  };
}
