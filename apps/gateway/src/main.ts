import 'reflect-metadata';
import { bootstrapService } from '@app/service-kit';
import { readGatewayConfigFromEnv } from './config/gateway.config';
import { GatewayModule } from './gateway.module';
import { configureGatewayHttp } from './http-setup';

void bootstrapService({
  service: 'gateway',
  readConfig: () => readGatewayConfigFromEnv(process.env),
  module: GatewayModule.forRoot,
  configureHttp: configureGatewayHttp,
});
