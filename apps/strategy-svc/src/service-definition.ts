import { AgentConfig, readAgentConfig } from '@app/agent-kit';
import { ServiceDefinition } from '@app/service-kit';
import { StrategyModule } from './strategy.module';
import { STRATEGY_MIGRATIONS } from './migrations';

export const strategyService: ServiceDefinition<AgentConfig> = {
  name: 'strategy-svc',
  readConfig: (env) => readAgentConfig('strategy-svc', env),
  module: StrategyModule.forRoot,
  migrations: STRATEGY_MIGRATIONS,
};
