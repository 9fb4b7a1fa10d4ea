import type { MetricReading, PostAnalyticsView } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PostAnalyticsSummaryDto } from './campaign-analytics.dto';
import { PostMetricsDto } from './metrics.dto';

export class MetricReadingDto implements MetricReading {
  @ApiProperty({ format: 'date-time', description: 'When the reading was taken.' })
  at: string;

  @ApiProperty({ example: 6, description: 'Hours since the post was published.' })
  ageHours: number;

  @ApiProperty({ type: PostMetricsDto })
  metrics: PostMetricsDto;

  @ApiPropertyOptional({ example: 0.0377 })
  engagementRate?: number;
}

/** One published post's metrics, with every reading taken so far. */
export class PostAnalyticsDto extends PostAnalyticsSummaryDto implements PostAnalyticsView {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ type: [MetricReadingDto], description: 'Readings, oldest first (by default 1 h, 6 h, 24 h, 72 h and 7 days after publication).' })
  series: MetricReadingDto[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the next reading is due, while collection goes on.' })
  nextCollectionAt?: string;
}
