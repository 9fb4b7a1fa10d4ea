/**
 * Building blocks for hour-of-week curves (168 relative multipliers, mean 1): a day is a low night floor,
 * an "awake" plateau and a few bumps at the hours people look at their feeds. Both the generic platform
 * prior and the simulator's hidden audiences are drawn from this family, with different parameters.
 */
export interface Peak {
  /** Local hour of the bump's centre (may be fractional). */
  hour: number;
  /** Height above the plateau. */
  height: number;
  /** Standard deviation in hours. */
  width: number;
}

export interface DayShape {
  peaks: readonly Peak[];
  /** Level while the audience is asleep. */
  floor?: number;
  /** Extra level between waking and sleeping. */
  awake?: number;
  wakeHour?: number;
  sleepHour?: number;
}

function circularDistance(a: number, b: number, period: number): number {
  const d = Math.abs(a - b) % period;
  return Math.min(d, period - d);
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** 24 hourly values of one day's curve (unnormalised). */
export function dailyCurve(shape: DayShape): number[] {
  const { floor = 0.12, awake = 0.3, wakeHour = 7, sleepHour = 23.5 } = shape;
  return Array.from({ length: 24 }, (_, hour) => {
    const awakeLevel = awake * logistic((hour - wakeHour) * 1.5) * logistic((sleepHour - hour) * 1.5);
    const bumps = shape.peaks.reduce((sum, p) => sum + p.height * Math.exp(-(circularDistance(hour, p.hour, 24) ** 2) / (2 * p.width ** 2)), 0);
    return floor + awakeLevel + bumps;
  });
}

/** Scales values so their mean is 1. */
export function normalizeMean(values: readonly number[]): number[] {
  const avg = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v / avg);
}

/** A 168-slot week (Monday first) from seven daily curves, scaled to mean 1. */
export function weekCurve(days: ReadonlyArray<readonly number[]>): number[] {
  return normalizeMean(days.flatMap((day) => [...day]));
}

/** Rotates a 168-slot week by `hours` (positive: everything happens later). Fractional shifts interpolate. */
export function shiftWeek(week: readonly number[], hours: number): number[] {
  const n = week.length;
  const whole = Math.floor(hours);
  const frac = hours - whole;
  return week.map((_, i) => {
    const a = week[(((i - whole) % n) + n) % n];
    const b = week[(((i - whole - 1) % n) + n) % n];
    return a * (1 - frac) + b * frac;
  });
}
