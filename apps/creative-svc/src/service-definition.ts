import { AgentConfig, readAgentConfig } from '@app/agent-kit';
import { ServiceDefinition } from '@app/service-kit';
import { CreativeModule } from './creative.module';
import { CREATIVE_MIGRATIONS } from './migrations';

export const creativeService: ServiceDefinition<AgentConfig> = {
  name: 'creative-svc',
  readConfig: (env) => readAgentConfig('creative-svc', env),
  module: CreativeModule.forRoot,
  migrations: CREATIVE_MIGRATIONS,
};
