import { PLATFORM_LIMITS } from '@app/contracts';
import type { ContentType, Platform } from '@app/contracts';
import { FieldValidationException } from '../common/field-errors';
import type { FieldError } from '../common/field-errors';
import type { PostContent } from './campaign-post.entity';
import { hashtagsIn, textProblems } from './post-edit.rules';

/** How far in the past a requested time may lie and still mean "now" (clock skew, a slow client). */
export const ADHOC_PAST_TOLERANCE_MS = 5 * 60_000;
/** How far ahead an ad-hoc post may be scheduled. */
export const ADHOC_MAX_AHEAD_MS = 365 * 86_400_000;

export interface AdhocPostInput {
  text: string;
  /** Every part of a thread, in order; the first is `text`. */
  threadParts?: string[];
  hashtags?: string[];
  connectionIds: string[];
  /** ISO 8601 instant; absent: now. */
  scheduledTime?: string;
  timeZone?: string;
}

/** What the gateway needs to know about a connection to post on it (a subset of ConnectionView). */
export interface AdhocConnection {
  id: string;
  platform: Platform;
  timeZone?: string | null;
}

export interface AdhocPostPlan {
  contentType: Extract<ContentType, 'single' | 'thread'>;
  content: PostContent;
  scheduledTime: Date;
  /** The connections to post on, in the order the user listed them. */
  targets: AdhocConnection[];
  timezone: string;
}

/**
 * Checks a user's own post against their connections and the platforms' rules and decides what to store.
 * Every problem is a 400 naming its field: `scheduledTime` (more than 5 minutes in the past, or more than a
 * year ahead), `connectionIds.<i>` (not one of the caller's connections, or a platform that needs an image),
 * `text` / `threadParts.<i>` (too long, too many hashtags, blank: the message names the platform and its
 * limit), `threadParts` (a platform without threads, too many parts), `hashtags` (too many for a platform).
 */
export function planAdhocPost(input: AdhocPostInput, connections: readonly AdhocConnection[], now: Date): AdhocPostPlan {
  const errors = new FieldErrors();

  const scheduledTime = input.scheduledTime !== undefined ? new Date(input.scheduledTime) : now;
  if (Number.isNaN(scheduledTime.getTime())) errors.add('scheduledTime', 'scheduledTime must be an ISO 8601 date-time');
  else if (scheduledTime.getTime() < now.getTime() - ADHOC_PAST_TOLERANCE_MS) {
    errors.add('scheduledTime', 'scheduledTime is more than 5 minutes in the past; leave it out to publish now');
  } else if (scheduledTime.getTime() > now.getTime() + ADHOC_MAX_AHEAD_MS) errors.add('scheduledTime', 'scheduledTime must be within a year from now');

  const byId = new Map(connections.map((c) => [c.id.toLowerCase(), c]));
  const targets: Array<{ index: number; connection: AdhocConnection }> = [];
  input.connectionIds.forEach((id, index) => {
    const connection = byId.get(id.toLowerCase());
    if (connection) targets.push({ index, connection });
    else errors.add(`connectionIds.${index}`, `connection ${id} is not one of your connected accounts (GET /api/v1/platforms lists them)`);
  });

  const parts = input.threadParts;
  const isThread = parts !== undefined;
  if (isThread && parts[0] !== input.text) {
    errors.add('threadParts.0', 'threadParts lists every part of the thread in order: its first part must be the same as text');
  }
  const hashtags = input.hashtags ?? hashtagsIn((parts ?? [input.text]).join('\n'));

  const checked = new Set<Platform>();
  for (const { index, connection } of targets) {
    const platform = connection.platform;
    const limits = PLATFORM_LIMITS[platform];
    if (limits.requiresVisual) errors.add(`connectionIds.${index}`, `${platform} posts need an image, and an ad-hoc post has none`);
    if (checked.has(platform)) continue;
    checked.add(platform);
    for (const problem of textProblems(platform, input.text)) errors.add('text', problem);
    if (isThread) {
      if (limits.maxThreadParts <= 1) errors.add('threadParts', `${platform} has no threads: post a single text there`);
      else if (parts.length > limits.maxThreadParts) errors.add('threadParts', `the thread has ${parts.length} parts; ${platform} allows at most ${limits.maxThreadParts}`);
      parts.forEach((part, i) => {
        if (i === 0) return; // the first part is `text`, checked above
        for (const problem of textProblems(platform, part, `threadParts.${i}`)) errors.add(`threadParts.${i}`, problem);
      });
    }
    if (hashtags.length > limits.maxHashtags) errors.add('hashtags', `${hashtags.length} hashtags; ${platform} allows at most ${limits.maxHashtags}`);
  }
  errors.throwIfAny();

  const content: PostContent = { text: input.text, hashtags };
  if (isThread) content.threadParts = [...parts];
  const ordered = targets.map((t) => t.connection);
  return {
    contentType: isThread ? 'thread' : 'single',
    content,
    scheduledTime,
    targets: ordered,
    timezone: input.timeZone ?? ordered.find((c) => c.timeZone)?.timeZone ?? 'UTC',
  };
}

/** Field errors in the order first seen, messages merged per field (several platforms may object to one field). */
class FieldErrors {
  private readonly byField = new Map<string, string[]>();

  add(field: string, message: string): void {
    const messages = this.byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    this.byField.set(field, messages);
  }

  throwIfAny(): void {
    if (this.byField.size === 0) return;
    const errors: FieldError[] = [...this.byField].map(([field, messages]) => ({ field, messages }));
    throw new FieldValidationException(errors);
  }
}
