import 'reflect-metadata';
import { bootstrapService, readConfigFromEnv } from '@app/service-kit';
import { AnalyticsModule } from './analytics.module';

void bootstrapService({ readConfig: () => readConfigFromEnv('analytics-svc'), module: AnalyticsModule.forRoot });
