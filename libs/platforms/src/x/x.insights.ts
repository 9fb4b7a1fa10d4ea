import { cleanMetrics, type MediaType, type PostMetrics } from '@app/contracts';
import { parseInstant } from '../http/reset-signals';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';
import { xPostUrl, xRequest } from './x.client';

export interface XInsightsOptions {
  webUrl: string;
  /** Name of the post-fields query parameter (`tweet.fields` in the docs, `post.fields` in spec 2.167). */
  postFieldsParam: string;
}

interface XTweet {
  id: string;
  text?: string;
  created_at?: string;
  attachments?: { media_keys?: string[] };
  entities?: { urls?: Array<{ url?: string; media_key?: string; expanded_url?: string }> };
  referenced_tweets?: Array<{ type?: string; id?: string }>;
  public_metrics?: Record<string, number | undefined>;
  non_public_metrics?: Record<string, number | undefined>;
}

interface XMedia {
  media_key: string;
  type?: string;
  public_metrics?: { view_count?: number };
}

interface XBody {
  data?: XTweet[];
  includes?: { media?: XMedia[] };
  meta?: { next_token?: string };
}

/** `GET /2/tweets?ids=` takes at most 100 ids; a timeline page holds 5 to 100 posts. */
const LOOKUP_MAX = 100;
const PAGE_MIN = 5;
const PAGE_MAX = 100;
/**
 * Owner-only metrics (`non_public_metrics`: clicks) exist only for posts younger than 30 days; asking for
 * older ones earns partial errors (and on timelines, empty pages). The margin keeps clear of the edge.
 */
const PRIVATE_WINDOW_MS = 30 * 86_400_000 - 3_600_000;
const X_EPOCH_MS = 1_288_834_974_657n;
/** X refuses a `start_time` before this day. */
const EARLIEST_START = Date.parse('2010-11-06T00:00:00Z');
const PUBLIC_FIELDS = ['created_at', 'public_metrics', 'attachments', 'entities', 'referenced_tweets'];
const MEDIA_QUERY = { expansions: 'attachments.media_keys', 'media.fields': 'type,public_metrics' };

/**
 * Reads X post metrics (§2.5, §2.7): batched lookups of up to 100 ids, and the account's timeline without
 * replies and reposts, paged with `next_token`. Public counts come with every read; clicks are owner-only and
 * asked for only on posts inside X's 30-day window (told apart by the creation time in the snowflake id).
 */
export class XInsights implements InsightsApi {
  constructor(private readonly options: XInsightsOptions) {}

  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const result = new Map<string, PostMetrics>();
    // A malformed id names no post X could have; asking for it would fail the whole batch with a 400.
    const ids = [...new Set(platformPostIds)].filter((id) => /^\d{1,19}$/.test(id));
    const young = ids.filter((id) => isYoung(id));
    const old = ids.filter((id) => !isYoung(id));
    for (const [group, withPrivate] of [[young, true], [old, false]] as const) {
      for (let start = 0; start < group.length; start += LOOKUP_MAX) {
        const batch = group.slice(start, start + LOOKUP_MAX);
        const response = await xRequest(call, { method: 'GET', url: '/2/tweets', query: { ids: batch.join(','), ...this.fieldsQuery(withPrivate) } }, 'read post metrics');
        // Deleted posts come back as partial `errors` (resource-not-found), as do owner-only fields X will not
        // give: both simply leave the post or the metric out.
        const body = (response.body ?? {}) as XBody;
        const media = mediaByKey(body);
        for (const tweet of body.data ?? []) result.set(tweet.id, xMetrics(tweet, media));
      }
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const since = new Date(Math.max(query.since.getTime(), EARLIEST_START));
    const response = await xRequest(
      call,
      {
        method: 'GET',
        url: `/2/users/${encodeURIComponent(call.credentials.accountId)}/tweets`,
        query: {
          ...this.fieldsQuery(false),
          exclude: 'replies,retweets',
          start_time: since.toISOString(),
          max_results: Math.min(PAGE_MAX, Math.max(PAGE_MIN, query.limit ?? PAGE_MAX)),
          pagination_token: query.cursor,
        },
      },
      "read the account's posts",
    );
    const body = (response.body ?? {}) as XBody;
    const media = mediaByKey(body);
    const own = (body.data ?? []).filter((t) => !t.referenced_tweets?.some((r) => r.type === 'replied_to' || r.type === 'retweeted'));
    const inWindow = own.filter((t) => publishedAt(t).getTime() >= since.getTime());
    const clicks = await this.metrics(call, inWindow.filter((t) => isYoung(t.id)).map((t) => t.id));
    const posts = inWindow.map((tweet): HistoricalPost => ({
      platformPostId: tweet.id,
      text: textOf(tweet),
      publishedAt: publishedAt(tweet),
      url: xPostUrl(this.options.webUrl, call.credentials.accountName, tweet.id),
      mediaType: mediaTypeOf(tweet, media),
      metrics: { ...xMetrics(tweet, media), ...clicks.get(tweet.id) },
    }));
    const reachedOlder = inWindow.length < own.length;
    const next = body.meta?.next_token;
    return { posts, ...(next && !reachedOlder ? { nextCursor: next } : {}) };
  }

