/**
 * Pure data shaping for the Analytics page: per-platform daily series for the engagement chart, the top and
 * bottom posts, the hour-of-week heatmap with its colour scale, and the words used for them. No React, no
 * server code: unit-tested on its own (analytics-data.spec.ts).
 */
import { PLATFORM_NAMES, PLATFORM_ORDER } from '../api/types';
import type { Platform, PostAnalyticsSummary, RecommendedSlot, SlotEstimate } from '../api/types';

// ───────────────────────── days ─────────────────────────

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day (`YYYY-MM-DD`) of an ISO instant; undefined when it is not one. */
export function utcDay(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

/** Every day from `first` to `last` (both `YYYY-MM-DD`, inclusive). Empty when `last` is before `first`. */
export function dayRange(first: string, last: string): string[] {
  if (!ISO_DAY.test(first) || !ISO_DAY.test(last)) return [];
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end; t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

// ───────────────────────── engagement over time ─────────────────────────

export interface SeriesPoint {
  date: string;
  engagements: number;
  /** Posts published that day on the platform. */
  posts: number;
}

export interface PlatformSeries {
  platform: Platform;
  /** One point per day of `EngagementSeries.days`, 0 on days without a post. */
  points: SeriesPoint[];
  total: number;
}

export interface EngagementSeries {
  /** The x axis: consecutive UTC days (only the days with posts when the span is longer than `MAX_CHART_DAYS`). */
  days: string[];
  series: PlatformSeries[];
  /** The largest daily value over all series (0 when there is none). */
  max: number;
}

/** A longer span is drawn with only the days that have posts, so the chart stays readable. */
export const MAX_CHART_DAYS = 120;

/** The posts that went out and count in totals (failed ones are listed by the API but count in none). */
export function publishedPosts(posts: readonly PostAnalyticsSummary[]): PostAnalyticsSummary[] {
  return posts.filter((post) => post.status === 'published' && utcDay(post.publishedAt) !== undefined);
}

/**
 * Engagements per platform per UTC day of publication: each published post's latest engagements count on the
 * day it went out. Platforms in the API's usual order; days without a post are 0 so the lines are continuous.
 */
export function engagementSeries(posts: readonly PostAnalyticsSummary[]): EngagementSeries {
  const byPlatform = new Map<Platform, Map<string, SeriesPoint>>();
  const seenDays = new Set<string>();
  for (const post of publishedPosts(posts)) {
    const date = utcDay(post.publishedAt) as string;
    seenDays.add(date);
    const days = byPlatform.get(post.platform) ?? new Map<string, SeriesPoint>();
    byPlatform.set(post.platform, days);
    const point = days.get(date) ?? { date, engagements: 0, posts: 0 };
    point.engagements += finite(post.engagements);
    point.posts += 1;
    days.set(date, point);
  }
  if (seenDays.size === 0) return { days: [], series: [], max: 0 };
  const sorted = [...seenDays].sort();
  const continuous = dayRange(sorted[0], sorted[sorted.length - 1]);
  const days = continuous.length <= MAX_CHART_DAYS ? continuous : sorted;
  const platforms = PLATFORM_ORDER.filter((platform) => byPlatform.has(platform));
  const series = platforms.map((platform) => {
    const perDay = byPlatform.get(platform) as Map<string, SeriesPoint>;
    const points = days.map((date) => perDay.get(date) ?? { date, engagements: 0, posts: 0 });
    return { platform, points, total: points.reduce((sum, p) => sum + p.engagements, 0) };
  });
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.engagements)));
  return { days, series, max };
}

/** One sentence for screen readers: the span, and each platform's total and best day. */
export function chartSummary(data: EngagementSeries): string {
  if (data.days.length === 0) return 'Engagements per day by platform: no published posts yet.';
  const span = data.days.length === 1 ? `on ${formatDay(data.days[0])}` : `from ${formatDay(data.days[0])} to ${formatDay(data.days[data.days.length - 1])}`;
  const parts = data.series.map((s) => {
    const peak = s.points.reduce((best, p) => (p.engagements > best.engagements ? p : best), s.points[0]);
    const name = PLATFORM_NAMES[s.platform];
    return s.total > 0 ? `${name} ${formatCount(s.total)} in total, peak ${formatCount(peak.engagements)} on ${formatDay(peak.date)}` : `${name} no engagements`;
  });
  return `Engagements per day by platform ${span}: ${parts.join('; ')}.`;
}

// ───────────────────────── chart scales ─────────────────────────

