import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitStrategy1764028800000 } from './migrations/1764028800000-InitStrategy';
import { AddLlmResultsStrategy1764115200000 } from './migrations/1764115200000-AddLlmResultsStrategy';
import { AccountInsights1764374400000 } from './migrations/1764374400000-AccountInsights';
import { AccountInsightsHandler } from './planning/account-insights.handler';
import { PlanCampaignHandler } from './planning/plan-campaign.handler';

@Module({})
export class StrategyModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: StrategyModule,
      imports: [AgentCoreModule.forRoot(config, 'strategy', [InitStrategy1764028800000, AddLlmResultsStrategy1764115200000, AccountInsights1764374400000])],
      controllers: [PlanCampaignHandler, AccountInsightsHandler],
    };
  }
}
