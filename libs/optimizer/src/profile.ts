import { WEEK_SLOTS, type Platform } from '@app/contracts';
import { dailyCurve, shiftWeek, weekCurve, type DayShape, type Peak } from './curves';
import { platformPriorShape } from './prior';
import { createRandom, uniform, type Random } from './random';

/**
 * A simulated audience's hidden hour-of-week profile (168 multipliers, mean 1), derived from a seed.
 * Each daily curve has 2–3 peaks; every peak sits 2–4 hours (weekends 1.5–4) before or after the
 * corresponding peak of `platformPrior`, at least 1.5 hours from any of the prior's peaks, with its own
 * height and width, so the generic prior is a plausible but wrong guess and an account has to learn its
 * own hours. Weekends have their own peaks and level (LinkedIn's lower); weekdays differ mildly (×0.9–1.1).
 * `shiftHours` rotates the whole week later (or earlier, negative), modelling an audience that moved.
 */
export interface AudienceProfileOptions {
  platform: Platform;
  seed: string;
  timeZone: string;
  shiftHours?: number;
}

export interface AudienceProfile {
  platform: Platform;
  seed: string;
  timeZone: string;
  shiftHours: number;
  weekdayPeaks: Peak[];
  weekendPeaks: Peak[];
  /** Index = weekday * 24 + hour (local), mean 1. */
  multipliers: number[];
}

/** The distance a moved peak keeps from every peak of the prior, so the prior's hours are not the answer. */
const MIN_DISTANCE_FROM_PRIOR = 1.5;

function movedPeaks(random: Random, peaks: readonly Peak[], minShift: number, maxShift: number, heights: [number, number], widths: [number, number]): Peak[] {
  const moved = peaks.map((p) => {
    let hour = p.hour;
    for (let attempt = 0; attempt < 20; attempt++) {
      const shift = uniform(random, minShift, maxShift) * (random() < 0.5 ? -1 : 1);
      hour = Math.min(22.5, Math.max(6.5, p.hour + shift));
      if (peaks.every((q) => Math.abs(q.hour - hour) >= MIN_DISTANCE_FROM_PRIOR)) break;
    }
    return { hour, height: uniform(random, ...heights), width: uniform(random, ...widths) };
  });
  // Two or three peaks: drop one of three at random, 40% of the time.
  if (moved.length === 3 && random() < 0.4) moved.splice(Math.floor(random() * 3), 1);
  return moved;
}

export function audienceProfile(options: AudienceProfileOptions): AudienceProfile {
  const { platform, seed, timeZone, shiftHours = 0 } = options;
  const random = createRandom(`profile:${platform}:${seed}:${timeZone}`);
  const prior = platformPriorShape(platform);
  const weekdayPeaks = movedPeaks(random, prior.weekday.peaks, 2, 4, [0.5, 1.4], [1.25, 2.5]);
  const weekendPeaks = movedPeaks(random, prior.weekend.peaks, 1.5, 4, [0.4, 1.2], [1.5, 3]);
  const weekdayShape: DayShape = { peaks: weekdayPeaks, wakeHour: uniform(random, 6, 8), sleepHour: uniform(random, 22, 24) };
  const weekendShape: DayShape = { peaks: weekendPeaks, wakeHour: uniform(random, 7.5, 9.5), sleepHour: uniform(random, 22.5, 24.5) };
  const weekendLevel = uniform(random, 0.6, 1.2) * (platform === 'linkedin' ? 0.6 : 1);
  const weekday = dailyCurve(weekdayShape);
  const weekend = dailyCurve(weekendShape);
  const days = Array.from({ length: 7 }, (_, d) => {
    const level = d >= 5 ? weekendLevel * uniform(random, 0.9, 1.1) : uniform(random, 0.9, 1.1);
    return (d >= 5 ? weekend : weekday).map((v) => v * level);
  });
  const multipliers = shiftWeek(weekCurve(days), shiftHours);
  if (multipliers.length !== WEEK_SLOTS) throw new Error('profile must have 168 slots');
  return { platform, seed, timeZone, shiftHours, weekdayPeaks, weekendPeaks, multipliers };
}
