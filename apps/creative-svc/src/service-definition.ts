import { ServiceDefinition, readConfigFromEnv } from '@app/service-kit';
import { CreativeModule } from './creative.module';

export const creativeService: ServiceDefinition = {
  name: 'creative-svc',
  readConfig: (env) => readConfigFromEnv('creative-svc', env),
  module: CreativeModule.forRoot,
};
