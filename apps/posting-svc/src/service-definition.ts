import { ServiceDefinition, readConfigFromEnv } from '@app/service-kit';
import { PostingModule } from './posting.module';

export const postingService: ServiceDefinition = {
  name: 'posting-svc',
  readConfig: (env) => readConfigFromEnv('posting-svc', env),
  module: PostingModule.forRoot,
};
