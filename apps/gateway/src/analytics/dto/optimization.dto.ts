import { CONTENT_FEATURES, PLATFORMS, WEEK_SLOTS } from '@app/contracts';
import type { AccountRecommendations, ContentFeature, ContentInsight, OptimizationChanges, Platform, RecommendedSlot, SlotEstimate, WeekSlot } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CampaignRecommendationsDto } from '../../campaigns/dto/recommendations.dto';

export class WeekSlotDto implements WeekSlot {
  @ApiProperty({ minimum: 0, maximum: 6, description: 'Weekday in the audience time zone (0 = Monday).' })
  weekday: number;

  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour in the audience time zone.' })
  hour: number;
}

export class SlotEstimateDto implements SlotEstimate {
  @ApiProperty({ example: 1.18, description: "Expected engagement relative to the account's average (1 = average)." })
  mean: number;

  @ApiProperty({ example: 0.21, description: 'Uncertainty of the estimate (standard deviation).' })
  sd: number;

  @ApiProperty({ example: 0.64, description: "0–1: the share of the estimate that comes from the account's own posts rather than the prior." })
  confidence: number;
}

export class RecommendedSlotDto extends WeekSlotDto implements RecommendedSlot {
  @ApiProperty({ example: 0.23, description: "Expected engagement relative to the account's average, minus 1 (0.23 = 23% above average)." })
  expectedLift: number;

  @ApiProperty({ example: 0.71 })
  confidence: number;
}

export class ContentInsightDto implements ContentInsight {
  @ApiProperty({ enum: CONTENT_FEATURES })
  feature: ContentFeature;

  @ApiProperty({ example: 'image' })
  value: string;

  @ApiProperty({ example: 24, description: 'Posts with this value that the comparison used.' })
  n: number;

  @ApiProperty({ example: 88, description: 'Posts without it.' })
  nOther: number;

  @ApiProperty({ example: 0.31, description: 'Relative difference in mean engagement vs the other posts (0.31 = 31% better).' })
  lift: number;

  @ApiProperty({ example: 0.52, description: "Standardized mean difference (Cohen's d) on log engagement." })
  effectSize: number;

  @ApiProperty({ description: 'True when the 95% interval of the difference excludes 0.' })
  significant: boolean;

  @ApiProperty({ example: 'Posts with an image get 31% more engagement than those without (24 vs 88 posts).' })
  finding: string;
}

export class OptimizationChangesDto implements OptimizationChanges {
  @ApiPropertyOptional({ format: 'uuid' })
  previousRunId?: string;

  @ApiProperty({ type: [WeekSlotDto], description: 'Slots that entered the top recommendations since the previous run.' })
  newTopSlots: WeekSlotDto[];

  @ApiProperty({ type: [WeekSlotDto], description: 'Slots that left them.' })
  droppedTopSlots: WeekSlotDto[];

  @ApiProperty({ type: [String], description: 'Findings that appeared, flipped or disappeared.' })
  insightChanges: string[];
}

/** The Optimization agent's latest model of one connected account. */
export class AccountRecommendationsDto implements AccountRecommendations {
  @ApiProperty({ format: 'uuid' })
  connectionId: string;

  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty({ example: '@acme' })
  accountName: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'The audience time zone the slots are in.' })
  timeZone: string;

  @ApiProperty({ format: 'uuid', description: 'The optimization run.' })
  runId: string;

  @ApiProperty({ format: 'date-time' })
  computedAt: string;

  @ApiProperty({ example: 112, description: 'Posts the model learned from.' })
  observations: number;

  @ApiProperty({ enum: ['engagement_rate', 'engagements'], description: 'What engagement means here: per impression where the platform reports them, else counts.' })
  basis: 'engagement_rate' | 'engagements';

  @ApiProperty({ type: [RecommendedSlotDto], description: 'The best hours of the week, best first.' })
  bestSlots: RecommendedSlotDto[];

  @ApiProperty({ type: [SlotEstimateDto], minItems: WEEK_SLOTS, maxItems: WEEK_SLOTS, description: `${WEEK_SLOTS} estimates, index = weekday * 24 + hour: the hour-of-week heatmap.` })
  slots: SlotEstimateDto[];

  @ApiProperty({ type: [ContentInsightDto], description: 'What content works for this account, with the evidence.' })
  contentInsights: ContentInsightDto[];

  @ApiProperty({ type: OptimizationChangesDto, description: 'What changed since the previous run.' })
  changes: OptimizationChangesDto;
}

/** The recommendations for a campaign's platforms, and what the campaign's agents used. */
export class CampaignOptimizationDto {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ enum: PLATFORMS, isArray: true, description: "The campaign's target platforms: the accounts below are the caller's on these." })
  platforms: Platform[];

  @ApiProperty({ type: [AccountRecommendationsDto], description: "The latest model of each of the caller's connected accounts on those platforms." })
  accounts: AccountRecommendationsDto[];

  @ApiProperty({ enum: PLATFORMS, isArray: true, description: 'Target platforms with no model yet: the Scheduler uses their default slots.' })
  platformsWithoutModel: Platform[];

  @ApiProperty({
    type: CampaignRecommendationsDto,
    nullable: true,
    description: "Which recommendations the campaign's Strategy agent and Scheduler used; null when they used none (or the campaign predates them, or is ad-hoc).",
  })
  used: CampaignRecommendationsDto | null;
}
