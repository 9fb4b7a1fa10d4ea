import { liError, type FakeLinkedInPost } from './fake-linkedin-wire';
import type { FakeRequest, FakeResponse } from './fake-platform-server';

/**
 * LinkedIn's metric wire shapes for FakeLinkedIn (`../shared/reference/platform-apis.md` §6.6): `socialMetadata`,
 * `memberCreatorPostAnalytics` and `organizationalEntityShareStatistics`, computed from the values a test set.
 */

export type FakeReactionType = 'LIKE' | 'PRAISE' | 'EMPATHY' | 'INTEREST' | 'APPRECIATION' | 'ENTERTAINMENT';

/** A post's raw metric values: analytics totals by `queryType`, reactions by type, the comment count. */
export interface FakeLinkedInInsights {
  IMPRESSION?: number;
  MEMBERS_REACHED?: number;
  RESHARE?: number;
  POST_SAVE?: number;
  POST_SEND?: number;
  LINK_CLICKS?: number;
  FOLLOWER_GAINED_FROM_CONTENT?: number;
  PROFILE_VIEW_FROM_CONTENT?: number;
  reactions?: Partial<Record<FakeReactionType, number>>;
  comments?: number;
}

/** `queryType` values of member post analytics; the last five are the newer, unconfirmed ones. */
export const MEMBER_ANALYTICS_TYPES = ['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE', 'REACTION', 'COMMENT', 'POST_SAVE', 'POST_SEND', 'LINK_CLICKS', 'FOLLOWER_GAINED_FROM_CONTENT', 'PROFILE_VIEW_FROM_CONTENT'];

const METRIC_TYPE_KEY = 'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1';

/** `GET /rest/socialMetadata/{urn}`: reaction summaries by type and the comment summary. */
export function socialMetadataView(post: FakeLinkedInPost, insights: FakeLinkedInInsights): Record<string, unknown> {
  const reactions = Object.entries(insights.reactions ?? {}).map(([reactionType, count]) => [reactionType, { reactionType, count }]);
  const comments = insights.comments ?? 0;
  return { entity: post.urn, reactionSummaries: Object.fromEntries(reactions), commentSummary: { count: comments, topLevelCount: comments }, commentsState: 'OPEN' };
}

/** The decoded `entity=(share:urn:li:share:…)` / `(ugc:urn:li:ugcPost:…)`; undefined when malformed. */
export function parseAnalyticsEntity(value: string | null): { kind: 'share' | 'ugc'; urn: string } | undefined {
  const match = /^\((share|ugc):(urn:li:(share|ugcPost):\d+)\)$/.exec(value ?? '');
  if (!match || (match[1] === 'share') !== (match[3] === 'share')) return undefined;
  return { kind: match[1] as 'share' | 'ugc', urn: match[2] };
}

/** Checks `q`, `queryType` and `aggregation` of a member analytics call; undefined when they are valid. */
export function checkAnalyticsQuery(request: FakeRequest): FakeResponse | undefined {
  const q = request.query.get('q');
  if (q !== 'entity') return liError(400, `Invalid finder: q=${q ?? ''} (this fake serves q=entity)`);
  const type = request.query.get('queryType') ?? '';
  if (!MEMBER_ANALYTICS_TYPES.includes(type)) return liError(400, `Invalid value for param queryType: ${type}`, { code: 'INVALID_PARAM_VALUE' });
  if (request.query.get('aggregation') !== 'TOTAL') return liError(400, 'Invalid value for param aggregation (this fake serves TOTAL)', { code: 'INVALID_PARAM_VALUE' });
  return undefined;
}

/** One lifetime total, or no element when the post has no data for the metric. */
export function memberAnalyticsAnswer(entity: { kind: 'share' | 'ugc'; urn: string }, type: string, insights: FakeLinkedInInsights): FakeResponse {
  const count = analyticsValue(type, insights);
  const elements = count === undefined ? [] : [{ count, metricType: { [METRIC_TYPE_KEY]: type }, targetEntity: { [entity.kind]: entity.urn } }];
  return { body: { paging: { start: 0, count: 10, links: [] }, elements } };
}

/** `List(a,b,…)` of a decoded Rest.li query parameter. */
export function parseList(value: string | null): string[] | undefined {
  if (value === null) return [];
  const match = /^List\((.*)\)$/.exec(value);
  return match ? match[1].split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

/** An element of `organizationalEntityShareStatistics`: lifetime totals of one post. */
export function shareStatisticsElement(post: FakeLinkedInPost, organization: string, insights: FakeLinkedInInsights): Record<string, unknown> {
  const impressions = insights.IMPRESSION ?? 0;
  const likes = analyticsValue('REACTION', insights) ?? 0;
  const comments = insights.comments ?? 0;
  const shares = insights.RESHARE ?? 0;
  const clicks = insights.LINK_CLICKS ?? 0;
  const key = post.urn.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share';
  return {
    totalShareStatistics: {
      impressionCount: impressions,
      uniqueImpressionsCount: insights.MEMBERS_REACHED ?? 0,
      clickCount: clicks,
      likeCount: likes,
      commentCount: comments,
      shareCount: shares,
      engagement: impressions > 0 ? (clicks + likes + comments + shares) / impressions : 0,
    },
    [key]: post.urn,
    organizationalEntity: organization,
  };
}

function analyticsValue(type: string, insights: FakeLinkedInInsights): number | undefined {
  if (type === 'REACTION') return insights.reactions ? Object.values(insights.reactions).reduce((a, b) => a + (b ?? 0), 0) : undefined;
  if (type === 'COMMENT') return insights.comments;
  return insights[type as keyof Omit<FakeLinkedInInsights, 'reactions' | 'comments'>];
}
