import { AgentConfig, readAgentConfig } from '@app/agent-kit';
import { ServiceDefinition } from '@app/service-kit';
import { ContentModule } from './content.module';
import { CONTENT_MIGRATIONS } from './migrations';

export const contentService: ServiceDefinition<AgentConfig> = {
  name: 'content-svc',
  readConfig: (env) => readAgentConfig('content-svc', env),
  module: ContentModule.forRoot,
  migrations: CONTENT_MIGRATIONS,
};
