import { BusController } from '@app/bus';
import type { BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { In } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { completeCampaignIfSettled } from '../campaigns/campaign-completion';
import { advanceCampaignStatus } from '../campaigns/campaign-status';
import { CampaignPost } from '../posts/campaign-post.entity';

/** campaign.failed → failed (first failure kept); campaign.armed → active, its posts armed. */
@BusController()
export class CampaignLifecycleHandler {
  private readonly logger = new Logger(CampaignLifecycleHandler.name);

  @EventPattern<string>(Events.CampaignFailed)
  async failed(@Payload() envelope: Envelope<typeof Events.CampaignFailed>, @Ctx() context: BusContext): Promise<void> {
    const { campaignId, stage, reason, failedAt } = envelope.payload;
    const campaign = await context.manager.findOne(Campaign, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) return this.logger.warn(`campaign.failed for unknown campaign ${campaignId}: skipped`);
    if (campaign.status === 'failed' || campaign.status === 'completed') {
      return this.logger.log(`campaign ${campaignId} is already ${campaign.status}: failure at ${stage} not applied`);
    }
    await context.manager.update(Campaign, { id: campaignId }, { status: 'failed', failure: { stage, reason, failedAt: failedAt ?? envelope.occurredAt } });
    this.logger.warn(`campaign ${campaignId} failed at ${stage}: ${reason}`);
  }

  @EventPattern<string>(Events.CampaignArmed)
  async armed(@Payload() envelope: Envelope<typeof Events.CampaignArmed>, @Ctx() context: BusContext): Promise<void> {
    const { campaignId, armedPostIds } = envelope.payload;
    const { manager } = context;
    const campaign = await manager.findOne(Campaign, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) return this.logger.warn(`campaign.armed for unknown campaign ${campaignId}: skipped`);
    const status = advanceCampaignStatus(campaign.status, 'active');
    if (status !== campaign.status) await manager.update(Campaign, { id: campaignId }, { status });
    campaign.status = status;
    const ids = (armedPostIds ?? []).filter((id) => typeof id === 'string');
    if (ids.length > 0) {
      await manager.update(CampaignPost, { id: In(ids), campaignId, status: 'draft' }, { status: 'armed' });
    }
    await completeCampaignIfSettled(manager, campaign);
    this.logger.log(`campaign ${campaignId} armed (${ids.length} posts)`);
  }
}
