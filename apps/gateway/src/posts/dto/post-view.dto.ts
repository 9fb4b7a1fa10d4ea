import { SlotChoiceDto } from '../../campaigns/dto/recommendations.dto';
import { ATTEMPT_OUTCOMES, CONTENT_TYPES, PLATFORMS, POST_FAILURE_CODES } from '@app/contracts';
import type { AttemptOutcome, ContentType, Platform, PostFailureCode } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageDto } from '../../common/pagination';
import { FAILURE_CODE_DESCRIPTIONS, POST_STATUSES, POST_STATUS_DESCRIPTIONS, describeCodes } from '../post-status';
import type { PostStatus } from '../post-status';

const ATTEMPT_OUTCOME_DESCRIPTIONS: Readonly<Record<AttemptOutcome, string>> = {
  published: 'the platform accepted the post',
  reconciled: 'a previous attempt had published it after all (found by its idempotency key)',
  retry: 'a transient failure (rate limit, outage); tried again at `nextAttemptAt`',
  refreshed: "the account's access token was refreshed; tried again",
  reconnect_required: "the account's token is no longer valid; the post waits for a reconnect",
  rejected: 'the platform refused the content',
  unknown: 'no answer (timeout, dropped connection): reconciled at `nextAttemptAt`',
  unconfirmed: 'reconciliation could not tell whether the platform has the post',
  gave_up: 'the retries ran out',
};

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

/** One publishing attempt (`post.attempted.v1`), oldest first. */
export class AttemptViewDto {
  @ApiProperty({ description: '1-based attempt number.', example: 1 })
  attempt: number;

  @ApiProperty({ enum: ATTEMPT_OUTCOMES, description: `What the attempt ended in:\n${describeCodes(ATTEMPT_OUTCOME_DESCRIPTIONS)}` })
  outcome: AttemptOutcome;

  @ApiProperty({ type: String, nullable: true, example: '429 Too Many Requests' })
  detail: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 429, description: "The platform's HTTP status, when it answered." })
  httpStatus: number | null;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt is due (`retry`, `unknown`).' })
  nextAttemptAt: string | null;
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

  @ApiProperty({ enum: POST_STATUSES, description: `\n${describeCodes(POST_STATUS_DESCRIPTIONS)}` })
  status: PostStatus;

  @ApiProperty({ description: 'How many times the user edited the post.' })
  editRevision: number;

  @ApiProperty({ type: String, nullable: true })
  platformPostId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why publishing failed (or why it is unconfirmed), in words.' })
  error: string | null;

  @ApiProperty({
    enum: POST_FAILURE_CODES,
    nullable: true,
    description: `Set when \`failed\`: what the user can do about it.\n${describeCodes(FAILURE_CODE_DESCRIPTIONS)}`,
  })
  failureCode: PostFailureCode | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://x.com/acme/status/1864', description: 'The post on the platform, once published.' })
  url: string | null;

  @ApiProperty({ type: String, nullable: true, example: '@acme', description: 'The account it went out on.' })
  accountName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The connected account (GET /platforms) it goes out on, when known.' })
  connectionId: string | null;

  @ApiProperty({ type: SlotChoiceDto, nullable: true, description: "Why the Scheduler chose this time: the account's learned slot model (with expected lift and confidence) or the platform's default slots." })
  slotChoice: SlotChoiceDto | null;

  @ApiPropertyOptional({ type: [AttemptViewDto], description: 'Publishing attempts, oldest first (GET /posts/{id} only; lists leave it out).' })
  attempts?: AttemptViewDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PostPageDto extends PageDto(PostViewDto) {}

export class CreatedPostsDto {
  @ApiProperty({ format: 'uuid', description: 'The ad-hoc campaign (kind `adhoc`) the posts are filed under.' })
  campaignId: string;

  @ApiProperty({ type: [PostViewDto], description: 'One armed post per connection, in the order of `connectionIds`.' })
  posts: PostViewDto[];
}
