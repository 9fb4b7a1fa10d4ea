import { slotIndex, type WeekSlot } from '@app/contracts';
import { fitSlotModel, type SlotModel } from './model';
import { platformPrior } from './prior';
import { recommendSlots } from './recommend';
import { peakAt, syntheticHistory } from './testing/synthetic-history';
import { addLocalDays, zonedTime } from './zoned-time';

const now = new Date('2026-11-25T00:00:00Z');
const timeZone = 'Europe/Berlin';
const weekday = (slot: WeekSlot): boolean => slot.weekday < 5;
/** Mean estimate over Monday–Friday at one hour. */
const weekdayMean = (model: SlotModel, hour: number): number => [0, 1, 2, 3, 4].reduce((s, d) => s + model.slots[d * 24 + hour].mean, 0) / 5;

describe('fitSlotModel', () => {
  it('finds a known weekday peak in 16 weeks of ~7 posts a week, with high confidence there', () => {
    // LinkedIn's prior peaks at 08, 12 and 17:30; this audience peaks at 15:00 on weekdays.
    const bump = peakAt(15, 2, 1.2);
    const posts = syntheticHistory({ now, timeZone, weeks: 16, postsPerDay: 1, seed: 'peak', noiseSd: 0.35, truth: (s) => (weekday(s) ? bump(s.hour) : 1) });
    const model = fitSlotModel(posts, { now, timeZone, prior: platformPrior('linkedin') });
    const top = recommendSlots(model, 5);
    expect(top.every((s) => s.weekday < 5 && Math.abs(s.hour - 15) <= 1)).toBe(true);
    expect(model.slots[slotIndex({ weekday: 2, hour: 15 })].confidence).toBeGreaterThan(0.7);
    expect(model.observations).toBe(posts.length);
    expect(model.slots.reduce((s, e) => s + e.mean, 0) / 168).toBeCloseTo(1, 6);
  });

  it('stays close to the prior with little data, with low confidence', () => {
    const prior = platformPrior('x');
    const posts = syntheticHistory({ now, timeZone, weeks: 16, postsPerDay: 1, seed: 'few', noiseSd: 0.35, truth: (s) => peakAt(21, 3)(s.hour) }).slice(-3);
    const model = fitSlotModel(posts, { now, timeZone, prior });
    const maxRelative = Math.max(...model.slots.map((s, i) => Math.abs(s.mean / prior[i] - 1)));
    expect(maxRelative).toBeLessThan(0.35);
    expect(Math.max(...model.slots.map((s) => s.confidence))).toBeLessThan(0.4);
  });

  it('is the prior itself without posts', () => {
    const prior = platformPrior('instagram');
    const model = fitSlotModel([], { now, timeZone, prior });
    model.slots.forEach((s, i) => expect(s.mean).toBeCloseTo(prior[i], 9));
    expect(model.slots.every((s) => s.confidence === 0 && s.sd > 0)).toBe(true);
    expect(model.observations).toBe(0);
  });

  it('follows an audience that moved (12 weeks peak at 09, then 4 weeks at 19), and would not without recency weighting', () => {
    const seeds = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'];
    let moved = 0;
    let movedWithoutRecency = 0;
    for (const seed of seeds) {
      const posts = syntheticHistory({ now, timeZone, weeks: 16, postsPerDay: 2, seed, noiseSd: 0.3, truth: (s, age) => peakAt(age > 28 ? 9 : 19, 2)(s.hour) });
      const model = fitSlotModel(posts, { now, timeZone, prior: platformPrior('x') });
      const frozen = fitSlotModel(posts, { now, timeZone, prior: platformPrior('x'), halfLifeDays: Infinity, detectDrift: false });
      if (weekdayMean(model, 19) > weekdayMean(model, 9)) moved++;
      if (weekdayMean(frozen, 19) > weekdayMean(frozen, 9)) movedWithoutRecency++;
      expect(model.driftDetected).toBe(true);
    }
    expect(moved).toBeGreaterThanOrEqual(7);
    expect(movedWithoutRecency).toBe(0);
  });

  it('does not report a change for a stable audience', () => {
    const posts = syntheticHistory({ now, timeZone, weeks: 16, postsPerDay: 2, seed: 'stable', noiseSd: 0.3, truth: (s) => peakAt(9, 2)(s.hour) });
    const model = fitSlotModel(posts, { now, timeZone, prior: platformPrior('x') });
    expect(model.driftDetected).toBe(false);
    expect(weekdayMean(model, 9)).toBeGreaterThan(weekdayMean(model, 19));
  });

  it('is not carried away by one viral post at an odd hour', () => {
    const posts = syntheticHistory({ now, timeZone, weeks: 8, postsPerDay: 1, seed: 'viral', noiseSd: 0.3, truth: (s) => peakAt(12, 1)(s.hour) });
    const date = addLocalDays(now, -10, timeZone);
    posts.push({ publishedAt: zonedTime(date, 3, 0, timeZone), value: 0.03 * 50 });
    const model = fitSlotModel(posts, { now, timeZone, prior: platformPrior('facebook') });
    expect(recommendSlots(model, 10).some((s) => s.hour >= 1 && s.hour <= 5)).toBe(false);
  });

  it('keeps 09:00 local as hour 9 across a DST change when learning', () => {
    // Posts at 09:00 local do best, from February to May (Berlin switches to summer time on 29 March).
    const spring = new Date('2026-05-20T00:00:00Z');
    const posts = syntheticHistory({ now: spring, timeZone, weeks: 14, postsPerDay: 2, seed: 'dst', noiseSd: 0.2, truth: (s) => (s.hour === 9 ? 3 : 1) });
    const model = fitSlotModel(posts, { now: spring, timeZone, prior: platformPrior('mastodon') });
    expect(recommendSlots(model, 3).map((s) => s.hour)).toEqual([9, 9, 9]);
  });
});
