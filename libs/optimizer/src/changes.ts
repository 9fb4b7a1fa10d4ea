import { slotIndex, slotAt, type ContentInsight, type OptimizationChanges, type WeekSlot } from '@app/contracts';

/** What `compareRuns` needs of one optimization run. */
export interface RunSummary {
  runId?: string;
  bestSlots: readonly WeekSlot[];
  contentInsights: readonly ContentInsight[];
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Tue 09:00" — how a slot reads in a sentence. */
export function describeSlot(slot: WeekSlot): string {
  return `${DAYS[slot.weekday]} ${String(slot.hour).padStart(2, '0')}:00`;
}

const key = (i: ContentInsight): string => `${i.feature}=${i.value}`;

/**
 * What changed since the previous run, so the Strategy agent and the user see news rather than the whole
 * model again: slots that entered or left the top list, and significant findings that appeared, flipped
 * sign, or are no longer significant. Without a previous run everything current is new.
 */
export function compareRuns(previous: RunSummary | null | undefined, current: RunSummary): OptimizationChanges {
  const before = new Set((previous?.bestSlots ?? []).map(slotIndex));
  const after = new Set(current.bestSlots.map(slotIndex));
  const newTopSlots = [...after].filter((s) => !before.has(s)).map(slotAt);
  const droppedTopSlots = [...before].filter((s) => !after.has(s)).map(slotAt);

  const old = new Map((previous?.contentInsights ?? []).filter((i) => i.significant).map((i) => [key(i), i]));
  const now = new Map(current.contentInsights.filter((i) => i.significant).map((i) => [key(i), i]));
  const insightChanges: string[] = [];
  for (const [k, insight] of now) {
    const was = old.get(k);
    if (!was) insightChanges.push(`New finding: ${insight.finding}`);
    else if (Math.sign(was.lift) !== Math.sign(insight.lift)) insightChanges.push(`Flipped: ${insight.finding} (it was the other way before)`);
  }
  for (const [k, insight] of old) {
    if (!now.has(k)) insightChanges.push(`No longer significant: ${insight.finding}`);
  }
  return { ...(previous?.runId ? { previousRunId: previous.runId } : {}), newTopSlots, droppedTopSlots, insightChanges };
}
