import { PLATFORMS } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUUID, ValidateIf } from 'class-validator';
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
