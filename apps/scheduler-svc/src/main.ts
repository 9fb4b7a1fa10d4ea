import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { schedulerService } from './service-definition';

void bootstrapService(schedulerService);
