import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { ContentModule } from './content.module';

void bootstrapService({
  service: 'content-svc', readConfig: () => readConfigFromEnv('content-svc'), module: ContentModule.forRoot });