/** A round upper bound for an axis (1, 2, 2.5, 5 × 10ⁿ) at or above `max`; 1 for an empty axis. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Evenly spaced round tick values from 0 to `top` (a `niceCeiling`): steps of 1 up to 5, else 5 or 4
 * intervals as the leading digit divides best (10 → 0, 2, …, 10; 20 → 0, 5, …, 20; 25 → 0, 5, …, 25).
 */
export function axisTicks(top: number): number[] {
  let count: number;
  if (top <= 5 && Number.isInteger(top)) count = Math.max(1, top);
  else {
    const leading = top / 10 ** Math.floor(Math.log10(top));
    count = leading === 2 ? 4 : 5;
  }
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** The x of the `i`-th of `n` points between `left` and `right`; a single point sits in the middle. */
export function xPosition(i: number, n: number, left: number, right: number): number {
  return n <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1);
}

/** The y of `value` on an axis from 0 (at `bottom`) to `top` (at `topY`). */
export function yPosition(value: number, top: number, bottom: number, topY: number): number {
  return bottom - ((bottom - topY) * Math.min(Math.max(value, 0), top)) / (top || 1);
}

/** Indexes of the x labels to print: at most `max`, always the first and the last. */
export function labelIndexes(n: number, max = 7): number[] {
  if (n <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (max - 1));
  const indexes: number[] = [];
  for (let i = 0; i < n - 1; i += step) indexes.push(i);
  // The last label must not crowd the one before it.
  if (n - 1 - indexes[indexes.length - 1] <= step / 2) indexes.pop();
  indexes.push(n - 1);
  return indexes;
}

/** Colour-blind-safe line colours (Okabe–Ito) and dash patterns, so a series never relies on colour alone. */
export const PLATFORM_STYLES: Record<Platform, { color: string; dash: string }> = {
  x: { color: '#1f2937', dash: '' },
  instagram: { color: '#cc79a7', dash: '6 3' },
  facebook: { color: '#0072b2', dash: '2 3' },
  linkedin: { color: '#009e73', dash: '10 3 2 3' },
  bluesky: { color: '#56b4e9', dash: '4 4' },
  mastodon: { color: '#d55e00', dash: '1 2' },
};

// ───────────────────────── top and bottom posts ─────────────────────────

export type RankBasis = 'engagementRate' | 'engagements';

export interface RankedPosts {
  /** Engagement rate when every measured post has one; otherwise engagements (Bluesky and Mastodon report no impressions). */
  basis: RankBasis;
  /** Best first. */
  top: PostAnalyticsSummary[];
  /** Worst first; never a post that is also in `top`. */
  bottom: PostAnalyticsSummary[];
  /** Posts that could be ranked: published and measured at least once. */
  ranked: number;
}

/**
 * The `count` best and `count` worst published, measured posts. Rates and counts are not comparable, so all
 * posts are ranked by engagement rate when all have one, else by engagements. With fewer than 2 × `count`
 * posts the two lists split them (the better half on top) instead of repeating posts.
 */
export function rankPosts(posts: readonly PostAnalyticsSummary[], count = 5): RankedPosts {
  const measured = publishedPosts(posts).filter((post) => post.measuredAt !== undefined);
  const basis: RankBasis = measured.length > 0 && measured.every((post) => isFiniteNumber(post.engagementRate)) ? 'engagementRate' : 'engagements';
  const score = (post: PostAnalyticsSummary) => finite(basis === 'engagementRate' ? post.engagementRate : post.engagements);
  const ordered = measured
    .map((post, i) => ({ post, i }))
    .sort((a, b) => score(b.post) - score(a.post) || finite(b.post.engagements) - finite(a.post.engagements) || a.i - b.i)
    .map(({ post }) => post);
  const topCount = Math.min(count, Math.ceil(ordered.length / 2));
  const bottomCount = Math.min(count, ordered.length - topCount);
  return { basis, top: ordered.slice(0, topCount), bottom: ordered.slice(ordered.length - bottomCount).reverse(), ranked: ordered.length };
}

// ───────────────────────── hour-of-week heatmap ─────────────────────────

/** The API's weekday numbering: 0 = Monday (RecommendedSlotDto.weekday). */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Tue 09:00" (weekday 0 = Monday). */
export function slotName(weekday: number, hour: number): string {
  return `${WEEKDAYS[weekday] ?? '?'} ${pad2(hour)}:00`;
}

export interface HeatCell {
  weekday: number;
  hour: number;
  /** Relative engagement (1 = the account's average); undefined when the API sent no estimate for this hour. */
  mean?: number;
  confidence?: number;
  /** 1-based rank among the recommended slots, when it is one. */
  recommended?: number;
  /** "Tue 09:00 — 1.18× average, confidence 64%" (+ ", recommended #1"). */
  label: string;
}

