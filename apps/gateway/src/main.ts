import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { gatewayService } from './service-definition';

void bootstrapService(gatewayService);
