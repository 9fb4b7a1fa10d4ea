import type { SlotEstimate } from '@app/contracts';
import { fitSlotModel } from './model';
import { platformPrior } from './prior';
import { createRandom } from './random';
import { chooseTime, dayCandidates, keepsGap, meanScorer, thompsonScorer } from './scheduling';
import { peakAt, syntheticHistory } from './testing/synthetic-history';
import { localParts } from './zoned-time';

const timeZone = 'America/New_York';
const now = new Date('2026-11-25T00:00:00Z');
const wednesday = { year: 2026, month: 12, day: 2 };
const HOUR_MS = 3_600_000;

/** Flat estimates with chosen means at some hours of every day. */
function estimates(means: Record<number, number>, sd = 0.01): SlotEstimate[] {
  return Array.from({ length: 168 }, (_, i) => ({ mean: means[i % 24] ?? 1, sd, confidence: 0.9 }));
}

/** The local hour each of `runs` seeded Thompson choices lands on. */
function thompsonHours(slots: SlotEstimate[], runs: number): number[] {
  const candidates = dayCandidates(wednesday, timeZone);
  return Array.from({ length: runs }, (_, i) => {
    const choice = chooseTime({ candidates, scorer: thompsonScorer(slots, timeZone, createRandom(`run-${i}`)) });
    return localParts(choice!.instant, timeZone).hour;
  });
}

const share = (hours: number[], hour: number): number => hours.filter((h) => h === hour).length / hours.length;

describe('dayCandidates', () => {
  it('gives the 24 local hours of a day, on the hour', () => {
    const hours = dayCandidates(wednesday, timeZone).map((d) => localParts(d, timeZone));
    expect(hours.map((p) => p.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(hours.every((p) => p.day === 2 && p.minute === 0)).toBe(true);
  });

  it('skips the hour that does not exist on a spring-forward day and keeps 24 on the fall-back day', () => {
    const spring = dayCandidates({ year: 2026, month: 3, day: 8 }, timeZone).map((d) => localParts(d, timeZone).hour);
    expect(spring).toHaveLength(23);
    expect(spring).not.toContain(2);
    expect(dayCandidates({ year: 2026, month: 11, day: 1 }, timeZone)).toHaveLength(24);
  });

  it('honours an hour range and a not-before instant', () => {
    const from = dayCandidates(wednesday, timeZone, { fromHour: 8, toHour: 20, minute: 30, notBefore: new Date('2026-12-02T17:00:00Z') });
    expect(from.map((d) => localParts(d, timeZone).hour)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(localParts(from[0], timeZone).minute).toBe(30);
  });
});

describe('chooseTime', () => {
  it('takes the feasible candidate with the best score, and none when nothing is free', () => {
    const slots = estimates({ 10: 2, 11: 1.8, 18: 1.5 });
    const candidates = dayCandidates(wednesday, timeZone);
    const best = chooseTime({ candidates, scorer: meanScorer(slots, timeZone) })!;
    expect(best.slot).toEqual({ weekday: 2, hour: 10 });
    expect(best.explored).toBe(false);
    const taken = [best.instant];
    const second = chooseTime({ candidates, scorer: meanScorer(slots, timeZone), isFree: keepsGap(taken, 2 * HOUR_MS) })!;
    expect(second.slot.hour).toBe(18);
    expect(chooseTime({ candidates, scorer: meanScorer(slots, timeZone), isFree: () => false })).toBeUndefined();
  });

  it('flags a choice that is not the best-mean feasible slot as exploration', () => {
    const slots = estimates({ 10: 1.2, 18: 1.1 }, 0.5);
    const runs = Array.from({ length: 60 }, (_, i) => chooseTime({ candidates: dayCandidates(wednesday, timeZone), scorer: thompsonScorer(slots, timeZone, createRandom(`e${i}`)) })!);
    expect(runs.some((r) => r.explored)).toBe(true);
    expect(runs.filter((r) => !r.explored).every((r) => r.slot.hour === 10)).toBe(true);
  });
});

describe('Thompson sampling', () => {
  it('keeps one coherent draw per scorer: the same instant always scores the same', () => {
    const scorer = thompsonScorer(estimates({}, 0.5), timeZone, createRandom('coherent'));
    const instant = dayCandidates(wednesday, timeZone)[12];
    expect(scorer.score(instant)).toBe(scorer.score(instant));
    expect(scorer.score(instant)).not.toBe(1);
  });

  it('explores several slots while confidence is low and concentrates on the best as it grows', () => {
    const truth = (hour: number): number => peakAt(15, 1.5, 1.5)(hour);
    const prior = platformPrior('x');
    const history = (weeks: number, perDay: number) =>
      syntheticHistory({ now, timeZone, weeks, postsPerDay: perDay, seed: `t${weeks}`, noiseSd: 0.35, truth: (s) => (s.weekday < 5 ? truth(s.hour) : 1) });
    const early = fitSlotModel(history(1, 1).slice(-4), { now, timeZone, prior });
    const late = fitSlotModel(history(26, 3), { now, timeZone, prior });
    const bestLate = chooseTime({ candidates: dayCandidates(wednesday, timeZone), scorer: meanScorer(late.slots, timeZone) })!.slot.hour;
    expect(Math.abs(bestLate - 15)).toBeLessThanOrEqual(1);

    const earlyHours = thompsonHours(early.slots, 200);
    const lateHours = thompsonHours(late.slots, 200);
    expect(new Set(earlyHours).size).toBeGreaterThanOrEqual(5);
    expect(Math.max(...[...new Set(earlyHours)].map((h) => share(earlyHours, h)))).toBeLessThan(0.5);
    expect(share(lateHours, bestLate)).toBeGreaterThan(0.6);
    expect(lateHours.every((h) => Math.abs(h - bestLate) <= 2)).toBe(true);
  });
});
