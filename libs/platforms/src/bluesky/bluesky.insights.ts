import { cleanMetrics, type MediaType, type PostMetrics } from '@app/contracts';
import { parseInstant } from '../http/reset-signals';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';
import { BlueskyApi, blueskyPostUrl } from './bluesky.api';

/** `app.bsky.feed.defs#postView`, the parts read here (every count is optional in the lexicon). */
interface PostView {
  uri: string;
  author?: { did?: string; handle?: string };
  record?: { text?: string; createdAt?: string; reply?: unknown; facets?: Array<{ features?: Array<{ $type?: string }> }> };
  embed?: EmbedView;
  indexedAt?: string;
  likeCount?: number;
  replyCount?: number;
  repostCount?: number;
  quoteCount?: number;
  bookmarkCount?: number;
}

interface EmbedView {
  $type?: string;
  images?: unknown[];
  items?: unknown[];
  media?: EmbedView;
}

interface FeedItem {
  post: PostView;
  reply?: unknown;
  /** `reasonRepost` (the account reposted someone's post) or `reasonPin`. */
  reason?: { $type?: string; indexedAt?: string };
}

/** getPosts takes at most 25 uris; an author feed page at most 100 items. */
const GET_POSTS_MAX = 25;
const FEED_MAX = 100;
const POST_URI = /^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/;

/**
 * Reads Bluesky post counts (§7.5, §7.7) through the account's PDS: `app.bsky.feed.getPosts` in batches of 25
 * at-uris, and `app.bsky.feed.getAuthorFeed` (`posts_no_replies`) paged by `cursor`, leaving out reposts. The
 * AppView has no impressions or reach, so those are never in the result.
 */
export class BlueskyInsights implements InsightsApi {
  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const api = new BlueskyApi(call);
    const result = new Map<string, PostMetrics>();
    // An id that is not a post at-uri names nothing Bluesky could have; the AppView would refuse the whole batch.
    const uris = [...new Set(platformPostIds)].filter((uri) => POST_URI.test(uri));
    for (let start = 0; start < uris.length; start += GET_POSTS_MAX) {
      const params = new URLSearchParams();
      for (const uri of uris.slice(start, start + GET_POSTS_MAX)) params.append('uris', uri);
      const response = await api.queryParams('app.bsky.feed.getPosts', params, 'read post metrics');
      // Deleted posts are simply missing from `posts`.
      for (const post of ((response.body as { posts?: PostView[] } | undefined)?.posts ?? [])) result.set(post.uri, blueskyMetrics(post));
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const did = call.credentials.accountId;
    const response = await new BlueskyApi(call).query(
      'app.bsky.feed.getAuthorFeed',
      { actor: did, filter: 'posts_no_replies', limit: Math.min(FEED_MAX, Math.max(1, query.limit ?? FEED_MAX)), cursor: query.cursor },
      "read the account's posts",
    );
    const body = (response.body ?? {}) as { feed?: FeedItem[]; cursor?: string };
    const since = query.since.getTime();
    const posts: HistoricalPost[] = [];
    let reachedOlder = false;
    for (const item of body.feed ?? []) {
      if (sortTime(item) < since) reachedOlder = true;
      if (item.reason || item.post.author?.did !== did || item.reply || item.post.record?.reply) continue;
      const publishedAt = parseInstant(item.post.record?.createdAt) ?? parseInstant(item.post.indexedAt);
      if (!publishedAt || publishedAt.getTime() < since) continue;
      posts.push({
        platformPostId: item.post.uri,
        text: item.post.record?.text ?? '',
        publishedAt,
        url: blueskyPostUrl(item.post.author?.handle ?? did, item.post.uri),
        mediaType: mediaTypeOf(item.post),
        ...(item.post.embed?.$type ? { rawType: item.post.embed.$type.replace(/#view$/, '') } : {}),
        metrics: blueskyMetrics(item.post),
      });
    }
    return { posts, ...(body.cursor && !reachedOlder ? { nextCursor: body.cursor } : {}) };
  }
}

/**
 * Bluesky's counts in the common model (§9.1). `quoteCount` is folded into `shares` with `repostCount`: a quote
 * is a repost with a comment, and the model has no separate quotes metric. A count the AppView leaves out stays
 * absent.
 */
export function blueskyMetrics(post: PostView): PostMetrics {
  const shares = post.repostCount === undefined && post.quoteCount === undefined ? undefined : (post.repostCount ?? 0) + (post.quoteCount ?? 0);
  return cleanMetrics({ likes: post.likeCount, comments: post.replyCount, shares, saves: post.bookmarkCount });
}

/** From the embed view: several images → carousel, one → image, video → video, link card → link; else a link facet → link. */
function mediaTypeOf(post: PostView): MediaType {
  const fromEmbed = embedType(post.embed);
  if (fromEmbed) return fromEmbed;
  const linked = post.record?.facets?.some((f) => f.features?.some((feature) => feature.$type === 'app.bsky.richtext.facet#link'));
  return linked ? 'link' : 'text';
}

function embedType(embed: EmbedView | undefined): MediaType | undefined {
  const type = embed?.$type ?? '';
  if (type.startsWith('app.bsky.embed.images') || type.startsWith('app.bsky.embed.gallery')) return (embed!.images ?? embed!.items ?? []).length > 1 ? 'carousel' : 'image';
  if (type.startsWith('app.bsky.embed.video')) return 'video';
  if (type.startsWith('app.bsky.embed.external')) return 'link';
  if (type.startsWith('app.bsky.embed.recordWithMedia')) return embedType(embed!.media);
  return undefined;
}

/**
 * Where an item sits in the feed's order: a repost at the time it was made, a post at its `sortAt` (the earlier of
 * `createdAt` and `indexedAt`, as the AppView sorts). Once this falls before `since`, later pages hold only older items.
 */
function sortTime(item: FeedItem): number {
  if (item.reason?.indexedAt) return parseInstant(item.reason.indexedAt)?.getTime() ?? Infinity;
  const times = [parseInstant(item.post.record?.createdAt), parseInstant(item.post.indexedAt)].filter((t): t is Date => !!t).map((t) => t.getTime());
  return times.length ? Math.min(...times) : Infinity;
}
