import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { contentService } from './service-definition';

void bootstrapService(contentService);
