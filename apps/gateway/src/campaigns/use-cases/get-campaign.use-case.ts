import { Injectable, NotFoundException } from '@nestjs/common';
import { toCampaignView } from '../campaign-view.mapper';
import { CampaignsRepository } from '../campaigns.repository';
import { CampaignViewDto } from '../dto/campaign-view.dto';

@Injectable()
export class GetCampaign {
  constructor(private readonly campaigns: CampaignsRepository) {}

  /** Another user's campaign is indistinguishable from a missing one: 404. */
  async execute(userId: string, id: string): Promise<CampaignViewDto> {
    const campaign = await this.campaigns.findOwned(userId, id);
    if (!campaign) throw new NotFoundException(`Campaign ${id} not found`);
    return toCampaignView(campaign, await this.campaigns.postsOf(id));
  }
}
