import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { PostsRepository } from '../posts/posts.repository';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsClient } from './analytics.client';
import { OwnedResources } from './owned-resources';
import { ExportCampaignAnalytics } from './use-cases/export-campaign-analytics.use-case';
import { GetCampaignAnalytics } from './use-cases/get-campaign-analytics.use-case';
import { GetCampaignOptimization } from './use-cases/get-campaign-optimization.use-case';
import { GetPostAnalytics } from './use-cases/get-post-analytics.use-case';

/**
 * `/api/v1/analytics`: campaign and post metrics and the optimizer's recommendations, read from
 * analytics-svc's internal API. PostsRepository (stateless, over the DataSource) is provided here rather
 * than exported by PostsModule, which has no other reason to share it.
 */
@Module({
  imports: [CampaignsModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsClient, PostsRepository, OwnedResources, GetCampaignAnalytics, ExportCampaignAnalytics, GetPostAnalytics, GetCampaignOptimization],
})
export class AnalyticsModule {}
