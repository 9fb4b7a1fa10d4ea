import type { PostAnalyticsSummary, PostView } from '@/api/types';

/** Headline numbers of one window (the last 7 or 30 days). */
export interface WindowTotals {
  days: number;
  published: number;
  failed: number;
  impressions: number;
  engagements: number;
  /** Engagements per impression, when any impressions were counted. */
  engagementRate: number | null;
}

const DAY_MS = 86_400_000;

/** When a post settled: published at, else its scheduled time (failed posts), else when it last changed. */
function settledAt(post: PostView): number {
  return new Date(post.publishedAt ?? post.scheduledTime ?? post.updatedAt).getTime();
}

/**
 * Totals of the last `days` days before `now`: posts published and failed, and the latest metrics of the
 * published ones (`metrics`, by post id, from the campaigns' analytics).
 */
export function windowTotals(days: number, now: Date, published: PostView[], failed: PostView[], metrics: Map<string, PostAnalyticsSummary>): WindowTotals {
  const since = now.getTime() - days * DAY_MS;
  const inWindow = (post: PostView) => settledAt(post) >= since && settledAt(post) <= now.getTime();
  const live = published.filter(inWindow);
  let impressions = 0;
  let engagements = 0;
  for (const post of live) {
    const m = metrics.get(post.id);
    impressions += m?.metrics.impressions ?? 0;
    engagements += m?.engagements ?? 0;
  }
  return { days, published: live.length, failed: failed.filter(inWindow).length, impressions, engagements, engagementRate: impressions > 0 ? engagements / impressions : null };
}

/** Posts due in [now, now + days), soonest first. */
export function upcoming(posts: PostView[], now: Date, days: number): PostView[] {
  const end = now.getTime() + days * DAY_MS;
  return posts
    .filter((p) => p.scheduledTime && new Date(p.scheduledTime).getTime() >= now.getTime() && new Date(p.scheduledTime).getTime() < end)
    .sort((a, b) => new Date(a.scheduledTime!).getTime() - new Date(b.scheduledTime!).getTime());
}

/** The most recently settled posts first. */
export function latestFirst(posts: PostView[], limit: number): PostView[] {
  return [...posts].sort((a, b) => settledAt(b) - settledAt(a)).slice(0, limit);
}
