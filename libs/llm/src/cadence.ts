import type { Platform } from '@app/contracts';

/** Posts per week each platform gets unless a strategy says otherwise. */
export const DEFAULT_POSTS_PER_WEEK: Readonly<Record<Platform, number>> = {
  x: 5,
  instagram: 3,
  facebook: 3,
  linkedin: 3,
  bluesky: 5,
  mastodon: 5,
};

/** Posts a platform gets over a campaign: round(postsPerWeek × durationDays / 7), at least one. */
export function postsFor(postsPerWeek: number, durationDays: number): number {
  return Math.max(1, Math.round((postsPerWeek * durationDays) / 7));
}
