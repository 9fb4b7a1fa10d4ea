import { METRIC_NAMES, engagements } from '@app/contracts';
import type { MetricTotals, PostMetrics } from '@app/contracts';

/**
 * Sums posts' latest metrics. A metric no post reports stays absent. The engagement rate is computed over
 * the posts that report impressions (or reach) only, so platforms without them don't dilute it.
 */
export function totalsOf(posts: PostMetrics[]): MetricTotals {
  const totals: MetricTotals = { posts: posts.length, engagements: 0 };
  let seen = 0;
  let engagedWhereSeen = 0;
  for (const metrics of posts) {
    for (const name of METRIC_NAMES) if (metrics[name] !== undefined) totals[name] = (totals[name] ?? 0) + metrics[name]!;
    const e = engagements(metrics);
    totals.engagements += e;
    const exposure = metrics.impressions ?? metrics.reach;
    if (exposure !== undefined && exposure > 0) {
      seen += exposure;
      engagedWhereSeen += e;
    }
  }
  if (seen > 0) totals.engagementRate = engagedWhereSeen / seen;
  return totals;
}
