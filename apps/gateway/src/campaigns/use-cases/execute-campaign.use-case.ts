import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import type { CampaignExecutionRequestedPayload } from '@app/contracts';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { Campaign } from '../campaign.entity';
import { toCampaignView } from '../campaign-view.mapper';
import { CampaignsRepository } from '../campaigns.repository';
import { CampaignViewDto } from '../dto/campaign-view.dto';

/**
 * Asks the Scheduler to arm a scheduled campaign (campaign.execution-requested). Repeating the request
 * before the campaign is armed answers 202 again without a second event.
 */
@Injectable()
export class ExecuteCampaign {
  private readonly logger = new Logger(ExecuteCampaign.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, id: string): Promise<CampaignViewDto> {
    const { campaign, published } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.campaigns.lock(manager, id);
      if (!locked || locked.userId !== userId) throw new NotFoundException(`Campaign ${id} not found`);
      assertExecutable(locked);
      if (locked.executionRequestedAt) return { campaign: locked, published: false };
      const requestedAt = this.clock.now();
      await manager.update(Campaign, { id }, { executionRequestedAt: requestedAt });
      const payload: CampaignExecutionRequestedPayload = { campaignId: id, userId, requestedAt: requestedAt.toISOString() };
      await this.outbox.add(manager, Events.CampaignExecutionRequested, payload, { correlationId: id });
      return { campaign: await manager.findOneByOrFail(Campaign, { id }), published: true };
    });
    if (published) {
      this.relay.nudge();
      this.logger.log(`campaign ${id} execution requested`);
    }
    return toCampaignView(campaign, await this.campaigns.postsOf(id));
  }
}

export function assertExecutable(campaign: Pick<Campaign, 'id' | 'status'>): void {
  if (campaign.status === 'active') throw new ConflictException(`Campaign ${campaign.id} is already executing (status active)`);
  if (campaign.status !== 'scheduled') {
    throw new ConflictException(`Campaign ${campaign.id} cannot be executed while its status is ${campaign.status}; it must be scheduled`);
  }
}
