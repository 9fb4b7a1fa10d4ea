import { ServiceConfig } from '@app/config';
import { AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitStrategy1764028800000 } from './migrations/1764028800000-InitStrategy';
import { PlanCampaignHandler } from './planning/plan-campaign.handler';

@Module({})
export class StrategyModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: StrategyModule,
      imports: [AgentCoreModule.forRoot(config, 'strategy', [InitStrategy1764028800000])],
      controllers: [PlanCampaignHandler],
    };
  }
}
