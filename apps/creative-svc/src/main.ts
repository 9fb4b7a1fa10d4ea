import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { creativeService } from './service-definition';

void bootstrapService(creativeService);
