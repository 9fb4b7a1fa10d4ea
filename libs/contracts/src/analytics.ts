import type { MediaType, PostMetrics } from './metrics';
import type { Platform } from './platforms';

/**
 * Analytics and optimization contracts: the events that connect accounts to the Analytics agent and carry
 * the Optimization agent's model to the Scheduler and the Strategy agent, posting-svc's internal insights
 * API (it alone holds the tokens), and analytics-svc's internal read API the gateway serves to users.
 */

/** Hour of week in the account's audience time zone: weekday 0 = Monday … 6 = Sunday, hour 0–23. */
export interface WeekSlot {
  weekday: number;
  hour: number;
}

export const WEEK_SLOTS = 168;

export function slotIndex(slot: WeekSlot): number {
  return slot.weekday * 24 + slot.hour;
}

export function slotAt(index: number): WeekSlot {
  return { weekday: Math.floor(index / 24), hour: index % 24 };
}

/** `account.connected.v1` (posting-svc): an account was connected or reconnected; analytics imports its history. */
export interface AccountConnectedPayload {
  connectionId: string;
  userId: string;
  platform: Platform;
  accountId: string;
  accountName: string;
  /** IANA zone of the account's audience (UTC when the user gave none). */
  timeZone: string;
  /** `sandbox`: a simulated account (embedded mode and the demo) whose history the sandbox simulates. */
  kind: 'platform' | 'sandbox';
  connectedAt: string;
  /** False when an existing connection got new tokens. */
  created: boolean;
}

/** `account.disconnected.v1` (posting-svc): the user removed the connection; analytics stops collecting. */
export interface AccountDisconnectedPayload {
  connectionId: string;
  userId: string;
  platform: Platform;
  disconnectedAt: string;
}

/** The optimizer's estimate for one hour-of-week slot, relative to the account's average (1 = average). */
export interface SlotEstimate {
  /** Posterior mean of relative engagement. */
  mean: number;
  /** Posterior standard deviation (what Thompson sampling draws with). */
  sd: number;
  /** 0–1: the share of the estimate that comes from the account's own posts rather than the prior. */
  confidence: number;
}

export interface RecommendedSlot extends WeekSlot {
  /** Expected engagement relative to the account's average, minus 1 (0.2 = 20% above average). */
  expectedLift: number;
  confidence: number;
}

export const CONTENT_FEATURES = ['media', 'format', 'pillar', 'length', 'hashtags', 'question', 'link'] as const;
export type ContentFeature = (typeof CONTENT_FEATURES)[number];

/** One content finding, with its evidence. */
export interface ContentInsight {
  feature: ContentFeature;
  value: string;
  /** Posts with this value, and posts without it, that the comparison used. */
  n: number;
  nOther: number;
  /** Relative difference in mean engagement vs the other posts (0.3 = 30% better). */
  lift: number;
  /** Standardized mean difference (Cohen's d) on log engagement. */
  effectSize: number;
  /** True when the 95% interval of the difference excludes 0. */
  significant: boolean;
  /** One sentence a person (and the Strategy model) can read. */
  finding: string;
}

export interface OptimizationChanges {
  previousRunId?: string;
  /** Slots that entered / left the top recommendations since the previous run. */
  newTopSlots: WeekSlot[];
  droppedTopSlots: WeekSlot[];
  /** Findings that appeared, flipped or disappeared. */
  insightChanges: string[];
}

/** `optimization.updated.v1` (analytics-svc): a new model for one connected account. */
export interface OptimizationUpdatedPayload {
  runId: string;
  userId: string;
  connectionId: string;
  platform: Platform;
  accountName: string;
  timeZone: string;
  computedAt: string;
  /** Posts the model learned from. */
  observations: number;
  /** What engagement means for this account: per impression where the platform reports them, else counts. */
  basis: 'engagement_rate' | 'engagements';
  /** 168 estimates, index = weekday * 24 + hour (see `slotIndex`). */
  slots: SlotEstimate[];
  bestSlots: RecommendedSlot[];
  contentInsights: ContentInsight[];
  changes: OptimizationChanges;
}

