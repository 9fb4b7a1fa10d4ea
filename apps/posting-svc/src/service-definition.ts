import { ServiceDefinition } from '@app/service-kit';
import { PostingConfig, readPostingConfig } from './config/posting.config';
import { PostingModule } from './posting.module';
import { POSTING_MIGRATIONS } from './migrations';

export const postingService: ServiceDefinition<PostingConfig> = {
  name: 'posting-svc',
  readConfig: (env) => readPostingConfig(env),
  module: PostingModule.forRoot,
  migrations: POSTING_MIGRATIONS,
};
