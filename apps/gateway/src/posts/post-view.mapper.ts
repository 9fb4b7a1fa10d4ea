import type { AttemptOutcome, PostFailureCode } from '@app/contracts';
import type { CampaignPost } from './campaign-post.entity';
import type { AttemptViewDto, PostViewDto } from './dto/post-view.dto';
import type { PostAttempt } from './post-attempt.entity';

/** A post as the API shows it; `attempts` (its publishing history) only where given (the single-post view). */
export function toPostView(post: CampaignPost, attempts?: readonly PostAttempt[]): PostViewDto {
  const { content, visual } = post;
  return {
    id: post.id,
    campaignId: post.campaignId,
    platform: post.platform,
    contentType: post.contentType,
    pillar: post.pillar,
    text: content.text,
    threadParts: content.threadParts ?? null,
    hashtags: content.hashtags ?? [],
    callToAction: content.callToAction ?? null,
    visual: visual
      ? { concept: visual.concept, imagePrompt: visual.imagePrompt, altText: visual.altText, imageUrl: visual.imageId ? `/api/v1/posts/${post.id}/image` : null }
      : null,
    scheduledTime: post.scheduledTime?.toISOString() ?? null,
    status: post.status,
    editRevision: post.editRevision,
    platformPostId: post.platformPostId,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    error: post.error,
    failureCode: (post.failureCode as PostFailureCode | null) ?? null,
    url: post.url ?? null,
    accountName: post.accountName ?? null,
    connectionId: post.connectionId ?? null,
    slotChoice: post.slotChoice ?? null,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    ...(attempts ? { attempts: attempts.map(toAttemptView) } : {}),
  };
}

export function toAttemptView(attempt: PostAttempt): AttemptViewDto {
  return {
    attempt: attempt.attempt,
    outcome: attempt.outcome as AttemptOutcome,
    detail: attempt.detail,
    httpStatus: attempt.httpStatus,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    nextAttemptAt: attempt.nextAttemptAt?.toISOString() ?? null,
  };
}
