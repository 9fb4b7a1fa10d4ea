import { PLATFORMS } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';
import { PageQueryDto } from '../../common/pagination';
import { POST_STATUSES } from '../post-status';
import type { PostStatus } from '../post-status';

export class ListPostsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ enum: POST_STATUSES })
  @IsOptional()
  @IsIn(POST_STATUSES)
  status?: PostStatus;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;
}

/** At least one of the two; the text must fit the post's platform (checked against the post). */
export class EditPostDto {
  @ApiPropertyOptional({ description: 'New body; for a thread, the new first part. Must fit the platform (X: 280 weighted).' })
  @ValidateIf((o: EditPostDto) => o.text !== undefined || o.scheduledTime === undefined)
  @IsDefined({ message: 'text or scheduledTime is required' })
  @IsString()
  text?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601, in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  scheduledTime?: string;
}

/** Longest text accepted before the per-platform checks (Facebook's limit). */
const MAX_TEXT = 63_206;

/**
 * A post the user wrote, to publish on some of their connected accounts: now or at `scheduledTime`. The text
 * is checked against the rules of every platform it goes to.
 */
export class CreatePostDto {
  @ApiProperty({ example: 'We just shipped dark mode 🌙 #release', description: 'The post; for a thread, its first part. Must fit every platform it goes to (X: 280 weighted, Bluesky: 300 graphemes, …).' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TEXT)
  text: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 2,
    maxItems: 25,
    description: 'Makes it a thread: every part in order, the first being `text` (only on platforms with threads: X, Bluesky, Mastodon).',
    example: ['We just shipped dark mode 🌙 #release', 'It follows your system setting, and you can pin it per device.'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(25)
  @IsString({ each: true })
  @MaxLength(MAX_TEXT, { each: true })
  threadParts?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 30, example: ['#release'], description: 'Defaults to the hashtags written in the text.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^#[\p{L}\p{N}_]+$/u, { each: true, message: 'each value in hashtags must be a hashtag such as #launch' })
  hashtags?: string[];

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 10, uniqueItems: true, description: 'Connected accounts to post on (ids from GET /platforms); one post each.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  connectionIds: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601; defaults to now. At most a year ahead; not more than 5 minutes in the past.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  scheduledTime?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: "IANA time zone the post is shown in; defaults to the first account's, else UTC." })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}
