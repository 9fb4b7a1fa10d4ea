import { CampaignState, PipelineStage } from './campaign-state';
import type { AccountConnectedPayload, AccountDisconnectedPayload, OptimizationUpdatedPayload } from './analytics';
import { ContentType, Platform } from './platforms';

/**
 * The event catalog: every routing key on the bus and the payload it carries. The routing key ends in
 * the payload's major version; a breaking change adds a `.v2` key beside the old one.
 */
export const Events = {
  CampaignRequested: 'campaign.requested.v1',
  CampaignPlanned: 'campaign.planned.v1',
  CampaignWritten: 'campaign.written.v1',
  CampaignDesigned: 'campaign.designed.v1',
  CampaignScheduled: 'campaign.scheduled.v1',
  CampaignFailed: 'campaign.failed.v1',
  CampaignExecutionRequested: 'campaign.execution-requested.v1',
  CampaignArmed: 'campaign.armed.v1',
  PostUpdated: 'post.updated.v1',
  PostCancelled: 'post.cancelled.v1',
  PostDue: 'post.due.v1',
  PostPublished: 'post.published.v1',
  PostFailed: 'post.failed.v1',
  PostRequested: 'post.requested.v1',
  PostAttempted: 'post.attempted.v1',
  PostUnconfirmed: 'post.unconfirmed.v1',
  AccountConnected: 'account.connected.v1',
  AccountDisconnected: 'account.disconnected.v1',
  OptimizationUpdated: 'optimization.updated.v1',
} as const;

export type RoutingKey = (typeof Events)[keyof typeof Events];
export const ROUTING_KEYS: readonly RoutingKey[] = Object.values(Events);

export interface CampaignStatePayload {
  state: CampaignState;
}

export interface CampaignFailedPayload {
  campaignId: string;
  userId: string;
  stage: PipelineStage;
  reason: string;
  failedAt: string;
  /** Revision of the state the failing stage was given. */
  revision: number;
}

export interface CampaignExecutionRequestedPayload {
  campaignId: string;
  userId: string;
  requestedAt: string;
}

export interface CampaignArmedPayload {
  campaignId: string;
  armedPostIds: string[];
  armedAt: string;
}

export interface PostUpdatedPayload {
  postId: string;
  campaignId: string;
  /** Edit counter of the post; consumers ignore an update older than what they hold. */
  editRevision: number;
  text?: string;
  threadParts?: string[];
  hashtags?: string[];
  /** ISO 8601 instant (UTC). */
  scheduledTime?: string;
}

export interface PostCancelledPayload {
  postId: string;
  campaignId: string;
  cancelledAt: string;
}

export interface PostDuePayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  contentType: ContentType;
  text: string;
  threadParts?: string[];
  hashtags: string[];
  imagePrompt?: string;
  altText?: string;
  /** Generated images to attach, in order (served by creative-svc); absent when none were generated. */
  imageIds?: string[];
  /** The connected account to publish with; absent: the user's active account on `platform`. */
  connectionId?: string;
  scheduledTime: string;
  editRevision: number;
}

/**
 * An ad-hoc post (not written by the agents) to arm as it is: the gateway files it under an ad-hoc campaign
 * of its own, and the Scheduler arms it for `scheduledTime` on the given connection.
 */
export type PostRequestedPayload = Omit<PostDuePayload, 'imagePrompt' | 'altText'> & { connectionId: string };

export interface PostPublishedPayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  platformPostId: string;
  url?: string;
  text: string;
  hashtags: string[];
  publishedAt: string;
  /** The connected account it went out on; absent for the sandbox platform. */
  connectionId?: string;
  accountName?: string;
}

/**
 * Why a post failed, so a client can offer the fix: `rejected` (the platform refused the content: edit it),
 * `reconnect_required` (the account's token is dead: reconnect, and the post resumes by itself),
 * `no_account` (nothing connected on that platform), `gave_up` (retries exhausted: retry later), `missed`
 * (it was due while the system was down for longer than the grace period: reschedule it).
 */
export const POST_FAILURE_CODES = ['rejected', 'reconnect_required', 'no_account', 'gave_up', 'missed'] as const;
export type PostFailureCode = (typeof POST_FAILURE_CODES)[number];

export interface PostFailedPayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  reason: string;
  failedAt: string;
  /** Added within v1: absent on events from before 2026-11-25 (treat as `rejected`). */
  code?: PostFailureCode;
  connectionId?: string;
}

/** What one publishing attempt ended in. */
export const ATTEMPT_OUTCOMES = ['published', 'reconciled', 'retry', 'refreshed', 'reconnect_required', 'rejected', 'unknown', 'unconfirmed', 'gave_up'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One call (or reconciliation) against a platform for a post, as the user sees it in the post's history. */
export interface PostAttemptedPayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  /** 1-based attempt number. */
  attempt: number;
  outcome: AttemptOutcome;
  detail?: string;
  httpStatus?: number;
  startedAt: string;
  finishedAt: string;
  /** When the next attempt is due, for `retry` / `unknown`. */
  nextAttemptAt?: string;
}

/** The platform may or may not have the post and reconciliation could not tell: the user must check. */
export interface PostUnconfirmedPayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  reason: string;
  at: string;
}

export interface EventPayloads {
  'campaign.requested.v1': CampaignStatePayload;
  'campaign.planned.v1': CampaignStatePayload;
  'campaign.written.v1': CampaignStatePayload;
  'campaign.designed.v1': CampaignStatePayload;
  'campaign.scheduled.v1': CampaignStatePayload;
  'campaign.failed.v1': CampaignFailedPayload;
  'campaign.execution-requested.v1': CampaignExecutionRequestedPayload;
  'campaign.armed.v1': CampaignArmedPayload;
  'post.updated.v1': PostUpdatedPayload;
  'post.cancelled.v1': PostCancelledPayload;
  'post.due.v1': PostDuePayload;
  'post.published.v1': PostPublishedPayload;
  'post.failed.v1': PostFailedPayload;
  'post.requested.v1': PostRequestedPayload;
  'post.attempted.v1': PostAttemptedPayload;
  'post.unconfirmed.v1': PostUnconfirmedPayload;
  'account.connected.v1': AccountConnectedPayload;
  'account.disconnected.v1': AccountDisconnectedPayload;
  'optimization.updated.v1': OptimizationUpdatedPayload;
}

export type EventPayload<K extends RoutingKey> = EventPayloads[K];

/** Schema version carried in the `x-schema-version` header of each routing key. */
export function schemaVersionOf(key: RoutingKey): number {
  return Number(key.slice(key.lastIndexOf('.v') + 2));
}

export function isRoutingKey(value: unknown): value is RoutingKey {
  return typeof value === 'string' && (ROUTING_KEYS as readonly string[]).includes(value);
}
