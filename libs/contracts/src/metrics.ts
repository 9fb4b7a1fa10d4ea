/**
 * The common metric model every platform's insights are mapped to (see docs/architecture.md, "Metrics").
 * A metric the platform does not report is absent, never 0: Bluesky and Mastodon have no impressions,
 * Instagram returns no data rather than zeros, Facebook omits `shares` at 0.
 */
export const METRIC_NAMES = ['impressions', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'video_views'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** One reading of a post's lifetime metrics. */
export type PostMetrics = Partial<Record<MetricName, number>>;

/** The interactions that count as engagement. */
export const ENGAGEMENT_METRICS: readonly MetricName[] = ['likes', 'comments', 'shares', 'saves', 'clicks'];

export function engagements(metrics: PostMetrics): number {
  return ENGAGEMENT_METRICS.reduce((sum, name) => sum + (metrics[name] ?? 0), 0);
}

/**
 * Engagements per impression (or per reached account where the platform reports no impressions);
 * undefined where the platform reports neither (Bluesky, Mastodon) or nothing was seen yet.
 */
export function engagementRate(metrics: PostMetrics): number | undefined {
  const seen = metrics.impressions ?? metrics.reach;
  if (seen === undefined || seen <= 0) return undefined;
  return engagements(metrics) / seen;
}

/** Keeps only known metric names with finite, non-negative values. */
export function cleanMetrics(raw: Record<string, unknown>): PostMetrics {
  const out: PostMetrics = {};
  for (const name of METRIC_NAMES) {
    const value = raw[name];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[name] = value;
  }
  return out;
}

/** What kind of media a post carried, as the optimizer compares them. */
export const MEDIA_TYPES = ['text', 'link', 'image', 'carousel', 'video'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
