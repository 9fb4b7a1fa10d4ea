import type { AttemptOutcome, PostFailureCode } from '@app/contracts';
import type { CampaignPost } from '../posts/campaign-post.entity';
import type { PostStatus } from '../posts/post-status';

/** What posting-svc (or the Scheduler) reported about one post, already parsed. */
export type PostEvent =
  | { kind: 'due'; connectionId?: string }
  | { kind: 'attempted'; startedAt: Date; outcome: AttemptOutcome | string }
  | { kind: 'published'; platformPostId: string; publishedAt: Date; url?: string; accountName?: string; connectionId?: string }
  | { kind: 'failed'; reason: string; code: PostFailureCode | string; failedAt: Date; connectionId?: string }
  | { kind: 'unconfirmed'; reason: string; at: Date };

export type PostLifecycleState = Pick<CampaignPost, 'status' | 'failureCode' | 'failedAt'>;

export type PostChanges = Partial<
  Pick<CampaignPost, 'status' | 'error' | 'failureCode' | 'failedAt' | 'platformPostId' | 'publishedAt' | 'url' | 'accountName' | 'connectionId'>
>;

const BEFORE_PUBLISHING: readonly PostStatus[] = ['draft', 'armed'];
/**
 * Attempt outcomes that show publishing under way (or done): only these resume a post waiting for a
 * reconnect. A failing outcome is the attempt that led to a failure (posting-svc publishes it right after the
 * `post.failed` it caused), so it must not undo that failure.
 */
const PROGRESS_OUTCOMES: readonly string[] = ['retry', 'refreshed', 'unknown', 'published', 'reconciled'] satisfies AttemptOutcome[];
const UNSETTLED: readonly PostStatus[] = ['draft', 'armed', 'publishing'];

/** Failed because the account must be reconnected: posting-svc resumes it by itself after a reconnect. */
export function waitsForReconnect(post: PostLifecycleState): boolean {
  return post.status === 'failed' && post.failureCode === 'reconnect_required';
}

/** Whether a failure reported at `at` is older than the one already recorded (a late event: ignored). */
function olderThanRecordedFailure(post: PostLifecycleState, at: Date): boolean {
  return post.failedAt !== null && post.failedAt !== undefined && at.getTime() <= post.failedAt.getTime();
}

/**
 * The read model's post state machine: the changes an event makes to a post, or null when it must not
 * change it. Each transition names the states it may leave, so a late or redelivered event never moves a
 * post backwards:
 *
 * - `post.due`: draft | armed → publishing.
 * - `post.attempted`: draft | armed → publishing; failed with `reconnect_required` → publishing when the
 *   attempt made progress (retry, refreshed, unknown, published, reconciled) and started after that failure
 *   was reported (posting-svc tries again after a reconnect; the attempt that caused the failure, or one from
 *   before it delivered late, resumes nothing). Published, unconfirmed, cancelled and other failures stay.
 * - `post.published`: anything but published → published (the platform has the post, so that is what the
 *   user must see, even after `unconfirmed` or a failure).
 * - `post.failed`: draft | armed | publishing | failed with `reconnect_required` → failed, unless a failure
 *   at least as recent is already recorded. The code is kept (`rejected` when the event has none).
 * - `post.unconfirmed`: draft | armed | publishing | failed with `reconnect_required` → unconfirmed, under the
 *   same recency rule.
 *
 * `failed_at` is kept when a post resumes, so it keeps ordering failures and attempts that arrive late.
 */
export function postTransition(post: PostLifecycleState, event: PostEvent): PostChanges | null {
  switch (event.kind) {
    case 'due':
      if (!BEFORE_PUBLISHING.includes(post.status)) return null;
      return { status: 'publishing', ...(event.connectionId ? { connectionId: event.connectionId } : {}) };
    case 'attempted':
      if (BEFORE_PUBLISHING.includes(post.status)) return { status: 'publishing' };
      if (waitsForReconnect(post) && PROGRESS_OUTCOMES.includes(event.outcome) && !olderThanRecordedFailure(post, event.startedAt)) {
        return { status: 'publishing', error: null, failureCode: null };
      }
      return null;
    case 'published':
      if (post.status === 'published') return null;
      return {
        status: 'published',
        platformPostId: event.platformPostId,
        publishedAt: event.publishedAt,
        error: null,
        failureCode: null,
        url: event.url ?? null,
        accountName: event.accountName ?? null,
        ...(event.connectionId ? { connectionId: event.connectionId } : {}),
      };
    case 'failed':
      if (!(UNSETTLED.includes(post.status) || waitsForReconnect(post)) || olderThanRecordedFailure(post, event.failedAt)) return null;
      return {
        status: 'failed',
        error: event.reason,
        failureCode: event.code,
        failedAt: event.failedAt,
        ...(event.connectionId ? { connectionId: event.connectionId } : {}),
      };
    case 'unconfirmed':
      if (!(UNSETTLED.includes(post.status) || waitsForReconnect(post)) || olderThanRecordedFailure(post, event.at)) return null;
      return { status: 'unconfirmed', error: event.reason, failureCode: null };
  }
}