/** 7 rows (Monday first) of 24 cells; `slots[weekday * 24 + hour]`. */
export function heatmapRows(slots: readonly SlotEstimate[], bestSlots: readonly RecommendedSlot[]): HeatCell[][] {
  const rank = new Map<number, number>();
  bestSlots.forEach((slot, i) => {
    const index = slot.weekday * 24 + slot.hour;
    if (!rank.has(index)) rank.set(index, i + 1);
  });
  return WEEKDAYS.map((_, weekday) =>
    Array.from({ length: 24 }, (__, hour) => {
      const estimate = slots[weekday * 24 + hour] as SlotEstimate | undefined;
      const recommended = rank.get(weekday * 24 + hour);
      const cell: Omit<HeatCell, 'label'> = { weekday, hour, mean: estimate?.mean, confidence: estimate?.confidence, recommended };
      return { ...cell, label: cellLabel(cell) };
    }),
  );
}

/** The text of one heatmap cell, for its title and for screen readers. */
export function cellLabel(cell: Omit<HeatCell, 'label'>): string {
  const base = slotName(cell.weekday, cell.hour);
  const estimate = isFiniteNumber(cell.mean) ? `${formatMultiplier(cell.mean)} average, confidence ${formatPercent(cell.confidence ?? 0)}` : 'no estimate';
  return `${base} — ${estimate}${cell.recommended ? `, recommended #${cell.recommended}` : ''}`;
}

/** "1.18×" */
export function formatMultiplier(mean: number): string {
  return `${mean.toFixed(2)}×`;
}

type Rgb = [number, number, number];

/** A diverging, colour-blind-safe scale (ColorBrewer PuOr): orange below average, near white at it, purple above. */
const HEAT_STOPS: Rgb[] = [
  [179, 88, 6],
  [241, 163, 64],
  [247, 247, 247],
  [153, 142, 195],
  [84, 39, 136],
];

/** The bounds of the colour scale, as multiples of the average: beyond them the colour stays at its end. */
export const HEAT_RANGE = { low: 0.5, high: 2 } as const;

/**
 * The position (0–1) of `mean` on the colour scale: logarithmic, so 0.5× and 2× sit symmetrically around
 * 1× (0.5) at 0 and 1.
 */
export function heatPosition(mean: number): number {
  if (!(mean > 0)) return 0;
  const t = (Math.log2(mean) - Math.log2(HEAT_RANGE.low)) / (Math.log2(HEAT_RANGE.high) - Math.log2(HEAT_RANGE.low));
  return Math.min(1, Math.max(0, t));
}

/** The cell colour for a relative engagement, as `rgb(r, g, b)`. */
export function heatColor(mean: number): string {
  const t = heatPosition(mean) * (HEAT_STOPS.length - 1);
  const i = Math.min(HEAT_STOPS.length - 2, Math.floor(t));
  const f = t - i;
  const [a, b] = [HEAT_STOPS[i], HEAT_STOPS[i + 1]];
  const channel = (k: number) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** The cell opacity for a confidence (0–1): an estimate that is mostly prior is drawn faint, never invisible. */
export function heatOpacity(confidence: number | undefined): number {
  const c = isFiniteNumber(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return Math.round((0.25 + 0.75 * c) * 100) / 100;
}

// ───────────────────────── words and numbers ─────────────────────────

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function finite(value: number | undefined): number {
  return isFiniteNumber(value) ? value : 0;
}

const COUNT = new Intl.NumberFormat('en-US');

/** "12,345"; "—" when there is no number. */
export function formatCount(value: number | undefined): string {
  return isFiniteNumber(value) ? COUNT.format(Math.round(value)) : '—';
}

/** A ratio as a percentage: 0.0418 → "4.2%" (digits = 1), 0.64 → "64%"; "—" when there is none. */
export function formatPercent(ratio: number | undefined, digits = 0): string {
  return isFiniteNumber(ratio) ? `${(ratio * 100).toFixed(digits)}%` : '—';
}

/** An expected lift (0.23 = 23% above average) as "+23%" / "−8%". */
export function formatLift(lift: number): string {
  const percent = Math.round(lift * 100);
  return percent > 0 ? `+${percent}%` : percent < 0 ? `−${Math.abs(percent)}%` : '±0%';
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });

/** "24 Nov" for `2026-11-24`. */
export function formatDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : DAY_FORMAT.format(time);
}

/** "24 Nov 2026, 09:30 UTC". */
export function formatDateTime(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(time) ? '—' : `${DATE_TIME_FORMAT.format(time)} UTC`;
}
