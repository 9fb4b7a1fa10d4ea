import { ServiceDefinition } from '@app/service-kit';
import { SchedulerConfig, readSchedulerConfig } from './config/scheduler.config';
import { SchedulerModule } from './scheduler.module';
import { SCHEDULER_MIGRATIONS } from './migrations';

export const schedulerService: ServiceDefinition<SchedulerConfig> = {
  name: 'scheduler-svc',
  readConfig: (env) => readSchedulerConfig(env),
  module: SchedulerModule.forRoot,
  migrations: SCHEDULER_MIGRATIONS,
};
