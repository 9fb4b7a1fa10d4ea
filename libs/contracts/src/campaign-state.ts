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
  /** Why the Scheduler chose that time (added within v1; absent on older states). */
  slotChoice?: SlotChoice;
}

/** How the Scheduler chose a post's time. */
export interface SlotChoice {
  /** `learned`: the optimizer's model of the account; `default`: the platform's default slots (no model yet). */
  source: 'learned' | 'default';
  /** The optimization run used, for `learned`. */
  runId?: string;
  /** Hour of week in the account's audience zone (weekday 0 = Monday). */
  weekday: number;
  hour: number;
  /** The model's expected lift and confidence for the slot (for `learned`). */
  expectedLift?: number;
  confidence?: number;
  /** True when Thompson sampling picked it over the slot with the best mean (exploration). */
  explored?: boolean;
}

/** Which of the Optimization agent's recommendations a campaign used (added within v1). */
export interface CampaignRecommendations {
  /** What the Strategy agent read: the runs and the findings passed to the model. */
  strategy?: { runIds: string[]; contentFindings: string[]; bestSlots: number };
  /** The runs whose slot models the Scheduler placed posts with. */
  schedule?: { runIds: string[]; learnedPosts: number; defaultPosts: number; exploredPosts: number };
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
  /** Added within v1: the optimization recommendations the agents used. */
  recommendations?: CampaignRecommendations;
}

export type CampaignState = CampaignStateV1;
