import { WEEK_SLOTS, type Platform } from '@app/contracts';
import { dailyCurve, weekCurve, type DayShape } from './curves';

/**
 * A generic platform-wide hour-of-week curve (168 multipliers, mean 1) an account's own data is shrunk
 * toward. Shapes follow the commonly published patterns: nights low; X and LinkedIn peak at the commute,
 * lunch and end of work, LinkedIn being quiet at weekends; Instagram and Facebook lean to lunch and evening;
 * Bluesky and Mastodon (more tech and hobby audiences) to the evening. Weekends start later.
 */
export interface PlatformShape {
  weekday: DayShape;
  weekend: DayShape;
  /** Weekend level relative to weekdays. */
  weekendLevel: number;
}

const SHAPES: Readonly<Record<Platform, PlatformShape>> = {
  x: {
    weekday: { peaks: [{ hour: 8.5, height: 0.9, width: 1.5 }, { hour: 12.5, height: 1, width: 1.5 }, { hour: 17.5, height: 0.8, width: 2 }] },
    weekend: { peaks: [{ hour: 10.5, height: 0.7, width: 2 }, { hour: 20, height: 0.6, width: 2 }], wakeHour: 8.5 },
    weekendLevel: 0.8,
  },
  instagram: {
    weekday: { peaks: [{ hour: 11, height: 0.8, width: 1.5 }, { hour: 14, height: 0.6, width: 1.5 }, { hour: 19.5, height: 1, width: 2 }] },
    weekend: { peaks: [{ hour: 10, height: 0.8, width: 2 }, { hour: 20, height: 0.9, width: 2 }], wakeHour: 8.5 },
    weekendLevel: 1,
  },
  facebook: {
    weekday: { peaks: [{ hour: 9, height: 0.8, width: 1.5 }, { hour: 13, height: 1, width: 1.5 }, { hour: 15.5, height: 0.7, width: 1.5 }] },
    weekend: { peaks: [{ hour: 12, height: 0.8, width: 2.5 }, { hour: 19, height: 0.6, width: 2 }], wakeHour: 8.5 },
    weekendLevel: 0.9,
  },
  linkedin: {
    weekday: { peaks: [{ hour: 8, height: 1, width: 1.2 }, { hour: 12, height: 0.9, width: 1.2 }, { hour: 17.5, height: 0.7, width: 1.5 }], sleepHour: 22 },
    weekend: { peaks: [{ hour: 10, height: 0.4, width: 2 }], wakeHour: 9, sleepHour: 22 },
    weekendLevel: 0.45,
  },
  bluesky: {
    weekday: { peaks: [{ hour: 9, height: 0.8, width: 1.5 }, { hour: 12, height: 0.8, width: 1.5 }, { hour: 18.5, height: 1, width: 2 }] },
    weekend: { peaks: [{ hour: 11, height: 0.7, width: 2 }, { hour: 20, height: 0.8, width: 2 }], wakeHour: 8.5 },
    weekendLevel: 0.9,
  },
  mastodon: {
    weekday: { peaks: [{ hour: 8.5, height: 0.8, width: 1.5 }, { hour: 13, height: 0.8, width: 1.5 }, { hour: 19, height: 0.9, width: 2 }] },
    weekend: { peaks: [{ hour: 11, height: 0.7, width: 2 }, { hour: 20, height: 0.7, width: 2 }], wakeHour: 8.5 },
    weekendLevel: 0.95,
  },
};

/** The prior's day shapes (the simulator moves its hidden audiences' peaks away from these hours). */
export function platformPriorShape(platform: Platform): Readonly<PlatformShape> {
  return SHAPES[platform];
}

const cache = new Map<Platform, readonly number[]>();

/** The platform's generic 168-slot prior (index = weekday * 24 + hour, mean 1). */
export function platformPrior(platform: Platform): number[] {
  let week = cache.get(platform);
  if (!week) {
    const shape = SHAPES[platform];
    const weekday = dailyCurve(shape.weekday);
    const weekend = dailyCurve(shape.weekend).map((v) => v * shape.weekendLevel);
    week = weekCurve([weekday, weekday, weekday, weekday, weekday, weekend, weekend]);
    cache.set(platform, week);
  }
  if (week.length !== WEEK_SLOTS) throw new Error('prior must have 168 slots');
  return [...week];
}

/** A flat prior (every hour alike), for callers that want the account's data alone to speak. */
export function flatPrior(): number[] {
  return new Array<number>(WEEK_SLOTS).fill(1);
}
