import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { postingService } from './service-definition';

void bootstrapService(postingService);
