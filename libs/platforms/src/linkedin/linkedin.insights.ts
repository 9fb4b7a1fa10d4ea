import type { MediaType, PostMetrics } from '@app/contracts';
import { parseInstant } from '../http/reset-signals';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { LinkedInApi, authorUrn, linkedinPostUrl } from './linkedin.api';
import { GONE, LINKEDIN_MEMBER_METRICS, isRefused, readMemberAnalytic, readOrganizationStats, readSocialMetadata } from './linkedin.metrics';
import { fromLittleText } from './linkedin.text';

export interface LinkedInInsightsOptions {
  /** `LinkedIn-Version` of the `/rest` calls. */
  version: string;
  /** `memberCreatorPostAnalytics` types read per member post (each is one call). */
  memberMetricTypes: readonly string[];
}

interface LinkedInPost {
  id: string;
  commentary?: string;
  lifecycleState?: string;
  createdAt?: number;
  publishedAt?: number;
  reshareContext?: unknown;
  content?: { media?: { id?: string }; multiImage?: unknown; article?: unknown; poll?: unknown };
}

interface PostList {
  elements?: LinkedInPost[];
  paging?: { start?: number; count?: number; total?: number };
}

const DEFAULT_PAGE = 25;
/** A common maximum of `count` (unconfirmed, §6.8). */
const MAX_PAGE = 100;

/**
 * LinkedIn post metrics and history (§6.6, §6.8). A member's posts are read one at a time: `socialMetadata`
 * for reactions and comments, `memberCreatorPostAnalytics` for impressions, reach and reshares. Either source
 * may be refused (403) for lack of a permission; the other still counts (reactions and comments then come
 * from analytics), and only when both are refused does the read fail. An organization's posts are read in
 * batches from its share statistics. History lists `GET /rest/posts?q=author`, which needs the restricted
 * `r_member_social` for a member: without it the history is `permanent`, while the metrics of posts published
 * through this app (whose URNs were recorded at publish time) still work.
 */
export class LinkedInInsights implements InsightsApi {
  constructor(private readonly options: LinkedInInsightsOptions) {}

  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const api = new LinkedInApi(call, this.options.version);
    const author = authorUrn(call.credentials.accountId);
    const urns = [...new Set(platformPostIds)];
    if (author.startsWith('urn:li:organization:')) return readOrganizationStats(api, author, urns);
    const result = new Map<string, PostMetrics>();
    const refused: { social?: PlatformError; analytics?: PlatformError } = {};
    for (const urn of urns) {
      const metrics = await this.memberPost(api, urn, refused);
      if (metrics) result.set(urn, metrics);
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const api = new LinkedInApi(call, this.options.version);
    const author = authorUrn(call.credentials.accountId);
    const start = startOf(query.cursor);
    const count = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit ?? DEFAULT_PAGE)));
    const list = await this.listPosts(api, author, start, count);
    const elements = list.elements ?? [];
    const since = query.since.getTime();
    const timeOf = (post: LinkedInPost) => parseInstant(post.publishedAt ?? post.createdAt)?.getTime();
    const own = elements
      .filter((p) => p.lifecycleState === 'PUBLISHED' && !p.reshareContext && (timeOf(p) ?? -Infinity) >= since)
      .sort((a, b) => timeOf(b)! - timeOf(a)!);
    const metrics = own.length ? await this.metrics(call, own.map((p) => p.id)) : new Map<string, PostMetrics>();
    const posts: HistoricalPost[] = own.map((post) => ({
      platformPostId: post.id,
      text: fromLittleText(post.commentary),
      publishedAt: new Date(timeOf(post)!),
      url: linkedinPostUrl(post.id),
      mediaType: linkedinMediaType(post),
      rawType: rawTypeOf(post),
      metrics: metrics.get(post.id) ?? {},
    }));
    const next = start + elements.length;
    const more = list.paging?.total !== undefined ? next < list.paging.total : elements.length >= count;
    const reachedOlder = elements.some((p) => (timeOf(p) ?? Infinity) < since);
    return { posts, nextCursor: more && elements.length > 0 && !reachedOlder ? String(next) : undefined };
  }

  /** The member's own post; undefined when it is gone. */
  private async memberPost(api: LinkedInApi, urn: string, refused: { social?: PlatformError; analytics?: PlatformError }): Promise<PostMetrics | undefined> {
    const metrics: PostMetrics = {};
    if (!refused.social) {
      const social = await readSocialMetadata(api, urn);
      if (social === GONE) return undefined;
      if (isRefused(social)) refused.social = social.denied;
      else Object.assign(metrics, social);
    }
    // Without socialMetadata, reactions and comments come from analytics too.
    const types = refused.social ? [...this.options.memberMetricTypes, 'REACTION', 'COMMENT'] : this.options.memberMetricTypes;
    for (const type of refused.analytics ? [] : new Set(types)) {
      const value = await readMemberAnalytic(api, urn, type);
      if (value === GONE) return undefined;
      if (isRefused(value)) {
        refused.analytics = value.denied;
        break;
      }
      const name = LINKEDIN_MEMBER_METRICS[type];
      if (value !== undefined && name) metrics[name] = value;
    }
    if (refused.social && refused.analytics) {
      throw new PlatformError(
        'permanent',
        `LinkedIn read post metrics: the connection may read neither post counts (socialMetadata) nor post analytics (r_member_postAnalytics); reconnect and grant them. (${refused.analytics.message})`,
        refused.analytics.details,
      );
    }
    return metrics;
  }

  private async listPosts(api: LinkedInApi, author: string, start: number, count: number): Promise<PostList> {
    try {
      const response = await api.rest(
        { method: 'GET', url: '/rest/posts', query: { q: 'author', author, count, start, sortBy: 'CREATED' }, headers: { 'x-restli-method': 'FINDER' } },
        'list posts',
      );
      return (response.body as PostList | undefined) ?? {};
    } catch (error) {
      if (PlatformError.is(error, 'permanent') && error.details.status === 403) {
        const scope = author.startsWith('urn:li:organization:') ? 'r_organization_social (as a Page administrator)' : 'the restricted r_member_social permission';
        throw new PlatformError(
          'permanent',
          `LinkedIn: importing the account's past posts needs ${scope}, which this connection lacks; metrics of posts published through this app are still collected. (${error.message})`,
          error.details,
        );
      }
      throw error;
    }
  }
}

function startOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw new PlatformError('permanent', 'the history cursor is not one this adapter issued; start the import again without a cursor');
  return Number(cursor);
}

/** From the post's `content`: none is text, an article a link, several images or a document a carousel. */
export function linkedinMediaType(post: Pick<LinkedInPost, 'content'>): MediaType {
  const content = post.content;
  if (!content) return 'text';
  if (content.multiImage) return 'carousel';
  if (content.article) return 'link';
  const media = content.media?.id ?? '';
  if (media.startsWith('urn:li:video:')) return 'video';
  if (media.startsWith('urn:li:document:')) return 'carousel';
  if (media.startsWith('urn:li:image:')) return 'image';
  return 'text';
}

function rawTypeOf(post: LinkedInPost): string | undefined {
  const content = post.content;
  if (!content) return undefined;
  if (content.media?.id) return /^urn:li:(\w+):/.exec(content.media.id)?.[1];
  return Object.keys(content)[0];
}
