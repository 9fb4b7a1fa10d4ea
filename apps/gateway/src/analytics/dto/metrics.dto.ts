import type { MetricTotals, PostMetrics } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const ABSENT = 'Absent when the platform does not report it (never 0 in its place).';

/** A post's lifetime metrics in the common model; each platform reports only some of them. */
export class PostMetricsDto implements PostMetrics {
  @ApiPropertyOptional({ example: 1840, description: `Times the post was shown. ${ABSENT} (Bluesky and Mastodon report none.)` })
  impressions?: number;

  @ApiPropertyOptional({ example: 1210, description: `Accounts that saw it. ${ABSENT}` })
  reach?: number;

  @ApiPropertyOptional({ example: 52 })
  likes?: number;

  @ApiPropertyOptional({ example: 7 })
  comments?: number;

  @ApiPropertyOptional({ example: 4, description: 'Reposts, retweets, boosts, shares.' })
  shares?: number;

  @ApiPropertyOptional({ example: 3, description: 'Bookmarks, saves.' })
  saves?: number;

  @ApiPropertyOptional({ example: 11, description: 'Link clicks.' })
  clicks?: number;

  @ApiPropertyOptional({ example: 0 })
  video_views?: number;
}

/** Summed metrics of some published posts. */
export class MetricTotalsDto extends PostMetricsDto implements MetricTotals {
  @ApiProperty({ example: 3, description: 'Published posts counted.' })
  posts: number;

  @ApiProperty({ example: 77, description: 'likes + comments + shares + saves + clicks.' })
  engagements: number;

  @ApiPropertyOptional({ example: 0.0418, description: 'Engagements per impression (or per reached account) over the posts that report them; absent when none does.' })
  engagementRate?: number;
}
