import type { CampaignSpec, Platform, PlannedPost, PostDraft, SlotChoice, SlotEstimate } from '@app/contracts';
import { DEFAULT_SLOTS, addLocalDays, chooseTime, createRandom, dayCandidates, localSlot, sameDate, localDate, thompsonScorer, zonedTime } from '@app/optimizer';

export { DEFAULT_SLOTS };

/** Minimum time between two posts of one campaign on one platform. */
export const MIN_GAP_MS = 2 * 60 * 60 * 1000;

/** At most this many posts of one campaign per platform and local day (the platforms' tolerance for bursts). */
export const MAX_POSTS_PER_DAY: Readonly<Record<Platform, number>> = { x: 5, instagram: 3, facebook: 3, linkedin: 2, bluesky: 5, mastodon: 5 };

/** How many days after its planned day a post may move when its day is full. */
const SPILL_DAYS = 366;

/** The Optimization agent's latest model of the user's account on a platform. */
export interface SlotModelInput {
  runId: string;
  timeZone: string;
  slots: SlotEstimate[];
}

export interface PlacedPost {
  time: Date;
  choice: SlotChoice;
}

/**
 * Gives every post a time on its planned day (in the campaign's zone), not before the campaign start (or
 * `notBefore`), at least MIN_GAP_MS from the campaign's other posts on the platform and within its daily
 * cap. Where the Optimization agent has a model of the account on that platform, the hour is chosen by
 * Thompson sampling over the model (in the audience's zone): mostly the best slots, sometimes a promising
 * uncertain one, so the model keeps learning. Elsewhere the platform's default slots. Seeded by `seed`
 * (the campaign id): the same campaign gets the same schedule.
 */
export function planSchedule(spec: CampaignSpec, plan: PlannedPost[], posts: PostDraft[], notBefore: Date, models: ReadonlyMap<Platform, SlotModelInput> = new Map(), seed = ''): Map<string, PlacedPost> {
  const dayOf = new Map(plan.map((p) => [p.planId, p.day]));
  const start = new Date(Math.max(new Date(spec.startDate).getTime(), notBefore.getTime()));
  const taken = new Map<Platform, Date[]>();
  const result = new Map<string, PlacedPost>();
  const ordered = [...posts].sort((a, b) => (dayOf.get(a.planId) ?? 0) - (dayOf.get(b.planId) ?? 0));
  for (const post of ordered) {
    const used = taken.get(post.platform) ?? [];
    const isFree = (instant: Date) => instant >= start && used.every((t) => Math.abs(t.getTime() - instant.getTime()) >= MIN_GAP_MS) && postsOnDay(used, instant, spec.timezone) < MAX_POSTS_PER_DAY[post.platform];
    const model = models.get(post.platform);
    const placed = model ? learnedSlot(spec, dayOf.get(post.planId) ?? 0, model, isFree, `${seed}:${post.id}`) : defaultSlot(spec, post.platform, dayOf.get(post.planId) ?? 0, isFree);
    used.push(placed.time);
    taken.set(post.platform, used);
    result.set(post.id, placed);
  }
  return result;
}

function learnedSlot(spec: CampaignSpec, day: number, model: SlotModelInput, isFree: (instant: Date) => boolean, seed: string): PlacedPost {
  const anchor = new Date(spec.startDate);
  const scorer = thompsonScorer(model.slots, model.timeZone, createRandom(seed));
  for (let d = day; d < day + SPILL_DAYS; d++) {
    const chosen = chooseTime({ candidates: dayCandidates(addLocalDays(anchor, d, spec.timezone), spec.timezone), scorer, isFree });
    if (!chosen) continue;
    const estimate = model.slots[chosen.slot.weekday * 24 + chosen.slot.hour];
    return {
      time: chosen.instant,
      choice: { source: 'learned', runId: model.runId, ...chosen.slot, expectedLift: round(estimate.mean - 1), confidence: round(estimate.confidence), explored: chosen.explored },
    };
  }
  throw new Error(`no free slot within a year of day ${day}`);
}

function defaultSlot(spec: CampaignSpec, platform: Platform, day: number, isFree: (instant: Date) => boolean): PlacedPost {
  const anchor = new Date(spec.startDate);
  for (let d = day; d < day + SPILL_DAYS; d++) {
    const date = addLocalDays(anchor, d, spec.timezone);
    for (const [hour, minute] of DEFAULT_SLOTS[platform]) {
      const candidate = zonedTime(date, hour, minute, spec.timezone);
      if (isFree(candidate)) return { time: candidate, choice: { source: 'default', ...localSlot(candidate, spec.timezone) } };
    }
  }
  throw new Error(`no free ${platform} slot within a year of day ${day}`);
}

function postsOnDay(used: Date[], instant: Date, timeZone: string): number {
  const day = localDate(instant, timeZone);
  return used.filter((t) => sameDate(localDate(t, timeZone), day)).length;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
