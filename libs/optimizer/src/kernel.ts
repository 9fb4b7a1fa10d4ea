import { WEEK_SLOTS } from '@app/contracts';

/**
 * How much a post in one hour-of-week slot tells about another: a circular Gaussian over the hour of day
 * (people's habits are smooth in time) times a day factor (the same day counts fully, another weekday
 * partly, weekend days share with each other, weekday ↔ weekend little). This is what lets ~100 posts
 * inform all 168 slots. Defaults (tuned on the benchmark, never on the simulator's profiles directly):
 * 1.5 h lets each post inform ±2–3 hours, about the width of a real feed peak; weekdays share 0.85 because
 * work-week habits repeat (Monday and Friday differ a little); weekday ↔ weekend only 0.05, since weekend
 * peaks are often at other hours altogether.
 */
export interface KernelOptions {
  /** Standard deviation of the hour-of-day Gaussian, in hours. */
  hourBandwidth: number;
  /** Hours beyond which a post does not count at all. */
  maxHours: number;
  /** Weight of the same hour on another weekday (Mon–Fri ↔ Mon–Fri). */
  weekdayShare: number;
  /** Weight of the same hour on the other weekend day. */
  weekendShare: number;
  /** Weight between a weekday and a weekend day. */
  crossShare: number;
}

export const DEFAULT_KERNEL: Readonly<KernelOptions> = {
  hourBandwidth: 1.5,
  maxHours: 4,
  weekdayShare: 0.85,
  weekendShare: 0.85,
  crossShare: 0.05,
};

const isWeekend = (weekday: number): boolean => weekday >= 5;

/** The day factor between two weekdays (0 = Monday). */
export function dayShare(a: number, b: number, options: KernelOptions): number {
  if (a === b) return 1;
  if (isWeekend(a) !== isWeekend(b)) return options.crossShare;
  return isWeekend(a) ? options.weekendShare : options.weekdayShare;
}

/** The hour factor between two hours of day (circular: 23 and 0 are one hour apart). */
export function hourShare(a: number, b: number, options: KernelOptions): number {
  const d = Math.min(Math.abs(a - b), 24 - Math.abs(a - b));
  if (d > options.maxHours) return 0;
  return Math.exp(-(d * d) / (2 * options.hourBandwidth ** 2));
}

const cache = new Map<string, Float64Array>();

/** The 168 × 168 kernel matrix (row = target slot, column = the post's slot), cached per options. */
export function slotKernel(options: KernelOptions = DEFAULT_KERNEL): Float64Array {
  const key = JSON.stringify(options);
  let matrix = cache.get(key);
  if (!matrix) {
    matrix = new Float64Array(WEEK_SLOTS * WEEK_SLOTS);
    for (let s = 0; s < WEEK_SLOTS; s++) {
      for (let t = 0; t < WEEK_SLOTS; t++) {
        const day = dayShare(Math.floor(s / 24), Math.floor(t / 24), options);
        matrix[s * WEEK_SLOTS + t] = day * hourShare(s % 24, t % 24, options);
      }
    }
    cache.set(key, matrix);
  }
  return matrix;
}
