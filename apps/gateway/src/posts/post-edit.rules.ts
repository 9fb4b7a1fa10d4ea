import { PLATFORM_LIMITS, countHashtags, platformTextLength } from '@app/contracts';
import type { Platform, PostUpdatedPayload } from '@app/contracts';
import { ConflictException } from '@nestjs/common';
import { FieldValidationException } from '../common/field-errors';
import type { FieldError } from '../common/field-errors';
import type { CampaignPost, PostContent } from './campaign-post.entity';
import { CHANGEABLE_POST_STATUSES } from './post-status';

export interface PostEditInput {
  text?: string;
  /** ISO 8601 instant. */
  scheduledTime?: string;
}

export type EditablePost = Pick<CampaignPost, 'id' | 'campaignId' | 'status' | 'platform' | 'contentType' | 'content' | 'scheduledTime' | 'editRevision'> &
  Partial<Pick<CampaignPost, 'failureCode'>>;

export interface PostEditPlan {
  content: PostContent;
  scheduledTime: Date | null;
  editRevision: number;
  event: PostUpdatedPayload;
  /** A missed post given a new time is armed again (the Scheduler re-arms it on the same post.updated). */
  rearm: boolean;
}

const HASHTAG = /(?:^|\s)(#[\p{L}\p{N}_]+)/gu;

/** What the platform would reject about one text unit (an empty list when it fits); `label` names it in the messages. */
export function textProblems(platform: Platform, text: string, label = 'text'): string[] {
  const limits = PLATFORM_LIMITS[platform];
  const problems: string[] = [];
  if (text.trim().length === 0) problems.push(`${label} must not be blank`);
  const length = platformTextLength(platform, text);
  if (length > limits.maxTextLength) {
    problems.push(`${label} is ${length} characters long as ${platform} counts them; the limit is ${limits.maxTextLength}`);
  }
  const hashtags = countHashtags(text);
  if (hashtags > limits.maxHashtags) problems.push(`${label} has ${hashtags} hashtags; ${platform} allows at most ${limits.maxHashtags}`);
  return problems;
}

/** The hashtags written in a text (with their #), in order, without case-insensitive duplicates. */
export function hashtagsIn(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    const key = match[1].toLowerCase();
    if (!seen.has(key)) tags.push(match[1]);
    seen.add(key);
  }
  return tags;
}

export function assertChangeable(post: Pick<CampaignPost, 'id' | 'status'>, action: 'edited' | 'cancelled'): void {
  if (!CHANGEABLE_POST_STATUSES.includes(post.status)) {
    throw new ConflictException(`Post ${post.id} cannot be ${action} while its status is ${post.status}`);
  }
}

/**
 * Decides a user's edit of a post: only draft or armed posts change (409 otherwise), and a missed post may
 * be rescheduled (which arms it again); the text must fit the
 * platform and a new time must lie in the future (400 naming the field). For a thread the text replaces
 * part 1; for other posts the hashtags are re-read from the new text. Bumps the edit revision.
 */
export function planPostEdit(post: EditablePost, input: PostEditInput, now: Date): PostEditPlan {
  const rearm = isMissed(post);
  if (rearm && input.scheduledTime === undefined) throw FieldValidationException.of('scheduledTime', 'a missed post needs a new scheduledTime to go out');
  if (!rearm) assertChangeable(post, 'edited');
  if (input.text === undefined && input.scheduledTime === undefined) {
    throw FieldValidationException.of('text', 'text or scheduledTime is required');
  }
  const errors: FieldError[] = [];
  if (input.text !== undefined) {
    const problems = textProblems(post.platform, input.text);
    if (problems.length > 0) errors.push({ field: 'text', messages: problems });
  }
  let scheduledTime = post.scheduledTime;
  if (input.scheduledTime !== undefined) {
    const at = new Date(input.scheduledTime);
    if (Number.isNaN(at.getTime())) errors.push({ field: 'scheduledTime', messages: ['scheduledTime must be an ISO 8601 date-time'] });
    else if (at.getTime() <= now.getTime()) errors.push({ field: 'scheduledTime', messages: ['scheduledTime must be in the future'] });
    scheduledTime = at;
  }
  if (errors.length > 0) throw new FieldValidationException(errors);

  const editRevision = post.editRevision + 1;
  const event: PostUpdatedPayload = { postId: post.id, campaignId: post.campaignId, editRevision };
  let content = post.content;
  if (input.text !== undefined) {
    const isThread = post.contentType === 'thread' && (post.content.threadParts?.length ?? 0) > 0;
    if (isThread) {
      const threadParts = [input.text, ...(post.content.threadParts ?? []).slice(1)];
      content = { ...post.content, text: input.text, threadParts };
      Object.assign(event, { text: input.text, threadParts });
    } else {
      const hashtags = hashtagsIn(input.text);
      content = { ...post.content, text: input.text, hashtags };
      Object.assign(event, { text: input.text, hashtags });
    }
  }
  if (input.scheduledTime !== undefined) event.scheduledTime = scheduledTime!.toISOString();
  return { content, scheduledTime, editRevision, event, rearm };
}

/** A post the Scheduler could not publish in time (it was down): the user may reschedule it. */
export function isMissed(post: Pick<EditablePost, 'status' | 'failureCode'>): boolean {
  return post.status === 'failed' && post.failureCode === 'missed';
}