  private fieldsQuery(withPrivate: boolean): Record<string, string> {
    return { [this.options.postFieldsParam]: [...PUBLIC_FIELDS, ...(withPrivate ? ['non_public_metrics'] : [])].join(','), ...MEDIA_QUERY };
  }
}

/**
 * X's counts in the common model (§9.1). `quote_count` is folded into `shares` with `retweet_count`: a quote
 * is a repost with a comment, and the model has no separate quotes metric. `url_link_clicks` only comes with
 * owner-only metrics, `view_count` only for a video or GIF; X reports no reach.
 */
export function xMetrics(tweet: XTweet, media: Map<string, XMedia>): PostMetrics {
  const open = tweet.public_metrics ?? {};
  const owner = tweet.non_public_metrics ?? {};
  const views = (tweet.attachments?.media_keys ?? []).map((key) => media.get(key)?.public_metrics?.view_count);
  return cleanMetrics({
    impressions: open.impression_count ?? owner.impression_count,
    likes: open.like_count,
    comments: open.reply_count,
    shares: sumDefined(open.retweet_count, open.quote_count),
    saves: open.bookmark_count,
    clicks: owner.url_link_clicks,
    video_views: sumDefined(...views),
  });
}

/** Video or GIF → video; several photos → carousel; one → image; a link that is not the media's own → link. */
function mediaTypeOf(tweet: XTweet, media: Map<string, XMedia>): MediaType {
  const types = (tweet.attachments?.media_keys ?? []).map((key) => media.get(key)?.type ?? typeFromKey(key));
  if (types.some((t) => t === 'video' || t === 'animated_gif')) return 'video';
  if (types.length > 1) return 'carousel';
  if (types.length === 1) return 'image';
  return tweet.entities?.urls?.some((u) => !u.media_key) ? 'link' : 'text';
}

/** The post's text without the t.co link X appends for its media. */
function textOf(tweet: XTweet): string {
  const mediaLinks = (tweet.entities?.urls ?? []).filter((u) => u.media_key && u.url).map((u) => u.url!);
  return mediaLinks.reduce((text, link) => text.split(link).join(''), tweet.text ?? '').trim();
}

/** Media keys start with the kind: `3_` photo, `7_` video, `16_` GIF. */
function typeFromKey(key: string): string {
  return key.startsWith('7_') ? 'video' : key.startsWith('16_') ? 'animated_gif' : 'photo';
}

function mediaByKey(body: XBody): Map<string, XMedia> {
  return new Map((body.includes?.media ?? []).map((m) => [m.media_key, m]));
}

/** When X made the post: `created_at` (ISO, or the legacy `Wed Jan 06 18:40:40 +0000 2021`), else the snowflake's clock. */
function publishedAt(tweet: XTweet): Date {
  const parsed = parseInstant(tweet.created_at);
  if (parsed) return parsed;
  const legacy = tweet.created_at ? Date.parse(tweet.created_at) : NaN;
  return Number.isNaN(legacy) ? snowflakeTime(tweet.id) : new Date(legacy);
}

function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + X_EPOCH_MS));
}

function isYoung(id: string, now = Date.now()): boolean {
  return now - snowflakeTime(id).getTime() < PRIVATE_WINDOW_MS;
}

/** The sum of the values X sent, or undefined when it sent none (absent, not 0). */
function sumDefined(...values: Array<number | undefined>): number | undefined {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length ? present.reduce((a, b) => a + b, 0) : undefined;
}
