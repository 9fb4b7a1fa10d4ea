import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { AccountInsightsHandler } from './planning/account-insights.handler';
import { PlanCampaignHandler } from './planning/plan-campaign.handler';
import { STRATEGY_MIGRATIONS } from './migrations';

@Module({})
export class StrategyModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: StrategyModule,
      imports: [AgentCoreModule.forRoot(config, 'strategy', STRATEGY_MIGRATIONS)],
      controllers: [PlanCampaignHandler, AccountInsightsHandler],
    };
  }
}
