import { Injectable } from '@nestjs/common';
import { asUpstreamError } from '../analytics-errors';
import { AnalyticsClient } from '../analytics.client';
import type { CampaignAnalyticsDto } from '../dto/campaign-analytics.dto';
import { OwnedResources } from '../owned-resources';

/** The caller's campaign's metrics: totals, per platform, per post and per day (all zero until posts go out). */
@Injectable()
export class GetCampaignAnalytics {
  constructor(
    private readonly owned: OwnedResources,
    private readonly analytics: AnalyticsClient,
  ) {}

  async execute(userId: string, campaignId: string): Promise<CampaignAnalyticsDto> {
    await this.owned.campaign(userId, campaignId);
    try {
      return await this.analytics.campaign(campaignId);
    } catch (error) {
      throw asUpstreamError(error);
    }
  }
}
