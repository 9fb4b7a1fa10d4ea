import { CampaignSpec, Platform, PlannedPost, PostDraft } from '@app/contracts';
import { addLocalDays, zonedTimeToUtc } from './zoned-time';

/**
 * Default posting slots (local hour, minute) per platform, from common engagement patterns. The
 * Optimization agent replaces these with slots learned from the account's own data when it has them.
 */
export const DEFAULT_SLOTS: Readonly<Record<Platform, ReadonlyArray<readonly [number, number]>>> = {
  x: [[9, 0], [12, 30], [17, 0]],
  instagram: [[11, 0], [19, 0]],
  facebook: [[9, 30], [13, 0], [15, 30]],
  linkedin: [[8, 0], [12, 0], [17, 30]],
  bluesky: [[9, 0], [12, 0], [18, 0]],
  mastodon: [[8, 30], [13, 0], [18, 30]],
};

/** Minimum time between two posts of one campaign on one platform. */
export const MIN_GAP_MS = 2 * 60 * 60 * 1000;

/**
 * Gives every post a time: the first default slot on or after its planned day (in the campaign's zone)
 * that is not before the campaign start (or `notBefore`) and keeps the minimum gap on its platform.
 */
export function planSchedule(spec: CampaignSpec, plan: PlannedPost[], posts: PostDraft[], notBefore: Date): Map<string, Date> {
  const dayOf = new Map(plan.map((p) => [p.planId, p.day]));
  const start = new Date(Math.max(new Date(spec.startDate).getTime(), notBefore.getTime()));
  const taken = new Map<Platform, number[]>();
  const result = new Map<string, Date>();
  const ordered = [...posts].sort((a, b) => (dayOf.get(a.planId) ?? 0) - (dayOf.get(b.planId) ?? 0));
  for (const post of ordered) {
    const used = taken.get(post.platform) ?? [];
    const slot = firstFreeSlot(spec, post.platform, dayOf.get(post.planId) ?? 0, start, used);
    used.push(slot.getTime());
    taken.set(post.platform, used);
    result.set(post.id, slot);
  }
  return result;
}

function firstFreeSlot(spec: CampaignSpec, platform: Platform, day: number, start: Date, used: number[]): Date {
  const anchor = new Date(spec.startDate);
  for (let d = day; d < day + 366; d++) {
    const date = addLocalDays(anchor, d, spec.timezone);
    for (const [hour, minute] of DEFAULT_SLOTS[platform]) {
      const candidate = zonedTimeToUtc(date, hour, minute, spec.timezone);
      if (candidate < start) continue;
      if (used.some((t) => Math.abs(t - candidate.getTime()) < MIN_GAP_MS)) continue;
      return candidate;
    }
  }
  throw new Error(`no free ${platform} slot within a year of day ${day}`);
}
