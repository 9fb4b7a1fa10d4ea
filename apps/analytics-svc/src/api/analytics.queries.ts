import { engagementRate, engagements } from '@app/contracts';
import type { CampaignAnalyticsView, MetricReading, Platform, PostAnalyticsSummary, PostAnalyticsView, PostMetrics } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { totalsOf } from './totals';

interface PostRow {
  id: string;
  campaign_id: string | null;
  platform: Platform;
  platform_post_id: string | null;
  published_at: Date | null;
  status: 'published' | 'failed';
  metrics: PostMetrics;
  measured_at: Date | null;
}

interface ReadingRow {
  post_id: string;
  metric_type: keyof PostMetrics;
  metric_value: number;
  metric_date: Date;
}

const MAX_DAYS = 120;
const DAY_MS = 86_400_000;

/** Reads behind `/internal/analytics`: a campaign's totals, per platform, per post and over time; one post's series. */
@Injectable()
export class AnalyticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async campaign(campaignId: string): Promise<CampaignAnalyticsView> {
    const posts: PostRow[] = await this.dataSource.query(
      `SELECT "id", "campaign_id", "platform", "platform_post_id", "published_at", "status", "metrics", "measured_at"
         FROM "analytics"."posts" WHERE "campaign_id" = $1 ORDER BY "published_at" NULLS LAST, "id"`,
      [campaignId],
    );
    const published = posts.filter((p) => p.status === 'published');
    const platforms = [...new Set(published.map((p) => p.platform))].sort();
    return {
      campaignId,
      totals: totalsOf(published.map((p) => p.metrics)),
      platforms: platforms.map((platform) => ({ platform, ...totalsOf(published.filter((p) => p.platform === platform).map((p) => p.metrics)) })),
      posts: posts.map(summary),
      overTime: await this.overTime(campaignId, published),
    };
  }

  async post(postId: string): Promise<PostAnalyticsView | null> {
    const [row]: PostRow[] = await this.dataSource.query(
      `SELECT "id", "campaign_id", "platform", "platform_post_id", "published_at", "status", "metrics", "measured_at" FROM "analytics"."posts" WHERE "id" = $1`,
      [postId],
    );
    if (!row) return null;
    const readings: ReadingRow[] = await this.dataSource.query(
      `SELECT "post_id", "metric_type", "metric_value", "metric_date" FROM "analytics"."analytics" WHERE "post_id" = $1 ORDER BY "metric_date"`,
      [postId],
    );
    const [job] = await this.dataSource.query(`SELECT "due_at" FROM "analytics"."collection_jobs" WHERE "post_id" = $1 AND "status" = 'active'`, [postId]);
    return { ...summary(row), campaignId: row.campaign_id ?? '', series: series(readings, row.published_at), nextCollectionAt: job ? new Date(job.due_at).toISOString() : undefined };
  }

  /** Per UTC day, each post's latest reading taken by the end of that day, summed: how the campaign grew. */
  private async overTime(campaignId: string, published: PostRow[]): Promise<CampaignAnalyticsView['overTime']> {
    const readings: ReadingRow[] = await this.dataSource.query(
      `SELECT "post_id", "metric_type", "metric_value", "metric_date" FROM "analytics"."analytics" WHERE "campaign_id" = $1 ORDER BY "metric_date"`,
      [campaignId],
    );
    if (readings.length === 0 || published.length === 0) return [];
    const firstDay = Math.floor(new Date(readings[0].metric_date).getTime() / DAY_MS);
    const lastDay = Math.min(Math.floor(new Date(readings[readings.length - 1].metric_date).getTime() / DAY_MS), firstDay + MAX_DAYS - 1);
    const latest = new Map<string, PostMetrics>();
    const out: CampaignAnalyticsView['overTime'] = [];
    let i = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const end = (day + 1) * DAY_MS;
      for (; i < readings.length && new Date(readings[i].metric_date).getTime() < end; i++) {
        const r = readings[i];
        latest.set(r.post_id, { ...latest.get(r.post_id), [r.metric_type]: Number(r.metric_value) });
      }
      out.push({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), ...totalsOf([...latest.values()]) });
    }
    return out;
  }
}

function summary(row: PostRow): PostAnalyticsSummary {
  const metrics = row.metrics ?? {};
  return {
    postId: row.id,
    platform: row.platform,
    platformPostId: row.platform_post_id ?? undefined,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : undefined,
    status: row.status,
    metrics,
    engagements: engagements(metrics),
    engagementRate: engagementRate(metrics),
    measuredAt: row.measured_at ? new Date(row.measured_at).toISOString() : undefined,
  };
}

/** Readings grouped by the instant they were taken. */
export function series(readings: ReadingRow[], publishedAt: Date | null): MetricReading[] {
  const byTime = new Map<number, PostMetrics>();
  for (const r of readings) {
    const at = new Date(r.metric_date).getTime();
    byTime.set(at, { ...byTime.get(at), [r.metric_type]: Number(r.metric_value) });
  }
  const published = publishedAt ? new Date(publishedAt).getTime() : undefined;
  return [...byTime.entries()].map(([at, metrics]) => ({
    at: new Date(at).toISOString(),
    ageHours: published === undefined ? 0 : Math.round(((at - published) / 3_600_000) * 100) / 100,
    metrics,
    engagementRate: engagementRate(metrics),
  }));
}
