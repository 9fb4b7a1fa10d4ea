import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, PostDraft } from '@app/contracts';
import type { CampaignRecommendations, Envelope } from '@app/contracts';
import { runPipelineStage } from '@app/agent-kit';

import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource, EntityManager } from 'typeorm';
import { ScheduledPost } from '../posts/scheduled-post.entity';
import { PlacedPost, planSchedule } from './schedule-planner';
import { loadSlotModels } from './slot-models.handler';

/** Scheduler agent: campaign.designed → campaign.scheduled (every post gets a time; stored as drafts until executed). */
@BusController()
export class ScheduleCampaignHandler {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern<string>(Events.CampaignDesigned, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignDesigned>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'schedule', Events.CampaignScheduled, async (state) => {
      const models = await loadSlotModels(this.dataSource, state.userId, state.spec.targetPlatforms);
      const placed = planSchedule(state.spec, state.strategy?.plan ?? [], state.posts, new Date(), models, state.campaignId);
      const posts: PostDraft[] = state.posts.map((post) => ({ ...post, scheduledTime: placed.get(post.id)!.time.toISOString(), slotChoice: placed.get(post.id)!.choice }));
      const rows = posts.map((post) => toRow(state.campaignId, state.userId, post));
      const persist = async (manager: EntityManager) => {
        await manager.createQueryBuilder().insert().into(ScheduledPost).values(rows).orIgnore().execute();
      };
      const recommendations = { ...state.recommendations, schedule: scheduleSummary([...placed.values()]) };
      return { state: { ...state, posts, recommendations }, persist };
    });
  }
}

/** Which optimization runs placed the campaign's posts, and how many posts explored. */
function scheduleSummary(placed: PlacedPost[]): NonNullable<CampaignRecommendations['schedule']> {
  const learned = placed.filter((p) => p.choice.source === 'learned');
  return {
    runIds: [...new Set(learned.map((p) => p.choice.runId!))],
    learnedPosts: learned.length,
    defaultPosts: placed.length - learned.length,
    exploredPosts: learned.filter((p) => p.choice.explored).length,
  };
}

function toRow(campaignId: string, userId: string, post: PostDraft): Partial<ScheduledPost> {
  return {
    postId: post.id,
    campaignId,
    userId,
    platform: post.platform,
    contentType: post.contentType,
    content: {
      text: post.text,
      threadParts: post.threadParts,
      hashtags: post.hashtags,
      imagePrompt: post.visual?.imagePrompt,
      altText: post.visual?.altText,
      imageIds: post.visual?.imageId ? [post.visual.imageId] : undefined,
    },
    dueAt: new Date(post.scheduledTime!),
    status: 'draft',
    editRevision: 0,
    dispatchedAt: null,
  };
}
