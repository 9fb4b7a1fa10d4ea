import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { AccountEventsHandler } from './accounts/account-events.handler';
import { AnalyticsWorker } from './analytics-worker';
import { AnalyticsController } from './api/analytics.controller';
import { AnalyticsQueries } from './api/analytics.queries';
import { RecommendationsQuery } from './api/recommendations.query';
import { CollectionJobsRepository } from './collection/collection-jobs.repository';
import { MetricsCollector } from './collection/metrics-collector';
import type { AnalyticsConfig } from './config/analytics.config';
import { HistoryImporter } from './history/history-importer';
import { PostingInsightsClient } from './insights/posting-insights.client';
import { OptimizationRunsRepository } from './optimization/optimization-runs.repository';
import { OptimizerService } from './optimization/optimizer.service';
import { PublishedPost } from './publications/published-post.entity';
import { RecordPlanHandler } from './publications/record-plan.handler';
import { RecordPublicationHandler } from './publications/record-publication.handler';
import { ANALYTICS_MIGRATIONS } from './migrations';

/**
 * analytics-svc: the Analytics agent (records outcomes, collects metrics on a schedule, imports account
 * history) and the Optimization agent (hour-of-week models and content insights → optimization.updated).
 * Owns schema `analytics`: posts, analytics (metric time series), post_plans, accounts, collection_jobs,
 * optimization_runs.
 */
@Module({})
export class AnalyticsModule {
  static forRoot(config: AnalyticsConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [PublishedPost], migrations: ANALYTICS_MIGRATIONS })],
      controllers: [RecordPublicationHandler, RecordPlanHandler, AccountEventsHandler, AnalyticsController],
      providers: [PostingInsightsClient, CollectionJobsRepository, MetricsCollector, HistoryImporter, OptimizationRunsRepository, OptimizerService, AnalyticsQueries, RecommendationsQuery, AnalyticsWorker],
    };
  }
}
