import { CONTENT_TYPES, PLATFORMS } from '@app/contracts';
import type { ContentType, Platform } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';

export class ContentPillarDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  description: string;
}

export class CadenceDto {
  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty()
  postsPerWeek: number;
}

export class KpiDto {
  @ApiProperty()
  name: string;

  @ApiProperty()
  target: string;
}

export class PlannedPostDto {
  @ApiProperty({ example: 'x-03' })
  planId: string;

  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty()
  pillar: string;

  @ApiProperty({ enum: CONTENT_TYPES })
  format: ContentType;

  @ApiProperty({ description: 'What the post is about, in one sentence.' })
  angle: string;

  @ApiProperty({ description: 'Day of the campaign, 0-based.' })
  day: number;
}

/** The Strategy agent's output, as it travels in the campaign state. */
export class StrategyDto {
  @ApiProperty()
  summary: string;

  @ApiProperty()
  audienceInsight: string;

  @ApiProperty({ type: [ContentPillarDto] })
  pillars: ContentPillarDto[];

  @ApiProperty({ type: [String] })
  keyMessages: string[];

  @ApiProperty({ type: [CadenceDto] })
  cadence: CadenceDto[];

  @ApiProperty({ type: [KpiDto] })
  kpis: KpiDto[];

  @ApiProperty({ type: [PlannedPostDto] })
  plan: PlannedPostDto[];
}
