import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SlotChoiceDto {
  @ApiProperty({ enum: ['learned', 'default'], description: "`learned`: the Optimization agent's model of the account chose the hour; `default`: the platform's default slots (no model yet)." })
  source: 'learned' | 'default';

  @ApiPropertyOptional({ format: 'uuid', description: 'The optimization run whose model was used.' })
  runId?: string;

  @ApiProperty({ minimum: 0, maximum: 6, description: 'Weekday in the audience time zone (0 = Monday).' })
  weekday: number;

  @ApiProperty({ minimum: 0, maximum: 23, description: 'Hour in the audience time zone.' })
  hour: number;

  @ApiPropertyOptional({ example: 0.23, description: "Expected engagement relative to the account's average, minus 1." })
  expectedLift?: number;

  @ApiPropertyOptional({ example: 0.71, description: "0–1: how much of the estimate comes from the account's own posts." })
  confidence?: number;

  @ApiPropertyOptional({ description: 'True when Thompson sampling explored a promising but uncertain slot instead of the best-known one.' })
  explored?: boolean;
}

class StrategyRecommendationsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  runIds: string[];

  @ApiProperty({ type: [String], description: 'The content findings the Strategy agent was given.' })
  contentFindings: string[];

  @ApiProperty({ description: 'How many best slots it was given.' })
  bestSlots: number;
}

class ScheduleRecommendationsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  runIds: string[];

  @ApiProperty({ description: 'Posts placed by a learned model.' })
  learnedPosts: number;

  @ApiProperty({ description: 'Posts placed at default slots (no model for the account).' })
  defaultPosts: number;

  @ApiProperty({ description: 'Learned posts that explored an uncertain slot.' })
  exploredPosts: number;
}

export class CampaignRecommendationsDto {
  @ApiPropertyOptional({ type: StrategyRecommendationsDto, description: 'What the Strategy agent read from the Optimization agent.' })
  strategy?: StrategyRecommendationsDto;

  @ApiPropertyOptional({ type: ScheduleRecommendationsDto, description: 'How the Scheduler used the learned slot models.' })
  schedule?: ScheduleRecommendationsDto;
}
