import { WEEK_SLOTS, slotAt, type RecommendedSlot } from '@app/contracts';
import type { SlotModel } from './model';

/** Minimum distance in hours between two recommended slots (also across midnight). */
export const RECOMMENDATION_SPACING_HOURS = 2;

function hoursApart(a: number, b: number): number {
  const d = Math.abs(a - b);
  return Math.min(d, WEEK_SLOTS - d);
}

/**
 * The best `count` slots by posterior mean, at least 2 hours apart, so a list of ten is not "11, 12, 13 on
 * Tuesday": a neighbouring hour of a recommended slot adds no information for a person planning posts.
 */
export function recommendSlots(model: Pick<SlotModel, 'slots'>, count = 10): RecommendedSlot[] {
  const order = model.slots.map((estimate, index) => ({ estimate, index })).sort((a, b) => b.estimate.mean - a.estimate.mean || a.index - b.index);
  const chosen: number[] = [];
  const result: RecommendedSlot[] = [];
  for (const { estimate, index } of order) {
    if (result.length >= count) break;
    if (chosen.some((c) => hoursApart(c, index) < RECOMMENDATION_SPACING_HOURS)) continue;
    chosen.push(index);
    result.push({ ...slotAt(index), expectedLift: estimate.mean - 1, confidence: estimate.confidence });
  }
  return result;
}
