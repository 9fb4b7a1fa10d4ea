import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { AnalyticsModule } from './analytics.module';

void bootstrapService({
  service: 'analytics-svc', readConfig: () => readConfigFromEnv('analytics-svc'), module: AnalyticsModule.forRoot });
