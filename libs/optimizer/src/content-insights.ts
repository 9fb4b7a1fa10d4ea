import { CONTENT_FEATURES, type ContentFeature, type ContentInsight } from '@app/contracts';
import { mean, tQuantile, variance, weightedMedian } from './stats';

/**
 * Which content does better for this account. Each post's outcome is log(value / slotMean): its
 * engagement with the timing effect removed (slotMean from the hour-of-week model), so content that
 * happens to be posted at good hours does not masquerade as good content. For every feature value with
 * enough posts on both sides, posts with the value are compared with the other posts (for yes/no features,
 * only "yes" vs "no"): lift = exp(difference of mean logs) − 1, Cohen's d on the logs, and Welch's
 * interval for the difference. The intervals are simultaneous (Bonferroni over all comparisons made) so
 * that an account with twenty feature values and no real effect does not get a "finding" by chance one
 * time in twenty per value.
 */
export interface InsightRow {
  /** Engagement rate or count, as the slot model uses it. */
  value: number;
  features: Partial<Record<ContentFeature, string>>;
  /** The post's slot's posterior mean (1 = average hour); omitted: 1. */
  slotMean?: number;
}

export interface ContentInsightOptions {
  /** Minimum posts on each side of a comparison (default 5). */
  minGroup?: number;
  /** Maximum insights returned (default 12). */
  maxInsights?: number;
  /** Family-wise confidence level of the intervals (default 0.95). */
  level?: number;
}

const BINARY = new Set<ContentFeature>(['question', 'link']);

const MEDIA_SUBJECTS: Record<string, string> = {
  text: 'Text-only posts',
  link: 'Link posts',
  image: 'Posts with images',
  carousel: 'Carousel posts',
  video: 'Video posts',
};
const LENGTH_SUBJECTS: Record<string, string> = { short: 'Short posts', medium: 'Medium-length posts', long: 'Long posts' };

/** The subject of a finding's sentence, e.g. "Posts with images", and what the others are called. */
function subject(feature: ContentFeature, value: string): { who: string; others: string } {
  switch (feature) {
    case 'media':
      return { who: MEDIA_SUBJECTS[value] ?? `${value} posts`, others: value === 'image' ? 'posts without' : 'other posts' };
    case 'format':
      return { who: `Posts in ${value} format`, others: 'other formats' };
    case 'pillar':
      return { who: `Posts in the "${value}" pillar`, others: 'other pillars' };
    case 'length':
      return { who: LENGTH_SUBJECTS[value] ?? `${value} posts`, others: 'other lengths' };
    case 'hashtags':
      return value === '0' ? { who: 'Posts without hashtags', others: 'posts with' } : { who: `Posts with ${value} hashtags`, others: 'other hashtag counts' };
    case 'question':
      return { who: 'Posts that ask a question', others: 'posts that do not' };
    case 'link':
      return { who: 'Posts with a link', others: 'posts without' };
  }
}

function finding(feature: ContentFeature, value: string, lift: number, n: number, nOther: number, d: number, significant: boolean): string {
  const { who, others } = subject(feature, value);
  const pct = Math.round(Math.abs(lift) * 100);
  const direction = lift >= 0 ? 'more' : 'less';
  const evidence = `(n=${n} vs ${nOther}, d=${d.toFixed(2)})`;
  const sentence = `${who} got ${pct}% ${direction} engagement than ${others} ${evidence}`;
  return significant ? `${sentence}.` : `${sentence}, not yet a reliable difference.`;
}

interface Comparison {
  feature: ContentFeature;
  value: string;
  with: number[];
  without: number[];
}

/** Content findings for one account, most reliable and largest first. */
export function contentInsights(rows: readonly InsightRow[], options: ContentInsightOptions = {}): ContentInsight[] {
  const { minGroup = 5, maxInsights = 12, level = 0.95 } = options;
  const positive = rows.map((r) => r.value).filter((v) => v > 0);
  const offset = positive.length ? 0.05 * weightedMedian(positive, positive.map(() => 1)) : 1;
  const outcome = rows.map((r) => Math.log((r.value + offset) / Math.max(1e-6, r.slotMean ?? 1)));

  const comparisons: Comparison[] = [];
  for (const feature of CONTENT_FEATURES) {
    const values = [...new Set(rows.map((r) => r.features[feature]).filter((v): v is string => v !== undefined))].sort();
    if (values.length < 2) continue;
    for (const value of values) {
      if (BINARY.has(feature) && value !== 'yes') continue;
      const inGroup: number[] = [];
      const outGroup: number[] = [];
      rows.forEach((r, i) => {
        const v = r.features[feature];
        if (v === undefined) return;
        (v === value ? inGroup : outGroup).push(outcome[i]);
      });
      if (inGroup.length >= minGroup && outGroup.length >= minGroup) comparisons.push({ feature, value, with: inGroup, without: outGroup });
    }
  }

  const tail = 1 - (1 - level) / (2 * Math.max(1, comparisons.length));
  const insights = comparisons.map((c): ContentInsight & { score: number } => {
    const n = c.with.length;
    const nOther = c.without.length;
    const diff = mean(c.with) - mean(c.without);
    const va = variance(c.with);
    const vb = variance(c.without);
    const pooled = Math.sqrt(((n - 1) * va + (nOther - 1) * vb) / (n + nOther - 2));
    const effectSize = pooled > 0 ? diff / pooled : 0;
    const se = Math.sqrt(va / n + vb / nOther);
    const df = se > 0 ? se ** 4 / ((va / n) ** 2 / (n - 1) + (vb / nOther) ** 2 / (nOther - 1)) : n + nOther - 2;
    const half = se > 0 ? tQuantile(tail, Math.max(1, df)) * se : Infinity;
    const significant = Math.abs(diff) > half;
    const lift = Math.exp(diff) - 1;
    return {
      feature: c.feature,
      value: c.value,
      n,
      nOther,
      lift,
      effectSize,
      significant,
      finding: finding(c.feature, c.value, lift, n, nOther, effectSize, significant),
      score: Math.abs(effectSize),
    };
  });
  insights.sort((a, b) => Number(b.significant) - Number(a.significant) || b.score - a.score);
  return insights.slice(0, maxInsights).map(({ score: _score, ...insight }) => insight);
}
