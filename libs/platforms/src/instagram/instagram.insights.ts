import type { MediaType, MetricName, PostMetrics } from '@app/contracts';
import { parseInstant } from '../http/reset-signals';
import type { GraphList, MetaGraph } from '../meta/meta.graph';
import { graphHistoryPage, pageSize } from '../meta/meta.history';
import { insightNumbers, mapMetrics, numberOf, type GraphInsight } from '../meta/meta.insights';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';

/**
 * Media insights asked for (§4.4, §9.1), current names only: `impressions`, `plays`, `clips_replays_count`,
 * `ig_reels_aggregated_all_plays_count` and `video_views` are deprecated and refused with code 100.
 * `total_interactions` has no place in the common model (engagement is computed from the parts).
 */
export const INSTAGRAM_MEDIA_METRICS: Readonly<Record<string, MetricName | null>> = {
  views: 'impressions',
  reach: 'reach',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saved: 'saves',
  total_interactions: null,
};
const MAPPED = Object.fromEntries(Object.entries(INSTAGRAM_MEDIA_METRICS).filter((e): e is [string, MetricName] => e[1] !== null));
const COUNT_FIELDS = 'like_count,comments_count';
const HISTORY_FIELDS = 'id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count';
const DEFAULT_PAGE = 25;
const MAX_PAGE = 100;

interface MediaCounts {
  like_count?: number;
  comments_count?: number;
}

interface IgMedia extends MediaCounts {
  id: string;
  caption?: string;
  media_type?: string;
  media_product_type?: string;
  permalink?: string;
  timestamp?: string;
}

/**
 * Instagram media metrics and history (§4.4, §4.6). Insights are read per media (no batch); an empty `data`
 * (nothing available yet, up to 48 h) leaves those metrics absent, and likes/comments then come from the
 * media's own `like_count` / `comments_count` (a direct read, which shows likes the owner hid from lists).
 */
export class InstagramInsights implements InsightsApi {
  constructor(private readonly graph: MetaGraph) {}

  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const result = new Map<string, PostMetrics>();
    for (const id of new Set(platformPostIds)) {
      const insights = await this.insightsOf(call, id);
      if (!insights) continue;
      const completed = await this.withCounts(call, id, insights, {});
      if (completed) result.set(id, completed);
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const page = await graphHistoryPage<IgMedia>(this.graph, call, query, {
      path: `/${call.credentials.accountId}/media`,
      firstQuery: { fields: HISTORY_FIELDS, limit: pageSize(query.limit, DEFAULT_PAGE, MAX_PAGE), since: Math.floor(query.since.getTime() / 1000) },
      timeOf: (media) => parseInstant(media.timestamp),
      what: 'read the account’s posts',
    });
    const posts: HistoricalPost[] = [];
    for (const { item, at } of page.items) {
      if (item.media_product_type === 'AD' || item.media_product_type === 'STORY') continue;
      // Media deleted since the list was read keeps the counts the list gave.
      const insights = (await this.insightsOf(call, item.id)) ?? {};
      const metrics = (await this.withCounts(call, item.id, insights, item)) ?? { ...countsOf(item), ...insights };
      posts.push({
        platformPostId: item.id,
        text: item.caption ?? '',
        publishedAt: at,
        url: item.permalink,
        mediaType: instagramMediaType(item),
        rawType: item.media_type,
        metrics,
      });
    }
    return { posts, nextCursor: page.nextCursor };
  }

  /** The mapped insights; undefined when the media no longer exists. */
  private async insightsOf(call: CallContext, mediaId: string): Promise<PostMetrics | undefined> {
    const answer = await this.graph.getIfExists<GraphList<GraphInsight>>(
      call.http,
      call.credentials.accessToken,
      `/${mediaId}/insights`,
      { metric: Object.keys(INSTAGRAM_MEDIA_METRICS).join(',') },
      'read the post’s insights',
    );
    return answer && mapMetrics(insightNumbers(answer), MAPPED);
  }

  /**
   * Fills likes and comments the insights did not give from counts already known (a list item), else from a
   * direct read of the media; undefined when that read finds the media gone.
   */
  private async withCounts(call: CallContext, mediaId: string, insights: PostMetrics, known: MediaCounts): Promise<PostMetrics | undefined> {
    const metrics: PostMetrics = { ...countsOf(known), ...insights };
    if (metrics.likes !== undefined && metrics.comments !== undefined) return metrics;
    const direct = await this.graph.getIfExists<MediaCounts>(call.http, call.credentials.accessToken, `/${mediaId}`, { fields: COUNT_FIELDS }, 'read the post’s counts');
    return direct && { ...countsOf(direct), ...metrics };
  }
}

function countsOf(media: MediaCounts): PostMetrics {
  const metrics: PostMetrics = {};
  const likes = numberOf(media.like_count);
  const comments = numberOf(media.comments_count);
  if (likes !== undefined) metrics.likes = likes;
  if (comments !== undefined) metrics.comments = comments;
  return metrics;
}

/** `IMAGE`, `VIDEO` (reels included) or `CAROUSEL_ALBUM` (§4.6). */
export function instagramMediaType(media: Pick<IgMedia, 'media_type' | 'media_product_type'>): MediaType {
  if (media.media_type === 'CAROUSEL_ALBUM') return 'carousel';
  if (media.media_type === 'VIDEO' || media.media_product_type === 'REELS') return 'video';
  return 'image';
}
