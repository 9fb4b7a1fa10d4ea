import type { MetricName, PostMetrics } from '@app/contracts';
import { PlatformError } from '../platform-error';
import { encodeUrn, type LinkedInApi } from './linkedin.api';

/**
 * The per-post readers behind LinkedIn insights (`../shared/reference/platform-apis.md` §6.6): `socialMetadata`
 * (reaction and comment counts of any post), `memberCreatorPostAnalytics` (a member's own posts, one call per
 * metric type, `r_member_postAnalytics`) and `organizationalEntityShareStatistics` (an organization's posts,
 * batched). A metric LinkedIn has no data for (empty `elements`) is absent.
 */

/** Member analytics types read by default, and where each lands in the common model (§9.1). */
export const LINKEDIN_MEMBER_METRICS: Readonly<Record<string, MetricName>> = {
  IMPRESSION: 'impressions',
  MEMBERS_REACHED: 'reach',
  RESHARE: 'shares',
  REACTION: 'likes',
  COMMENT: 'comments',
  // Newer types (unconfirmed, §6.6): only read when configured.
  POST_SAVE: 'saves',
  LINK_CLICKS: 'clicks',
};
export const DEFAULT_MEMBER_METRIC_TYPES = ['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE'] as const;

/** What a per-post read found: the post is gone (404), or the token may not read this kind of data (403). */
export const GONE = Symbol('gone');
export type Refused = { denied: PlatformError };

interface SocialMetadata {
  reactionSummaries?: Record<string, { count?: number }>;
  commentSummary?: { count?: number };
}

interface AnalyticsAnswer {
  elements?: Array<{ count?: number }>;
}

interface ShareStatistics {
  elements?: Array<{
    share?: string;
    ugcPost?: string;
    totalShareStatistics?: Partial<Record<'impressionCount' | 'uniqueImpressionsCount' | 'clickCount' | 'likeCount' | 'commentCount' | 'shareCount', number>>;
  }>;
}

const ORG_STATS: Readonly<Record<string, MetricName>> = {
  impressionCount: 'impressions',
  uniqueImpressionsCount: 'reach',
  clickCount: 'clicks',
  likeCount: 'likes',
  commentCount: 'comments',
  shareCount: 'shares',
};
/** Posts per share-statistics call (the URL carries them all; no documented maximum). */
const STATS_BATCH = 20;

/** `GET /rest/socialMetadata/{urn}`: likes are every reaction type together. */
export async function readSocialMetadata(api: LinkedInApi, urn: string): Promise<PostMetrics | typeof GONE | Refused> {
  return attempt(async () => {
    const body = (await api.rest({ method: 'GET', url: `/rest/socialMetadata/${encodeUrn(urn)}` }, 'read post metrics')).body as SocialMetadata | undefined;
    const metrics: PostMetrics = {};
    const reactions = Object.values(body?.reactionSummaries ?? {}).map((r) => r?.count).filter(isCount);
    if (body?.reactionSummaries) metrics.likes = reactions.reduce((a, b) => a + b, 0);
    const comments = body?.commentSummary?.count;
    if (isCount(comments)) metrics.comments = comments;
    return metrics;
  });
}

/**
 * One `memberCreatorPostAnalytics` total. The entity is Rest.li syntax, `(share:<encoded urn>)` or
 * `(ugc:<encoded urn>)`, written into the URL as is (a query encoder would escape its parentheses).
 */
export async function readMemberAnalytic(api: LinkedInApi, urn: string, type: string): Promise<number | undefined | typeof GONE | Refused> {
  const entity = analyticsEntity(urn);
  if (!entity) return undefined;
  return attempt(async () => {
    const url = `/rest/memberCreatorPostAnalytics?q=entity&entity=${entity}&queryType=${type}&aggregation=TOTAL`;
    const body = (await api.rest({ method: 'GET', url }, 'read post analytics')).body as AnalyticsAnswer | undefined;
    const count = body?.elements?.[0]?.count;
    return isCount(count) ? count : undefined;
  });
}

/**
 * An organization's posts, batched: `GET /v2/organizationalEntityShareStatistics?q=organizationalEntity&…&shares=List(…)`
 * (`ugcPosts=List(…)` for ugcPost URNs). Posts LinkedIn does not return (deleted) are absent from the map.
 */
export async function readOrganizationStats(api: LinkedInApi, organization: string, urns: string[]): Promise<Map<string, PostMetrics>> {
  const result = new Map<string, PostMetrics>();
  for (let i = 0; i < urns.length; i += STATS_BATCH) {
    const batch = urns.slice(i, i + STATS_BATCH);
    const list = (kind: string) => batch.filter((u) => u.startsWith(`urn:li:${kind}:`)).map(encodeUrn).join(',');
    const shares = list('share');
    const ugcPosts = list('ugcPost');
    if (!shares && !ugcPosts) continue;
    const url = `/v2/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${encodeUrn(organization)}${shares ? `&shares=List(${shares})` : ''}${ugcPosts ? `&ugcPosts=List(${ugcPosts})` : ''}`;
    const response = await api.plain({ method: 'GET', url, headers: { 'x-restli-protocol-version': '2.0.0' } }, 'read the organization’s post statistics');
    for (const element of (response.body as ShareStatistics | undefined)?.elements ?? []) {
      const urn = element.share ?? element.ugcPost;
      if (!urn || !element.totalShareStatistics) continue;
      const metrics: PostMetrics = {};
      for (const [field, name] of Object.entries(ORG_STATS)) {
        const value = element.totalShareStatistics[field as keyof typeof element.totalShareStatistics];
        if (isCount(value)) metrics[name] = value;
      }
      result.set(urn, metrics);
    }
  }
  return result;
}

/** `(share:…)` or `(ugc:…)`; undefined for URNs member analytics does not know. */
function analyticsEntity(urn: string): string | undefined {
  if (urn.startsWith('urn:li:share:')) return `(share:${encodeUrn(urn)})`;
  if (urn.startsWith('urn:li:ugcPost:')) return `(ugc:${encodeUrn(urn)})`;
  return undefined;
}

/** Runs a read; a 404 (the post is gone) and a 403 (no permission for this data) become values. */
async function attempt<T>(read: () => Promise<T>): Promise<T | typeof GONE | Refused> {
  try {
    return await read();
  } catch (error) {
    if (PlatformError.is(error, 'permanent') && error.details.status === 404) return GONE;
    if (PlatformError.is(error, 'permanent') && error.details.status === 403) return { denied: error };
    throw error;
  }
}

export function isRefused(value: unknown): value is Refused {
  return typeof value === 'object' && value !== null && 'denied' in value;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
