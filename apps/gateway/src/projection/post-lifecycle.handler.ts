import { BusController } from '@app/bus';
import type { BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager, In, Not } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { completeCampaignIfSettled } from '../campaigns/campaign-completion';
import { CampaignPost } from '../posts/campaign-post.entity';

/**
 * Publishing progress of single posts. Each transition names the statuses it may leave, so a late or
 * redelivered event never moves a post backwards (post.published before post.due leaves it published).
 * due: draft|armed → publishing; failed: draft|armed|publishing → failed; published: anything but
 * published → published (the platform has the post, so that is what the user must see).
 */
@BusController()
export class PostLifecycleHandler {
  private readonly logger = new Logger(PostLifecycleHandler.name);

  @EventPattern<string>(Events.PostDue)
  async due(@Payload() envelope: Envelope<typeof Events.PostDue>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId } = envelope.payload;
    await this.transition(context.manager, campaignId, postId, { status: In(['draft', 'armed']) }, { status: 'publishing' }, 'due');
  }

  @EventPattern<string>(Events.PostPublished)
  async published(@Payload() envelope: Envelope<typeof Events.PostPublished>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId, platformPostId, publishedAt } = envelope.payload;
    const at = new Date(publishedAt ?? envelope.occurredAt);
    const changes = { status: 'published' as const, platformPostId, publishedAt: Number.isNaN(at.getTime()) ? new Date() : at, error: null };
    await this.transition(context.manager, campaignId, postId, { status: Not('published') }, changes, 'published');
  }

  @EventPattern<string>(Events.PostFailed)
  async failed(@Payload() envelope: Envelope<typeof Events.PostFailed>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId, reason } = envelope.payload;
    const from = { status: In(['draft', 'armed', 'publishing']) };
    await this.transition(context.manager, campaignId, postId, from, { status: 'failed', error: reason }, 'failed');
  }

  /** Locks the campaign (same order as every other writer), moves the post if it is in `from`, then checks completion. */
  private async transition(
    manager: EntityManager,
    campaignId: string,
    postId: string,
    from: FindOptionsWhere<CampaignPost>,
    changes: Partial<CampaignPost>,
    event: string,
  ): Promise<void> {
    const campaign = await manager.findOne(Campaign, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) return this.logger.warn(`post ${event} for unknown campaign ${campaignId} (post ${postId}): skipped`);
    const result = await manager.update(CampaignPost, { ...from, id: postId, campaignId }, changes);
    if (!result.affected) {
      const post = await manager.findOneBy(CampaignPost, { id: postId, campaignId });
      if (!post) return this.logger.warn(`post ${event} for unknown post ${postId} of campaign ${campaignId}: skipped`);
      return this.logger.log(`post ${postId} is ${post.status}: ${event} not applied`);
    }
    this.logger.log(`post ${postId} of campaign ${campaignId}: ${event}`);
    if (changes.status === 'published' || changes.status === 'failed') await completeCampaignIfSettled(manager, campaign);
  }
}
