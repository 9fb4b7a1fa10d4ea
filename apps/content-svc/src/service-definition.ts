import { ServiceDefinition, readConfigFromEnv } from '@app/service-kit';
import { ContentModule } from './content.module';

export const contentService: ServiceDefinition = {
  name: 'content-svc',
  readConfig: (env) => readConfigFromEnv('content-svc', env),
  module: ContentModule.forRoot,
};
