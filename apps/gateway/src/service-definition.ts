import { ServiceDefinition } from '@app/service-kit';
import { GatewayConfig, readGatewayConfigFromEnv } from './config/gateway.config';
import { GatewayModule } from './gateway.module';
import { configureGatewayHttp } from './http-setup';
import { GATEWAY_MIGRATIONS } from './migrations';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  readConfig: (env) => readGatewayConfigFromEnv(env),
  module: GatewayModule.forRoot,
  migrations: GATEWAY_MIGRATIONS,
  configureHttp: configureGatewayHttp,
};
