import { METRIC_NAMES, engagementRate, engagements } from '@app/contracts';
import type { PostMetrics } from '@app/contracts';
import { EntityManager } from 'typeorm';

/**
 * Stores one reading of a post: a row per metric in the seed's `analytics` time series, plus the latest
 * values (and engagement, engagement rate) on the post itself.
 */
export async function recordReading(manager: EntityManager, post: { id: string; campaignId: string | null }, metrics: PostMetrics, at: Date): Promise<void> {
  const names = METRIC_NAMES.filter((name) => metrics[name] !== undefined);
  if (names.length > 0) {
    await manager.query(
      `INSERT INTO "analytics"."analytics" ("campaign_id", "post_id", "metric_type", "metric_value", "metric_date")
       SELECT $1, $2, m.name, m.value, $3 FROM unnest($4::text[], $5::float8[]) AS m(name, value)`,
      [post.campaignId, post.id, at, names, names.map((name) => metrics[name])],
    );
  }
  await manager.query(
    `UPDATE "analytics"."posts" SET "metrics" = $2, "engagements" = $3, "engagement_rate" = $4, "measured_at" = $5 WHERE "id" = $1`,
    [post.id, JSON.stringify(metrics), engagements(metrics), engagementRate(metrics) ?? null, at],
  );
}
