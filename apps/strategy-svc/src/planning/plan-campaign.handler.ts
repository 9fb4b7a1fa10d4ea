import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { LLM_PROVIDER } from '@app/llm';
import type { LlmProvider } from '@app/llm';
import { generateValidated, runPipelineStage } from '@app/agent-kit';
import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { strategyRequest } from './strategy.prompt';

/** Strategy agent: campaign.requested → campaign.planned (strategy and content plan added). */
@BusController()
export class PlanCampaignHandler {
  constructor(@Inject(LLM_PROVIDER) private readonly llm: LlmProvider) {}

  @EventPattern<string>(Events.CampaignRequested)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignRequested>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'strategy', Events.CampaignPlanned, async (state) => {
      const { output, usage } = await generateValidated(this.llm, strategyRequest(state.spec));
      return { state: { ...state, strategy: output }, usage };
    });
  }
}
