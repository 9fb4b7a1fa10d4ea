import type { PostAnalyticsSummary, RecommendedSlot, SlotEstimate } from '../api/types';
import {
  MAX_CHART_DAYS,
  axisTicks,
  cellLabel,
  chartSummary,
  dayRange,
  engagementSeries,
  formatCount,
  formatDateTime,
  formatLift,
  formatPercent,
  heatColor,
  heatOpacity,
  heatPosition,
  heatmapRows,
  labelIndexes,
  niceCeiling,
  rankPosts,
  slotName,
  utcDay,
  xPosition,
  yPosition,
} from './analytics-data';

let seq = 0;
function post(overrides: Partial<PostAnalyticsSummary> = {}): PostAnalyticsSummary {
  seq += 1;
  return {
    postId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    platform: 'x',
    status: 'published',
    publishedAt: '2026-11-24T09:00:00.000Z',
    measuredAt: '2026-11-25T09:00:00.000Z',
    metrics: {},
    engagements: 10,
    ...overrides,
  };
}

describe('days', () => {
  it('reads the UTC day of an instant, whatever its offset', () => {
    expect(utcDay('2026-11-24T23:30:00-02:00')).toBe('2026-11-25');
    expect(utcDay('2026-11-24T00:00:00Z')).toBe('2026-11-24');
    expect(utcDay('not a date')).toBeUndefined();
    expect(utcDay(undefined)).toBeUndefined();
  });

  it('lists consecutive days across a month end, inclusive', () => {
    expect(dayRange('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(dayRange('2026-11-29', '2026-11-29')).toEqual(['2026-11-29']);
    expect(dayRange('2026-12-02', '2026-11-29')).toEqual([]);
  });
});

describe('engagement per platform per day', () => {
  it('sums each platform’s published posts by the day they went out, with 0 on the days between', () => {
    const data = engagementSeries([
      post({ platform: 'linkedin', publishedAt: '2026-11-24T08:00:00Z', engagements: 5 }),
      post({ platform: 'x', publishedAt: '2026-11-24T10:00:00Z', engagements: 7 }),
      post({ platform: 'x', publishedAt: '2026-11-24T18:00:00Z', engagements: 3 }),
      post({ platform: 'x', publishedAt: '2026-11-26T10:00:00Z', engagements: 20 }),
      post({ platform: 'x', status: 'failed', publishedAt: '2026-11-25T10:00:00Z', engagements: 99 }),
    ]);
    expect(data.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    // The API's platform order: x before linkedin.
    expect(data.series.map((s) => s.platform)).toEqual(['x', 'linkedin']);
    expect(data.series[0].points.map((p) => p.engagements)).toEqual([10, 0, 20]);
    expect(data.series[0].points.map((p) => p.posts)).toEqual([2, 0, 1]);
    expect(data.series[0].total).toBe(30);
    expect(data.series[1].points.map((p) => p.engagements)).toEqual([5, 0, 0]);
    expect(data.max).toBe(20);
  });

  it('has no days and no series without published posts', () => {
    expect(engagementSeries([])).toEqual({ days: [], series: [], max: 0 });
    expect(engagementSeries([post({ status: 'failed' }), post({ publishedAt: undefined })])).toEqual({ days: [], series: [], max: 0 });
  });

  it('keeps a single day as one point', () => {
    const data = engagementSeries([post({ engagements: 4 })]);
    expect(data.days).toEqual(['2026-11-24']);
    expect(data.series).toHaveLength(1);
    expect(data.series[0].points).toEqual([{ date: '2026-11-24', engagements: 4, posts: 1 }]);
  });

  it('uses only the days with posts when the span is too long for a readable chart', () => {
    const data = engagementSeries([post({ publishedAt: '2026-01-01T10:00:00Z' }), post({ publishedAt: '2026-12-31T10:00:00Z' })]);
    expect(dayRange('2026-01-01', '2026-12-31').length).toBeGreaterThan(MAX_CHART_DAYS);
    expect(data.days).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('summarises the chart in words', () => {
    const data = engagementSeries([
      post({ platform: 'x', publishedAt: '2026-11-24T10:00:00Z', engagements: 1200 }),
      post({ platform: 'x', publishedAt: '2026-11-25T10:00:00Z', engagements: 300 }),
      post({ platform: 'mastodon', publishedAt: '2026-11-25T10:00:00Z', engagements: 0 }),
    ]);
    expect(chartSummary(data)).toBe('Engagements per day by platform from 24 Nov to 25 Nov: X 1,500 in total, peak 1,200 on 24 Nov; Mastodon no engagements.');
    expect(chartSummary(engagementSeries([]))).toMatch(/no published posts yet/);
    expect(chartSummary(engagementSeries([post({ engagements: 3 })]))).toBe('Engagements per day by platform on 24 Nov: X 3 in total, peak 3 on 24 Nov.');
  });
});

describe('chart scales', () => {
  it('rounds the axis up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(18)).toBe(20);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(37)).toBe(50);
    expect(niceCeiling(1234)).toBe(2000);
    expect(axisTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(axisTicks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(axisTicks(500)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(2)).toEqual([0, 1, 2]);
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    // Every tick of a nice ceiling is a whole number from 10 up.
    for (const max of [7, 13, 18, 21, 37, 64, 99, 140, 333, 1234]) expect(axisTicks(niceCeiling(max)).every(Number.isInteger)).toBe(true);
  });

  it('places a single point in the middle and values from the bottom up', () => {
    expect(xPosition(0, 1, 40, 700)).toBe(370);
    expect(xPosition(0, 3, 40, 700)).toBe(40);
    expect(xPosition(2, 3, 40, 700)).toBe(700);
    expect(yPosition(0, 20, 220, 20)).toBe(220);
    expect(yPosition(20, 20, 220, 20)).toBe(20);
    expect(yPosition(10, 20, 220, 20)).toBe(120);
    expect(yPosition(-5, 20, 220, 20)).toBe(220);
  });

  it('labels at most a few days, always the first and the last', () => {
    expect(labelIndexes(0)).toEqual([]);
    expect(labelIndexes(1)).toEqual([0]);
    expect(labelIndexes(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(8)).toEqual([0, 2, 4, 7]);
    const many = labelIndexes(30);
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[0]).toBe(0);
    expect(many[many.length - 1]).toBe(29);
    expect([...many].sort((a, b) => a - b)).toEqual(many);
  });
});

describe('top and bottom posts', () => {
  it('ranks by engagement rate when every measured post has one, best first and worst first', () => {
    const rates = [0.01, 0.05, 0.03, 0.08, 0.02, 0.04, 0.07, 0.06, 0.09, 0.005, 0.1, 0.015];
    const posts = rates.map((engagementRate) => post({ engagementRate, engagements: Math.round(engagementRate * 1000) }));
    const ranked = rankPosts(posts);
    expect(ranked.basis).toBe('engagementRate');
    expect(ranked.ranked).toBe(12);
    expect(ranked.top.map((p) => p.engagementRate)).toEqual([0.1, 0.09, 0.08, 0.07, 0.06]);
    expect(ranked.bottom.map((p) => p.engagementRate)).toEqual([0.005, 0.01, 0.015, 0.02, 0.03]);
  });

  it('falls back to engagements when a post has no rate (no impressions reported)', () => {
    const ranked = rankPosts([
      post({ platform: 'x', engagementRate: 0.5, engagements: 2 }),
      post({ platform: 'bluesky', engagements: 40 }),
      post({ platform: 'x', engagementRate: 0.01, engagements: 10 }),
    ]);
    expect(ranked.basis).toBe('engagements');
    expect(ranked.top.map((p) => p.engagements)).toEqual([40, 10]);
    expect(ranked.bottom.map((p) => p.engagements)).toEqual([2]);
  });

  it('leaves out failed and never-measured posts and never shows a post in both lists', () => {
    const posts = [post({ engagements: 3 }), post({ engagements: 9 }), post({ status: 'failed', engagements: 100 }), post({ measuredAt: undefined, engagements: 0 })];
    const ranked = rankPosts(posts);
    expect(ranked.ranked).toBe(2);
    expect(ranked.top.map((p) => p.engagements)).toEqual([9]);
    expect(ranked.bottom.map((p) => p.engagements)).toEqual([3]);
    const single = rankPosts([post()]);
    expect(single.top).toHaveLength(1);
    expect(single.bottom).toHaveLength(0);
    expect(rankPosts([])).toEqual({ basis: 'engagements', top: [], bottom: [], ranked: 0 });
  });

  it('breaks ties by engagements, then keeps the API order', () => {
    const a = post({ engagementRate: 0.05, engagements: 5 });
    const b = post({ engagementRate: 0.05, engagements: 50 });
    const c = post({ engagementRate: 0.05, engagements: 50 });
    expect(rankPosts([a, b, c], 5).top.map((p) => p.postId)).toEqual([b.postId, c.postId]);
  });
});

describe('hour-of-week heatmap', () => {
  const slots: SlotEstimate[] = Array.from({ length: 168 }, (_, i) => ({ mean: 1 + i / 1000, sd: 0.2, confidence: (i % 100) / 100 }));
  const best: RecommendedSlot[] = [
    { weekday: 1, hour: 9, expectedLift: 0.23, confidence: 0.71 },
    { weekday: 6, hour: 23, expectedLift: 0.1, confidence: 0.4 },
  ];

  it('lays the 168 estimates out as 7 rows from Monday of 24 hours (index = weekday × 24 + hour)', () => {
    const rows = heatmapRows(slots, best);
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.length === 24)).toBe(true);
    expect(rows[1][9]).toMatchObject({ weekday: 1, hour: 9, mean: slots[33].mean, confidence: slots[33].confidence, recommended: 1 });
    expect(rows[6][23].recommended).toBe(2);
    expect(rows[0][0].recommended).toBeUndefined();
    expect(rows.flat().filter((cell) => cell.recommended)).toHaveLength(2);
  });

  it('names every cell with its weekday, hour, estimate and confidence', () => {
    expect(slotName(0, 0)).toBe('Mon 00:00');
    expect(slotName(6, 23)).toBe('Sun 23:00');
    expect(cellLabel({ weekday: 1, hour: 9, mean: 1.18, confidence: 0.64 })).toBe('Tue 09:00 — 1.18× average, confidence 64%');
    expect(cellLabel({ weekday: 1, hour: 9, mean: 1.18, confidence: 0.64, recommended: 1 })).toBe('Tue 09:00 — 1.18× average, confidence 64%, recommended #1');
    expect(heatmapRows([], [])[2][5].label).toBe('Wed 05:00 — no estimate');
  });

  it('colours on a log scale: average in the middle (near white), below orange, above purple, clamped', () => {
    expect(heatPosition(1)).toBeCloseTo(0.5);
    expect(heatPosition(0.5)).toBe(0);
    expect(heatPosition(2)).toBe(1);
    expect(heatPosition(0.1)).toBe(0);
    expect(heatPosition(10)).toBe(1);
    expect(heatPosition(0)).toBe(0);
    expect(heatPosition(Math.SQRT2)).toBeCloseTo(0.75);
    expect(heatColor(1)).toBe('rgb(247, 247, 247)');
    expect(heatColor(0.5)).toBe('rgb(179, 88, 6)');
    expect(heatColor(2)).toBe('rgb(84, 39, 136)');
    expect(heatColor(5)).toBe(heatColor(2));
    const [r, , b] = heatColor(1.5).match(/\d+/g)!.map(Number);
    expect(b).toBeGreaterThan(r);
  });

  it('draws low-confidence estimates faint but visible', () => {
    expect(heatOpacity(1)).toBe(1);
    expect(heatOpacity(0)).toBe(0.25);
    expect(heatOpacity(0.5)).toBe(0.63);
    expect(heatOpacity(undefined)).toBe(0.25);
    expect(heatOpacity(3)).toBe(1);
  });
});

describe('numbers and dates for people', () => {
  it('formats counts, percentages, lifts and instants', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(undefined)).toBe('—');
    expect(formatPercent(0.0418, 1)).toBe('4.2%');
    expect(formatPercent(0.64)).toBe('64%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatLift(0.23)).toBe('+23%');
    expect(formatLift(-0.08)).toBe('−8%');
    expect(formatLift(0.001)).toBe('±0%');
    expect(formatDateTime('2026-11-24T09:05:00Z')).toBe('24 Nov 2026, 09:05 UTC');
    expect(formatDateTime(undefined)).toBe('—');
  });
});
