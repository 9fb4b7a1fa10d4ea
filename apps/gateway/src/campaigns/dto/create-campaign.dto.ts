import { PLATFORMS } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';

export class CreateCampaignDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Spring launch' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'Get 500 sign-ups for the beta in three weeks.' })
  @IsString()
  @Length(1, 2000)
  goal: string;

  @ApiProperty({ enum: PLATFORMS, isArray: true, uniqueItems: true, minItems: 1, example: ['x', 'instagram'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(PLATFORMS, { each: true, message: `each value in targetPlatforms must be one of: ${PLATFORMS.join(', ')}` })
  targetPlatforms: Platform[];

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; defaults to now.', example: '2026-12-01T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string;

  @ApiProperty({ minimum: 1, maximum: 90, example: 21 })
  @IsInt()
  @Min(1)
  @Max(90)
  durationDays: number;

  @ApiPropertyOptional({ maxLength: 500, example: 'Indie developers shipping SaaS' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  targetAudience?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Friendly, concise, a bit nerdy' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  brandVoice?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10, default: [], example: ['productivity', 'launch'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(80, { each: true })
  contentThemes?: string[];

  @ApiPropertyOptional({ default: 'UTC', description: 'IANA time zone.', example: 'Europe/Paris' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
