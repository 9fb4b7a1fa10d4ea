import { PLATFORMS } from '@app/contracts';
import type { CampaignAnalyticsView, Platform, PostAnalyticsSummary } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MetricTotalsDto, PostMetricsDto } from './metrics.dto';

export class PlatformTotalsDto extends MetricTotalsDto {
  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;
}

export class DailyTotalsDto extends MetricTotalsDto {
  @ApiProperty({ example: '2026-11-24', description: 'UTC day.' })
  date: string;
}

/** One post of the campaign as analytics-svc last measured it. */
export class PostAnalyticsSummaryDto implements PostAnalyticsSummary {
  @ApiProperty({ format: 'uuid' })
  postId: string;

  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiPropertyOptional({ example: '1795566720381857792', description: "The platform's id of the post." })
  platformPostId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  publishedAt?: string;

  @ApiProperty({ enum: ['published', 'failed'], description: 'Failed posts are listed but count in no total.' })
  status: 'published' | 'failed';

  @ApiProperty({ type: PostMetricsDto, description: 'The latest reading (empty until the first one).' })
  metrics: PostMetricsDto;

  @ApiProperty({ example: 31 })
  engagements: number;

  @ApiPropertyOptional({ example: 0.0377 })
  engagementRate?: number;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the latest reading was taken.' })
  measuredAt?: string;
}

export class CampaignAnalyticsDto implements CampaignAnalyticsView {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ type: MetricTotalsDto, description: "All published posts' latest readings, summed." })
  totals: MetricTotalsDto;

  @ApiProperty({ type: [PlatformTotalsDto], description: 'The same per platform.' })
  platforms: PlatformTotalsDto[];

  @ApiProperty({ type: [PostAnalyticsSummaryDto], description: 'Every post that went out (or failed to), by publication time.' })
  posts: PostAnalyticsSummaryDto[];

  @ApiProperty({ type: [DailyTotalsDto], description: "Per UTC day, the latest reading of every post taken that day or before: cumulative totals, for a chart." })
  overTime: DailyTotalsDto[];
}
