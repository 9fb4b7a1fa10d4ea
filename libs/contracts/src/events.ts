import { CampaignState, PipelineStage } from './campaign-state';
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
  scheduledTime: string;
  editRevision: number;
}

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
}

export interface PostFailedPayload {
  postId: string;
  campaignId: string;
  userId: string;
  platform: Platform;
  reason: string;
  failedAt: string;
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
}

export type EventPayload<K extends RoutingKey> = EventPayloads[K];

/** Schema version carried in the `x-schema-version` header of each routing key. */
export function schemaVersionOf(key: RoutingKey): number {
  return Number(key.slice(key.lastIndexOf('.v') + 2));
}

export function isRoutingKey(value: unknown): value is RoutingKey {
  return typeof value === 'string' && (ROUTING_KEYS as readonly string[]).includes(value);
}
