import { slotIndex, type SlotEstimate, type WeekSlot } from '@app/contracts';
import { DEFAULT_KERNEL, type KernelOptions } from './kernel';
import { correlatedNormals } from './posterior-draw';
import { normalSample, type Random } from './random';
import { localParts, localSlot, sameDate, zonedTime, type LocalDate } from './zoned-time';

/**
 * Choosing a time for one post from the model — the same functions serve the Scheduler and the benchmark.
 * A scorer rates instants; `chooseTime` takes the best feasible candidate. With `thompsonScorer` the
 * ratings are one draw from each slot's posterior, so an uncertain but promising slot wins sometimes
 * (exploration) and, as the account's data firms up, the draws concentrate on the best slot.
 */
export interface SlotScorer {
  slotOf(instant: Date): WeekSlot;
  /** The rating `chooseTime` maximises. */
  score(instant: Date): number;
  /** The posterior mean of the instant's slot (what a greedy scorer would rate). */
  mean(instant: Date): number;
}

function baseScorer(slots: readonly SlotEstimate[], timeZone: string, rate: (index: number) => number): SlotScorer {
  const slotOf = (instant: Date): WeekSlot => localSlot(instant, timeZone);
  return {
    slotOf,
    score: (instant) => rate(slotIndex(slotOf(instant))),
    mean: (instant) => slots[slotIndex(slotOf(instant))].mean,
  };
}

/** Greedy: rates a slot by its posterior mean (no exploration). */
export function meanScorer(slots: readonly SlotEstimate[], timeZone: string): SlotScorer {
  return baseScorer(slots, timeZone, (index) => slots[index].mean);
}

export interface ThompsonOptions {
  /** Correlate the draws across slots like the model's errors (default: the model's default kernel); false: independent draws. */
  correlation?: KernelOptions | false;
}

/**
 * Thompson sampling: one draw from N(mean, sd) per slot, made lazily on the first score and cached, so every
 * candidate of one post's choice is rated from the same coherent sample. The draws are correlated across
 * neighbouring slots as the model's errors are (see `correlatedNormals`). Create one scorer per post.
 */
export function thompsonScorer(slots: readonly SlotEstimate[], timeZone: string, random: Random, options: ThompsonOptions = {}): SlotScorer {
  let z: number[] | undefined;
  const draw = (index: number): number => {
    if (!z) z = options.correlation === false ? slots.map(() => normalSample(random)) : correlatedNormals(random, options.correlation ?? DEFAULT_KERNEL);
    return slots[index].mean + slots[index].sd * z[index];
  };
  return baseScorer(slots, timeZone, draw);
}

export interface TimeChoice {
  instant: Date;
  slot: WeekSlot;
  score: number;
  /** True when the chosen slot is not the feasible candidate with the best posterior mean. */
  explored: boolean;
}

export interface ChooseTimeInput {
  candidates: readonly Date[];
  scorer: SlotScorer;
  /** Whether a candidate is allowed (gap to the account's other posts, not in the past…). */
  isFree?: (instant: Date) => boolean;
}

/** The feasible candidate with the highest score (the earliest on ties), or undefined when none is free. */
export function chooseTime({ candidates, scorer, isFree = () => true }: ChooseTimeInput): TimeChoice | undefined {
  let best: { instant: Date; score: number } | undefined;
  let bestMean: { instant: Date; mean: number } | undefined;
  for (const instant of candidates) {
    if (!isFree(instant)) continue;
    const score = scorer.score(instant);
    if (!best || score > best.score) best = { instant, score };
    const mean = scorer.mean(instant);
    if (!bestMean || mean > bestMean.mean) bestMean = { instant, mean };
  }
  if (!best || !bestMean) return undefined;
  const slot = scorer.slotOf(best.instant);
  const explored = slotIndex(slot) !== slotIndex(scorer.slotOf(bestMean.instant)) && scorer.mean(best.instant) < bestMean.mean;
  return { instant: best.instant, slot, score: best.score, explored };
}

export interface DayCandidateOptions {
  /** Minute past each hour (default 0). */
  minute?: number;
  /** First and last local hour to offer (default 0 and 23). */
  fromHour?: number;
  toHour?: number;
  /** Drop candidates before this instant (e.g. now). */
  notBefore?: Date;
}

/**
 * The hourly instants of one local day (24, or 23 on a spring-forward day: a wall time that does not
 * exist is skipped rather than moved onto the next hour).
 */
export function dayCandidates(date: LocalDate, timeZone: string, options: DayCandidateOptions = {}): Date[] {
  const { minute = 0, fromHour = 0, toHour = 23, notBefore } = options;
  const result: Date[] = [];
  for (let hour = fromHour; hour <= toHour; hour++) {
    const instant = zonedTime(date, hour, minute, timeZone);
    const p = localParts(instant, timeZone);
    if (!sameDate(p, date) || p.hour !== hour) continue;
    if (notBefore && instant < notBefore) continue;
    result.push(instant);
  }
  return result;
}

/** An `isFree` that keeps `gapMs` between a candidate and every already-taken instant. */
export function keepsGap(taken: readonly Date[], gapMs: number): (instant: Date) => boolean {
  return (instant) => taken.every((t) => Math.abs(t.getTime() - instant.getTime()) >= gapMs);
}
