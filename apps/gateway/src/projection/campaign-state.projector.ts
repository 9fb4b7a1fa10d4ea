import type { CampaignState, PostDraft } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { advanceCampaignStatus } from '../campaigns/campaign-status';
import type { CampaignStatus } from '../campaigns/campaign-status';
import { CampaignPost } from '../posts/campaign-post.entity';
import type { PostContent } from '../posts/campaign-post.entity';

export type PipelineStatus = Extract<CampaignStatus, 'planned' | 'written' | 'designed' | 'scheduled'>;

/**
 * Folds a pipeline state (planned/written/designed/scheduled) into the read model. A state is applied only
 * when it is newer than what the gateway holds (its revision), so redelivered or late states change nothing.
 * New posts arrive as drafts; a post the user already edited keeps the user's content and time.
 */
@Injectable()
export class CampaignStateProjector {
  private readonly logger = new Logger(CampaignStateProjector.name);

  async apply(manager: EntityManager, state: CampaignState, status: PipelineStatus): Promise<void> {
    const campaign = await manager.findOne(Campaign, { where: { id: state.campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) {
      this.logger.warn(`${status} state for unknown campaign ${state.campaignId}: skipped`);
      return;
    }
    if (state.revision <= campaign.revision) {
      this.logger.log(`campaign ${campaign.id}: ${status} revision ${state.revision} is not newer than ${campaign.revision}: skipped`);
      return;
    }
    await manager.update(
      Campaign,
      { id: campaign.id },
      {
        status: advanceCampaignStatus(campaign.status, status),
        revision: state.revision,
        strategyOutput: state.strategy ?? campaign.strategyOutput,
        stages: state.stages,
        recommendations: state.recommendations ?? campaign.recommendations,
      },
    );
    await this.upsertPosts(manager, campaign, state.posts);
    this.logger.log(`campaign ${campaign.id} ${status} (revision ${state.revision}, ${state.posts.length} posts)`);
  }

  private async upsertPosts(manager: EntityManager, campaign: Campaign, posts: readonly PostDraft[]): Promise<void> {
    const valid = posts.filter((post) => {
      if (isUUID(post.id)) return true;
      this.logger.error(`campaign ${campaign.id}: post id "${post.id}" is not a UUID; post skipped`);
      return false;
    });
    if (valid.length === 0) return;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CampaignPost)
      .values(valid.map((post) => ({ ...draftColumns(post), id: post.id, campaignId: campaign.id, userId: campaign.userId, status: 'draft' as const, editRevision: 0 })))
      .orIgnore()
      .returning(['id'])
      .execute();
    const inserted = new Set((result.raw as Array<{ id: string }>).map((row) => row.id));
    for (const post of valid) {
      if (inserted.has(post.id)) continue;
      // Only while the user has not edited it, and only within this campaign.
      await manager.update(CampaignPost, { id: post.id, campaignId: campaign.id, editRevision: 0 }, draftColumns(post));
    }
  }
}

function draftColumns(post: PostDraft): Pick<CampaignPost, 'planId' | 'platform' | 'contentType' | 'pillar' | 'content' | 'visual' | 'scheduledTime' | 'slotChoice'> {
  const content: PostContent = { text: post.text, hashtags: post.hashtags ?? [] };
  if (post.threadParts) content.threadParts = post.threadParts;
  if (post.callToAction) content.callToAction = post.callToAction;
  return {
    planId: post.planId,
    platform: post.platform,
    contentType: post.contentType,
    pillar: post.pillar,
    content,
    visual: post.visual ?? null,
    scheduledTime: post.scheduledTime ? new Date(post.scheduledTime) : null,
    slotChoice: post.slotChoice ?? null,
  };
}
