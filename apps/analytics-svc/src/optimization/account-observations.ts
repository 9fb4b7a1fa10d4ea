import type { MediaType, PostMetrics } from '@app/contracts';
import { engagementRate, engagements } from '@app/contracts';
import { DataSource } from 'typeorm';

export interface ObservedPost {
  id: string;
  publishedAt: Date;
  text: string;
  hashtags: string[];
  mediaType: MediaType;
  format?: string;
  pillar?: string;
  metrics: PostMetrics;
}

export interface AccountObservations {
  basis: 'engagement_rate' | 'engagements';
  posts: Array<ObservedPost & { value: number }>;
}

/**
 * The account's settled posts (old enough that their counts stopped growing much) within the window, with
 * the value the optimizer learns from: engagement per impression where the platform reports impressions for
 * most posts, else the engagement count.
 */
export async function loadObservations(dataSource: DataSource, connectionId: string, options: { now: Date; matureAfterMs: number; windowMs: number }): Promise<AccountObservations> {
  const rows: Array<Record<string, unknown>> = await dataSource.query(
    `SELECT p."id", p."published_at", p."caption", p."hashtags", p."media_type", p."metrics", pl."content_type", pl."pillar", pl."has_visual"
       FROM "analytics"."posts" p LEFT JOIN "analytics"."post_plans" pl ON pl."post_id" = p."id"
      WHERE p."platform_connection_id" = $1 AND p."status" = 'published' AND p."measured_at" IS NOT NULL
        AND p."published_at" <= $2 AND p."published_at" >= $3`,
    [connectionId, new Date(options.now.getTime() - options.matureAfterMs), new Date(options.now.getTime() - options.windowMs)],
  );
  const posts: ObservedPost[] = rows.map((r) => ({
    id: r.id as string,
    publishedAt: new Date(r.published_at as string),
    text: (r.caption as string | null) ?? '',
    hashtags: (r.hashtags as string[] | null) ?? [],
    mediaType: (r.media_type as MediaType | null) ?? plannedMedia(r.content_type as string | null, r.has_visual as boolean | null),
    format: (r.content_type as string | null) ?? undefined,
    pillar: (r.pillar as string | null) ?? undefined,
    metrics: (r.metrics as PostMetrics) ?? {},
  }));
  const withRate = posts.filter((p) => engagementRate(p.metrics) !== undefined).length;
  const basis = withRate > 0 && withRate >= posts.length / 2 ? 'engagement_rate' : 'engagements';
  const valued = posts
    .map((p) => ({ ...p, value: basis === 'engagement_rate' ? engagementRate(p.metrics) : engagements(p.metrics) }))
    .filter((p): p is ObservedPost & { value: number } => p.value !== undefined);
  return { basis, posts: valued };
}

function plannedMedia(contentType: string | null, hasVisual: boolean | null): MediaType {
  if (contentType === 'carousel') return 'carousel';
  if (contentType === 'short_video_script') return 'video';
  return hasVisual ? 'image' : 'text';
}
