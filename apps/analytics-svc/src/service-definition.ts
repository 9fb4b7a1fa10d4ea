import { ServiceDefinition } from '@app/service-kit';
import { AnalyticsModule } from './analytics.module';
import { AnalyticsConfig, readAnalyticsConfig } from './config/analytics.config';
import { ANALYTICS_MIGRATIONS } from './migrations';

export const analyticsService: ServiceDefinition<AnalyticsConfig> = {
  name: 'analytics-svc',
  readConfig: (env) => readAnalyticsConfig(env),
  module: AnalyticsModule.forRoot,
  migrations: ANALYTICS_MIGRATIONS,
};