// ---- posting-svc internal insights API (analytics-svc is its caller) ----

/** `POST /internal/insights/metrics`. Without `connectionId`: sandbox posts of the platform. */
export interface InsightsMetricsRequest {
  connectionId?: string;
  platform: Platform;
  platformPostIds: string[];
}

export interface InsightsMetricsResponse {
  /** By platform post id; a post the platform no longer has is listed in `missing`. */
  metrics: Record<string, PostMetrics>;
  missing: string[];
}

/** `POST /internal/insights/history`: one page of the account's own posts since `since`. */
export interface InsightsHistoryRequest {
  connectionId: string;
  since: string;
  cursor?: string;
  limit?: number;
}

export interface HistoricalPostView {
  platformPostId: string;
  text: string;
  publishedAt: string;
  url?: string;
  mediaType: MediaType;
  metrics: PostMetrics;
}

export interface InsightsHistoryResponse {
  posts: HistoricalPostView[];
  nextCursor?: string;
}

/**
 * Error body of the insights API. `code` tells the caller what to do: `rate_limited` (wait until
 * `retryAt`), `reconnect_required` (pause until the account is reconnected), `not_found` (the connection
 * is gone), `rejected` (the platform refused the read), `unavailable` (try again later).
 */
export const INSIGHTS_ERROR_CODES = ['rate_limited', 'reconnect_required', 'not_found', 'rejected', 'unavailable'] as const;
export type InsightsErrorCode = (typeof INSIGHTS_ERROR_CODES)[number];

export interface InsightsErrorBody {
  statusCode: number;
  code: InsightsErrorCode;
  message: string;
  retryAt?: string;
}

// ---- analytics-svc internal read API (the gateway serves it as /api/v1/analytics) ----

export interface MetricTotals extends PostMetrics {
  posts: number;
  engagements: number;
  /** Engagements per impression over the posts that report impressions (or reach). */
  engagementRate?: number;
}

export interface PostAnalyticsSummary {
  postId: string;
  platform: Platform;
  platformPostId?: string;
  publishedAt?: string;
  status: 'published' | 'failed';
  metrics: PostMetrics;
  engagements: number;
  engagementRate?: number;
  /** When the latest reading was taken. */
  measuredAt?: string;
}

export interface CampaignAnalyticsView {
  campaignId: string;
  totals: MetricTotals;
  platforms: Array<{ platform: Platform } & MetricTotals>;
  posts: PostAnalyticsSummary[];
  /** Per day (UTC), the latest reading of every post taken that day or before: cumulative totals. */
  overTime: Array<{ date: string } & MetricTotals>;
}

export interface MetricReading {
  at: string;
  /** Hours since the post was published. */
  ageHours: number;
  metrics: PostMetrics;
  engagementRate?: number;
}

export interface PostAnalyticsView extends PostAnalyticsSummary {
  campaignId: string;
  series: MetricReading[];
  /** When the next reading is due, while collection goes on. */
  nextCollectionAt?: string;
}

export interface AccountRecommendations {
  connectionId: string;
  platform: Platform;
  accountName: string;
  timeZone: string;
  runId: string;
  computedAt: string;
  observations: number;
  basis: 'engagement_rate' | 'engagements';
  bestSlots: RecommendedSlot[];
  /** 168 estimates, index = weekday * 24 + hour: the hour-of-week heatmap. */
  slots: SlotEstimate[];
  contentInsights: ContentInsight[];
  changes: OptimizationChanges;
}

export interface RecommendationsView {
  /** Accounts on the campaign's platforms that have a model; platforms without one use the default slots. */
  accounts: AccountRecommendations[];
  platformsWithoutModel: Platform[];
}
