import { Injectable } from '@nestjs/common';
import { asUpstreamError } from '../analytics-errors';
import { AnalyticsClient } from '../analytics.client';
import type { CampaignOptimizationDto } from '../dto/optimization.dto';
import { OwnedResources } from '../owned-resources';

/**
 * What the Optimization agent recommends for the caller's campaign: the latest model of each of the
 * caller's accounts on the campaign's target platforms (best hours, the hour-of-week heatmap, content
 * findings), and which recommendations the campaign's agents used, from the gateway's read model.
 */
@Injectable()
export class GetCampaignOptimization {
  constructor(
    private readonly owned: OwnedResources,
    private readonly analytics: AnalyticsClient,
  ) {}

  async execute(userId: string, campaignId: string): Promise<CampaignOptimizationDto> {
    const campaign = await this.owned.campaign(userId, campaignId);
    const platforms = campaign.targetPlatforms;
    const used = campaign.recommendations ?? null;
    if (platforms.length === 0) return { campaignId, platforms, accounts: [], platformsWithoutModel: [], used };
    try {
      const view = await this.analytics.recommendations(userId, platforms);
      return { campaignId, platforms, accounts: view.accounts, platformsWithoutModel: view.platformsWithoutModel, used };
    } catch (error) {
      throw asUpstreamError(error);
    }
  }
}
