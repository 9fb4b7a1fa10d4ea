import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, PostDraft } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { runPipelineStage } from '@app/agent-kit';

import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { ScheduledPost } from '../posts/scheduled-post.entity';
import { planSchedule } from './schedule-planner';

/** Scheduler agent: campaign.designed → campaign.scheduled (every post gets a time; stored as drafts until executed). */
@BusController()
export class ScheduleCampaignHandler {
  @EventPattern<string>(Events.CampaignDesigned, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.CampaignDesigned>, @Ctx() context: BusContext): Promise<void> {
    await runPipelineStage(context, envelope.payload.state, 'schedule', Events.CampaignScheduled, async (state) => {
      const times = planSchedule(state.spec, state.strategy?.plan ?? [], state.posts, new Date());
      const posts: PostDraft[] = state.posts.map((post) => ({ ...post, scheduledTime: times.get(post.id)!.toISOString() }));
      const rows = posts.map((post) => toRow(state.campaignId, state.userId, post));
      const persist = async (manager: EntityManager) => {
        await manager.createQueryBuilder().insert().into(ScheduledPost).values(rows).orIgnore().execute();
      };
      return { state: { ...state, posts }, persist };
    });
  }
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
