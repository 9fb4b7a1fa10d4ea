import { randomUUID } from 'node:crypto';
import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, PostDraft } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { StageFailure, AgentModel, runPipelineStage } from '@app/agent-kit';
import { validateStepOutput } from '@app/llm';
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
      const strategy = state.strategy;
      const { outputs, usage } = await this.model.generateBatched(state.campaignId, strategy.plan, (plan) => contentRequest(state.spec, { ...strategy, plan }));
      const written = { posts: outputs.flatMap((o) => o.posts) };
      // Batches were each checked; the whole is checked once more (e.g. no text repeated across batches).
      const problems = validateStepOutput('content.write', { spec: state.spec, strategy }, written);
      if (problems.length > 0) throw new StageFailure(`the written posts do not fit together: ${problems.slice(0, 5).join('; ')}`);
      const posts: PostDraft[] = written.posts.map((post) => ({ id: randomUUID(), ...post }));
      return { state: { ...state, posts }, usage };
    });
  }
}
