import { ServiceDefinition, readConfigFromEnv } from '@app/service-kit';
import { StrategyModule } from './strategy.module';

export const strategyService: ServiceDefinition = {
  name: 'strategy-svc',
  readConfig: (env) => readConfigFromEnv('strategy-svc', env),
  module: StrategyModule.forRoot,
};
