import { Injectable } from '@nestjs/common';
import { asUpstreamError } from '../analytics-errors';
import { AnalyticsClient } from '../analytics.client';
import { OwnedResources } from '../owned-resources';

export interface CsvExport {
  filename: string;
  csv: string;
}

/** Every reading of the caller's campaign's published posts as CSV (one row per reading), for a spreadsheet. */
@Injectable()
export class ExportCampaignAnalytics {
  constructor(
    private readonly owned: OwnedResources,
    private readonly analytics: AnalyticsClient,
  ) {}

  async execute(userId: string, campaignId: string): Promise<CsvExport> {
    await this.owned.campaign(userId, campaignId);
    try {
      return { filename: `campaign-${campaignId}-analytics.csv`, csv: await this.analytics.campaignCsv(campaignId) };
    } catch (error) {
      throw asUpstreamError(error);
    }
  }
}
