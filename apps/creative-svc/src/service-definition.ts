import { AgentConfig, readAgentConfig } from '@app/agent-kit';
import { ServiceDefinition } from '@app/service-kit';
import { CreativeModule } from './creative.module';

export const creativeService: ServiceDefinition<AgentConfig> = {
  name: 'creative-svc',
  readConfig: (env) => readAgentConfig('creative-svc', env),
  module: CreativeModule.forRoot,
};
