import { ContentType, Platform } from './platforms';

/**
 * The campaign state that travels on the bus. Every pipeline event carries the whole state; each agent
 * adds its part and bumps `revision`. Bump CAMPAIGN_STATE_SCHEMA_VERSION (and the routing-key suffix)
 * for any change a v1 consumer could not read.
 */
export const CAMPAIGN_STATE_SCHEMA_VERSION = 1 as const;

export const PIPELINE_STAGES = ['strategy', 'content', 'creative', 'schedule'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface CampaignSpec {
  name: string;
  goal: string;
  targetPlatforms: Platform[];
  /** ISO 8601 instant (UTC). */
  startDate: string;
  durationDays: number;
  targetAudience?: string;
  brandVoice?: string;
  contentThemes: string[];
  /** IANA time zone the campaign is scheduled in. */
  timezone: string;
}

export interface LlmUsage {
  provider: string;
  model: string;
  promptVersion: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** Model requests the stage made: 1, or 2 when the first answer needed a repair (absent on older states). */
  calls?: number;
}

export interface StageRun {
  stage: PipelineStage;
  status: 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string;
  error?: string;
  usage?: LlmUsage;
}

export interface ContentPillar {
  name: string;
  description: string;
}

export interface PlannedPost {
  /** Stable id of the slot in the plan, e.g. "x-03". */
  planId: string;
  platform: Platform;
  pillar: string;
  format: ContentType;
  /** What this post is about, in one sentence. */
  angle: string;
  /** Day of the campaign, 0-based. */
  day: number;
}

export interface Strategy {
  summary: string;
  audienceInsight: string;
  pillars: ContentPillar[];
  keyMessages: string[];
  cadence: Array<{ platform: Platform; postsPerWeek: number }>;
  kpis: Array<{ name: string; target: string }>;
  plan: PlannedPost[];
}

export interface Visual {
  concept: string;
  imagePrompt: string;
  altText: string;
  /** The generated image, when an image model is configured (served by creative-svc at /images/{imageId}). */
  imageId?: string;
  imageMimeType?: string;
}

export interface PostDraft {
  id: string;
  planId: string;
  platform: Platform;
  contentType: ContentType;
  pillar: string;
  /** The post body; for a thread, the first part. */
  text: string;
  /** Every part of a thread, numbered, in order (threads only). */
  threadParts?: string[];
  hashtags: string[];
  callToAction?: string;
  visual?: Visual;
  /** ISO 8601 instant (UTC), set by the Scheduler. */
  scheduledTime?: string;
}

export interface CampaignStateV1 {
  schemaVersion: typeof CAMPAIGN_STATE_SCHEMA_VERSION;
  campaignId: string;
  userId: string;
  /** Increases by one with every stage that changes the state. */
  revision: number;
  spec: CampaignSpec;
  strategy?: Strategy;
  posts: PostDraft[];
  stages: StageRun[];
}

export type CampaignState = CampaignStateV1;
