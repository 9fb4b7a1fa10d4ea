import type { PostFailureCode } from '@app/contracts';

/**
 * A post's lifecycle: `draft` (scheduled, not armed) → `armed` → `publishing` → `published` | `failed` |
 * `unconfirmed`; `cancelled` by the user while still draft or armed. `unconfirmed`: the platform may or may
 * not have the post and posting-svc could not tell, so the user must check; it is settled (nothing more
 * happens by itself) unless a later `post.published` says the platform has it. A post `failed` with
 * failure code `reconnect_required` goes back to `publishing` when posting-svc tries again after the
 * account was reconnected.
 */
export const POST_STATUSES = ['draft', 'armed', 'publishing', 'published', 'failed', 'cancelled', 'unconfirmed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Statuses in which the user may still edit or cancel a post. */
export const CHANGEABLE_POST_STATUSES: readonly PostStatus[] = ['draft', 'armed'];

/** Statuses of a post that has not been settled yet (its campaign is not complete). */
export const OPEN_POST_STATUSES: readonly PostStatus[] = ['draft', 'armed', 'publishing'];

/** Settled statuses: published, failed, unconfirmed, cancelled. */
export const SETTLED_POST_STATUSES: readonly PostStatus[] = POST_STATUSES.filter((s) => !OPEN_POST_STATUSES.includes(s));

/** What each status means, for the API documentation. */
export const POST_STATUS_DESCRIPTIONS: Readonly<Record<PostStatus, string>> = {
  draft: 'scheduled by the agents; not armed yet (the campaign has not been executed)',
  armed: 'will publish at its scheduled time',
  publishing: 'posting-svc is publishing it (attempts are listed on GET /posts/{id})',
  published: 'live on the platform (`url`, `platformPostId`, `accountName`)',
  failed: 'it did not go out: see `failureCode` and `error`',
  cancelled: 'the user deleted it before it went out; it never publishes',
  unconfirmed: 'the platform may or may not have it and posting-svc could not tell: check the account (`error` says why)',
};

/** What each failure code asks of the user, for the API documentation. */
export const FAILURE_CODE_DESCRIPTIONS: Readonly<Record<PostFailureCode, string>> = {
  rejected: 'the platform refused the content: edit it (also used for failures reported without a code)',
  reconnect_required: "the account's token is no longer valid: reconnect it (POST /platforms/connect or OAuth) and the post resumes by itself",
  no_account: 'nothing is connected on that platform: connect an account',
  gave_up: 'publishing was retried until the retries ran out: try again later',
  missed: 'it was due while the system was down for longer than the grace period: reschedule it',
};

/** A Markdown list of `descriptions`, for Swagger. */
export function describeCodes(descriptions: Readonly<Record<string, string>>): string {
  return Object.entries(descriptions)
    .map(([code, text]) => `- \`${code}\`: ${text}`)
    .join('\n');
}
