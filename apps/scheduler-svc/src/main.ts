import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { readSchedulerConfig } from './config/scheduler.config';
import { SchedulerModule } from './scheduler.module';

void bootstrapService({ readConfig: () => readSchedulerConfig(), module: SchedulerModule.forRoot });
