import type { MediaType, MetricName, PostMetrics } from '@app/contracts';
import { parseInstant } from '../http/reset-signals';
import type { GraphList, MetaGraph } from '../meta/meta.graph';
import { graphHistoryPage, pageSize } from '../meta/meta.history';
import { insightNumbers, mapMetrics, numberOf, type GraphInsight } from '../meta/meta.insights';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';
import { facebookPostUrl } from './facebook.reconcile';

/** Cheap engagement counts of a post (§3.5); `shares` is absent when it is 0. */
const COUNT_FIELDS = 'shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)';
const HISTORY_FIELDS = `id,message,created_time,permalink_url,status_type,parent_id,attachments{media_type,type},${COUNT_FIELDS}`;

/**
 * Post insights asked for (§3.5, §9.1): the current names only. `post_impressions*` are deprecated and the
 * Graph refuses the whole call (code 100) if one is asked for.
 */
export const FACEBOOK_POST_METRICS: Readonly<Record<string, MetricName>> = {
  post_media_view: 'impressions',
  post_total_media_view_unique: 'reach',
  post_clicks: 'clicks',
};

const DEFAULT_PAGE = 25;
/** `limit` above 100 is an error on the feed edges (§3.7). */
const MAX_PAGE = 100;

interface PostCounts {
  id: string;
  shares?: { count?: number };
  reactions?: { summary?: { total_count?: number } };
  comments?: { summary?: { total_count?: number } };
}

interface PagePost extends PostCounts {
  message?: string;
  created_time?: string;
  permalink_url?: string;
  status_type?: string;
  parent_id?: string;
  attachments?: { data?: Array<{ media_type?: string; type?: string }> };
}

/**
 * Facebook Page post metrics and history (§3.5, §3.7). Counts come from the post's summary fields, views,
 * reach and clicks from `/{post-id}/insights`, one post at a time (the Graph has no batch for insights).
 */
export class FacebookInsights implements InsightsApi {
  constructor(private readonly graph: MetaGraph) {}

  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const result = new Map<string, PostMetrics>();
    for (const id of new Set(platformPostIds)) {
      const counts = await this.graph.getIfExists<PostCounts>(call.http, call.credentials.accessToken, `/${id}`, { fields: COUNT_FIELDS }, 'read the post’s metrics');
      const views = counts && (await this.views(call, id));
      if (counts && views) result.set(id, { ...countsOf(counts), ...views });
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const page = await graphHistoryPage<PagePost>(this.graph, call, query, {
      path: `/${call.credentials.accountId}/published_posts`,
      // `since` is not documented on published_posts (§3.7): sent to narrow the list where it works, and
      // every item is still checked against it.
      firstQuery: { fields: HISTORY_FIELDS, limit: pageSize(query.limit, DEFAULT_PAGE, MAX_PAGE), since: Math.floor(query.since.getTime() / 1000) },
      timeOf: (post) => parseInstant(post.created_time),
      what: 'read the Page’s posts',
    });
    const posts: HistoricalPost[] = [];
    for (const { item, at } of page.items) {
      if (item.parent_id) continue; // a share of another post, not the Page's own
      // A post deleted since the list was read keeps the counts the list gave.
      const views = (await this.views(call, item.id)) ?? {};
      posts.push({
        platformPostId: item.id,
        text: item.message ?? '',
        publishedAt: at,
        url: item.permalink_url ?? facebookPostUrl(item.id),
        mediaType: facebookMediaType(item),
        rawType: item.status_type,
        metrics: { ...countsOf(item), ...views },
      });
    }
    return { posts, nextCursor: page.nextCursor };
  }

  /** Views, reach and clicks; undefined when the post no longer exists. */
  private async views(call: CallContext, postId: string): Promise<PostMetrics | undefined> {
    const answer = await this.graph.getIfExists<GraphList<GraphInsight>>(
      call.http,
      call.credentials.accessToken,
      `/${postId}/insights`,
      { metric: Object.keys(FACEBOOK_POST_METRICS).join(',') },
      'read the post’s insights',
    );
    return answer && mapMetrics(insightNumbers(answer), FACEBOOK_POST_METRICS);
  }
}

/** Likes are all reactions; `shares` absent means none were reported, so it stays absent (never 0). */
function countsOf(post: PostCounts): PostMetrics {
  const metrics: PostMetrics = {};
  const likes = numberOf(post.reactions?.summary?.total_count);
  const comments = numberOf(post.comments?.summary?.total_count);
  const shares = numberOf(post.shares?.count);
  if (likes !== undefined) metrics.likes = likes;
  if (comments !== undefined) metrics.comments = comments;
  if (shares !== undefined) metrics.shares = shares;
  return metrics;
}

/** From the first attachment's `media_type` (an `album` is several photos), else the post's `status_type`. */
export function facebookMediaType(post: Pick<PagePost, 'attachments' | 'status_type'>): MediaType {
  switch (post.attachments?.data?.[0]?.media_type) {
    case 'album':
      return 'carousel';
    case 'photo':
      return 'image';
    case 'video':
      return 'video';
    case 'link':
      return 'link';
  }
  switch (post.status_type) {
    case 'added_photos':
      return 'image';
    case 'added_video':
      return 'video';
    case 'shared_story':
      return 'link';
    default:
      return 'text';
  }
}
