import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { CreativeModule } from './creative.module';

void bootstrapService({
  service: 'creative-svc', readConfig: () => readConfigFromEnv('creative-svc'), module: CreativeModule.forRoot });
