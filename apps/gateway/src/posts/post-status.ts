/**
 * A post's lifecycle: `draft` (scheduled, not armed) → `armed` → `publishing` → `published` | `failed`;
 * `cancelled` by the user while still draft or armed.
 */
export const POST_STATUSES = ['draft', 'armed', 'publishing', 'published', 'failed', 'cancelled'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Statuses in which the user may still edit or cancel a post. */
export const CHANGEABLE_POST_STATUSES: readonly PostStatus[] = ['draft', 'armed'];

/** Statuses of a post that has not been settled yet (its campaign is not complete). */
export const OPEN_POST_STATUSES: readonly PostStatus[] = ['draft', 'armed', 'publishing'];
