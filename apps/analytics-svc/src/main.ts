import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { analyticsService } from './service-definition';

void bootstrapService(analyticsService);
