import { CONTENT_TYPES, PLATFORMS } from '@app/contracts';
import type { ContentType, Platform } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { PageDto } from '../../common/pagination';
import { POST_STATUSES } from '../post-status';
import type { PostStatus } from '../post-status';

export class VisualDto {
  @ApiProperty({ description: 'What the image shows and why.' })
  concept: string;

  @ApiProperty({ description: 'Prompt for the image generator.' })
  imagePrompt: string;

  @ApiProperty({ description: 'Accessible description of the image.' })
  altText: string;

  @ApiProperty({ type: String, nullable: true, description: 'The generated image (GET, same bearer token), when an image model is configured.' })
  imageUrl: string | null;
}

export class PostViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  campaignId: string;

  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty({ enum: CONTENT_TYPES })
  contentType: ContentType;

  @ApiProperty({ description: 'Content pillar of the strategy this post serves.' })
  pillar: string;

  @ApiProperty({ description: 'The post body; for a thread, its first part.' })
  text: string;

  @ApiProperty({ type: [String], nullable: true, description: 'Every part of a thread, in order (threads only).' })
  threadParts: string[] | null;

  @ApiProperty({ type: [String], example: ['#Launch', '#SaaS'] })
  hashtags: string[];

  @ApiProperty({ type: String, nullable: true })
  callToAction: string | null;

  @ApiProperty({ type: VisualDto, nullable: true })
  visual: VisualDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  scheduledTime: string | null;

  @ApiProperty({ enum: POST_STATUSES })
  status: PostStatus;

  @ApiProperty({ description: 'How many times the user edited the post.' })
  editRevision: number;

  @ApiProperty({ type: String, nullable: true })
  platformPostId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why publishing failed.' })
  error: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PostPageDto extends PageDto(PostViewDto) {}
