import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { PostingModule } from './posting.module';

void bootstrapService({
  service: 'posting-svc', readConfig: () => readConfigFromEnv('posting-svc'), module: PostingModule.forRoot });
