import { randomUUID } from 'node:crypto';
import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, PostDraft } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { StageFailure, AgentModel, runPipelineStage } from '@app/agent-kit';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { contentRequest } from './content.prompt';

/** Content Writer agent: campaign.planned → campaign.written (one post per plan entry). */
@BusController()
export class WritePostsHandler {
  constructor(private readonly model: AgentModel) {}

  @EventPattern<string>(Events.CampaignPlanned, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignPlanned>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'content', Events.CampaignWritten, async (state) => {
      if (!state.strategy) throw new StageFailure('campaign has no strategy to write from');
      const { output, usage } = await this.model.generate(state.campaignId, contentRequest(state.spec, state.strategy));
      const posts: PostDraft[] = output.posts.map((written) => ({ id: randomUUID(), ...written }));
      return { state: { ...state, posts }, usage };
    });
  }
}
