import type { WeekSlot } from '@app/contracts';
import type { SlotObservation } from '../model';
import { createRandom, normalSample } from '../random';
import { addLocalDays, localSlot, zonedTime } from '../zoned-time';

/** Test helper: posts at random local hours (06–23) with values = truth(slot, ageDays) × lognormal noise. */
export interface SyntheticHistoryOptions {
  now: Date;
  timeZone: string;
  weeks: number;
  postsPerDay: number;
  seed: string;
  noiseSd: number;
  truth: (slot: WeekSlot, ageDays: number) => number;
  /** Skip the most recent days (metrics not settled). */
  skipDays?: number;
}

export function syntheticHistory(options: SyntheticHistoryOptions): SlotObservation[] {
  const random = createRandom(options.seed);
  const posts: SlotObservation[] = [];
  const days = options.weeks * 7;
  for (let ageDays = days; ageDays >= (options.skipDays ?? 2); ageDays--) {
    const date = addLocalDays(options.now, -ageDays, options.timeZone);
    for (let k = 0; k < options.postsPerDay; k++) {
      const publishedAt = zonedTime(date, 6 + Math.floor(random() * 18), Math.floor(random() * 60), options.timeZone);
      const value = 0.03 * options.truth(localSlot(publishedAt, options.timeZone), ageDays) * Math.exp(options.noiseSd * normalSample(random));
      posts.push({ publishedAt, value });
    }
  }
  return posts;
}

/** A bump of relative height `height` (×(1 + height) at its centre) around `hour`, 1 elsewhere. */
export function peakAt(hour: number, height: number, width = 1): (h: number) => number {
  return (h) => 1 + height * Math.exp(-((h - hour) ** 2) / (2 * width * width));
}
