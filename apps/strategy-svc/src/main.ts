import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { strategyService } from './service-definition';

void bootstrapService(strategyService);
