import { ServiceDefinition, readConfigFromEnv } from '@app/service-kit';
import { AnalyticsModule } from './analytics.module';

export const analyticsService: ServiceDefinition = {
  name: 'analytics-svc',
  readConfig: (env) => readConfigFromEnv('analytics-svc', env),
  module: AnalyticsModule.forRoot,
};
