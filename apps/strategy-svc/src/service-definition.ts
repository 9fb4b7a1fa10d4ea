import { AgentConfig, readAgentConfig } from '@app/agent-kit';
import { ServiceDefinition } from '@app/service-kit';
import { StrategyModule } from './strategy.module';

export const strategyService: ServiceDefinition<AgentConfig> = {
  name: 'strategy-svc',
  readConfig: (env) => readAgentConfig('strategy-svc', env),
  module: StrategyModule.forRoot,
};
