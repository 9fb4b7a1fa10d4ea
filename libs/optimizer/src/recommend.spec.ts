import type { ContentInsight, SlotEstimate } from '@app/contracts';
import { compareRuns } from './changes';
import { recommendSlots } from './recommend';

const slotsWith = (means: Record<number, number>): SlotEstimate[] => Array.from({ length: 168 }, (_, i) => ({ mean: means[i] ?? 0.5, sd: 0.1, confidence: i / 168 }));

describe('recommendSlots', () => {
  it('ranks by posterior mean with lift and confidence, keeping picks at least 2 hours apart', () => {
    // Tuesday 10, 11, 12 are the three best hours; 11 is best.
    const slots = slotsWith({ 34: 1.8, 35: 1.9, 36: 1.85, 100: 1.5, 12: 1.2 });
    const top = recommendSlots({ slots }, 3);
    expect(top.map((s) => [s.weekday, s.hour])).toEqual([[1, 11], [4, 4], [0, 12]]);
    expect(top[0].expectedLift).toBeCloseTo(0.9, 9);
    expect(top[0].confidence).toBeCloseTo(35 / 168, 9);
  });

  it('never recommends adjacent hours, also across midnight', () => {
    const slots = Array.from({ length: 168 }, (_, i) => ({ mean: 1 + Math.sin(i / 5) * 0.3, sd: 0.1, confidence: 0.5 }));
    const top = recommendSlots({ slots }, 20);
    expect(top).toHaveLength(20);
    const indices = top.map((s) => s.weekday * 24 + s.hour);
    for (const a of indices) for (const b of indices) if (a !== b) expect(Math.min(Math.abs(a - b), 168 - Math.abs(a - b))).toBeGreaterThanOrEqual(2);
    const means = top.map((s) => s.expectedLift);
    expect([...means].sort((x, y) => y - x)).toEqual(means);
  });
});

describe('compareRuns', () => {
  const insight = (value: string, lift: number, significant: boolean): ContentInsight => ({
    feature: 'media',
    value,
    n: 20,
    nOther: 30,
    lift,
    effectSize: lift,
    significant,
    finding: `${value} ${lift > 0 ? 'better' : 'worse'}`,
  });

  it('lists slots that entered and left the top, and findings that appeared, flipped or disappeared', () => {
    const previous = {
      runId: 'run-1',
      bestSlots: [{ weekday: 0, hour: 9 }, { weekday: 1, hour: 12 }],
      contentInsights: [insight('image', 0.3, true), insight('video', 0.2, true), insight('link', -0.2, true)],
    };
    const current = {
      bestSlots: [{ weekday: 1, hour: 12 }, { weekday: 3, hour: 18 }],
      contentInsights: [insight('image', 0.35, true), insight('video', -0.25, true), insight('link', -0.1, false), insight('carousel', 0.4, true)],
    };
    const changes = compareRuns(previous, current);
    expect(changes.previousRunId).toBe('run-1');
    expect(changes.newTopSlots).toEqual([{ weekday: 3, hour: 18 }]);
    expect(changes.droppedTopSlots).toEqual([{ weekday: 0, hour: 9 }]);
    expect(changes.insightChanges).toEqual(['Flipped: video worse (it was the other way before)', 'New finding: carousel better', 'No longer significant: link worse']);
  });

  it('treats everything as new without a previous run', () => {
    const changes = compareRuns(null, { bestSlots: [{ weekday: 2, hour: 8 }], contentInsights: [insight('image', 0.3, true), insight('video', 0.1, false)] });
    expect(changes.previousRunId).toBeUndefined();
    expect(changes.newTopSlots).toEqual([{ weekday: 2, hour: 8 }]);
    expect(changes.insightChanges).toEqual(['New finding: image better']);
  });
});
