import { ServiceDefinition } from '@app/service-kit';
import { SchedulerConfig, readSchedulerConfig } from './config/scheduler.config';
import { SchedulerModule } from './scheduler.module';

export const schedulerService: ServiceDefinition<SchedulerConfig> = {
  name: 'scheduler-svc',
  readConfig: (env) => readSchedulerConfig(env),
  module: SchedulerModule.forRoot,
};
