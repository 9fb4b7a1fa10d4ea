import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { StageResult, AgentModel, runPipelineStage } from '@app/agent-kit';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { ImageStore } from '../images/image-store';
import { VisualRenderer } from '../images/visual-renderer';
import { creativeRequest } from './creative.prompt';
import { needsVisual } from './needs-visual';

/** Creative agent: campaign.written → campaign.designed (visual concept, image prompt, alt text). */
@BusController()
export class DesignVisualsHandler {
  constructor(
    private readonly model: AgentModel,
    private readonly renderer: VisualRenderer,
    private readonly images: ImageStore,
  ) {}

  @EventPattern<string>(Events.CampaignWritten, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignWritten>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'creative', Events.CampaignDesigned, async (state): Promise<StageResult> => {
      const wanted = state.posts.filter(needsVisual);
      if (wanted.length === 0) return { state };
      const inputPosts = wanted.map(({ id, platform, contentType, pillar, text, hashtags }) => ({ id, platform, contentType, pillar, text, hashtags }));
      const { outputs, usage } = await this.model.generateBatched(state.campaignId, inputPosts, (batch) =>
        creativeRequest(state.spec, state.strategy?.pillars ?? [], batch),
      );
      const byPost = new Map(outputs.flatMap((o) => o.visuals).map(({ postId, ...visual }) => [postId, visual]));
      const designed = state.posts.map((post) => (byPost.has(post.id) ? { ...post, visual: byPost.get(post.id) } : post));
      const { posts, images } = await this.renderer.render(state.campaignId, designed);
      const persist = async (manager: EntityManager) => {
        for (const image of images) await this.images.insert(manager, image);
      };
      return { state: { ...state, posts }, usage, persist };
    });
  }
}
