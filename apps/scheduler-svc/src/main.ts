import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { readSchedulerConfig } from './config/scheduler.config';
import { SchedulerModule } from './scheduler.module';

void bootstrapService({
  service: 'scheduler-svc', readConfig: () => readSchedulerConfig(), module: SchedulerModule.forRoot });
