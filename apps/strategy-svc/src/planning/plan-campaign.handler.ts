import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, campaignSpecProblems } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { StageFailure, AgentModel, runPipelineStage } from '@app/agent-kit';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { loadStrategyInsights } from './strategy-insights';
import { strategyRequest } from './strategy.prompt';

/** Strategy agent: campaign.requested → campaign.planned (strategy and content plan added). */
@BusController()
export class PlanCampaignHandler {
  constructor(
    private readonly model: AgentModel,
    private readonly dataSource: DataSource,
  ) {}

  @EventPattern<string>(Events.CampaignRequested, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignRequested>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'strategy', Events.CampaignPlanned, async (state) => {
      const problems = campaignSpecProblems(state.spec);
      if (problems.length > 0) throw new StageFailure(`invalid campaign spec: ${problems.join('; ')}`);
      const learned = await loadStrategyInsights(this.dataSource, state.userId, state.spec.targetPlatforms);
      const { output, usage } = await this.model.generate(state.campaignId, strategyRequest(state.spec, learned?.insights));
      const recommendations = learned ? { ...state.recommendations, strategy: learned.used } : state.recommendations;
      return { state: { ...state, strategy: output, ...(recommendations ? { recommendations } : {}) }, usage };
    });
  }
}
