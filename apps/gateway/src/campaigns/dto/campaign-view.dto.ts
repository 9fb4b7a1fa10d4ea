import { PIPELINE_STAGES, PLATFORMS } from '@app/contracts';
import type { PipelineStage, Platform } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../common/pagination';
import { PostViewDto } from '../../posts/dto/post-view.dto';
import { CAMPAIGN_STATUSES } from '../campaign-status';
import type { CampaignStatus } from '../campaign-status';
import { CAMPAIGN_KINDS } from '../campaign.entity';
import type { CampaignKind } from '../campaign.entity';
import { CampaignRecommendationsDto } from './recommendations.dto';
import { StrategyDto } from './strategy.dto';

export const STAGE_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export class LlmUsageDto {
  @ApiProperty({ example: 'gemini' })
  provider: string;

  @ApiProperty({ example: 'gemini-flash-latest' })
  model: string;

  @ApiProperty({ example: 'strategy.plan/1' })
  promptVersion: string;

  @ApiProperty()
  tokensIn: number;

  @ApiProperty()
  tokensOut: number;

  @ApiProperty()
  latencyMs: number;

  @ApiProperty({ description: 'HTTP attempts, retries included.' })
  attempts: number;

  @ApiProperty({ required: false, description: 'Model requests: 1, or 2 when the answer needed a repair.' })
  calls?: number;
}

export class UsageTotalDto {
  @ApiProperty({ description: 'Model requests made for this campaign, over all stages.' })
  modelCalls: number;

  @ApiProperty()
  tokensIn: number;

  @ApiProperty()
  tokensOut: number;

  @ApiProperty({ description: 'Time spent waiting for models, summed over stages.' })
  latencyMs: number;
}

export class StageViewDto {
  @ApiProperty({ enum: PIPELINE_STAGES })
  stage: PipelineStage;

  @ApiProperty({ enum: STAGE_STATUSES })
  status: StageStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty({ type: LlmUsageDto, nullable: true })
  usage: LlmUsageDto | null;
}

export class CampaignFailureDto {
  @ApiProperty({ enum: PIPELINE_STAGES })
  stage: PipelineStage;

  @ApiProperty()
  reason: string;

  @ApiProperty({ format: 'date-time' })
  failedAt: string;
}

export class CampaignSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: CAMPAIGN_KINDS,
    description: '`agent`: planned, written and scheduled by the agents; `adhoc`: posts the user wrote (POST /posts), armed as they are.',
  })
  kind: CampaignKind;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: CAMPAIGN_STATUSES })
  status: CampaignStatus;

  @ApiProperty({ enum: PLATFORMS, isArray: true })
  targetPlatforms: Platform[];

  @ApiProperty({ format: 'date-time' })
  startDate: string;

  @ApiProperty()
  durationDays: number;

  @ApiProperty({ example: 'Europe/Paris' })
  timezone: string;

  @ApiProperty({ description: 'Increases with every pipeline stage the gateway has seen.' })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CampaignViewDto extends CampaignSummaryDto {
  @ApiProperty()
  goal: string;

  @ApiProperty({ type: String, nullable: true })
  targetAudience: string | null;

  @ApiProperty({ type: String, nullable: true })
  brandVoice: string | null;

  @ApiProperty({ type: [String] })
  contentThemes: string[];

  @ApiProperty({ type: [StageViewDto], description: 'The four pipeline stages, in order (none for an ad-hoc campaign).' })
  stages: StageViewDto[];

  @ApiProperty({ type: UsageTotalDto, description: 'What the campaign cost in model use, summed over its stages.' })
  usage: UsageTotalDto;

  @ApiProperty({ type: StrategyDto, nullable: true })
  strategy: StrategyDto | null;

  @ApiProperty({ type: CampaignFailureDto, nullable: true })
  failure: CampaignFailureDto | null;

  @ApiProperty({ type: CampaignRecommendationsDto, nullable: true, description: "Which of the Optimization agent's recommendations the Strategy agent and the Scheduler used." })
  recommendations: CampaignRecommendationsDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  executionRequestedAt: string | null;

  @ApiProperty({ type: [PostViewDto] })
  posts: PostViewDto[];
}

export class CampaignPageDto extends PageDto(CampaignSummaryDto) {}
