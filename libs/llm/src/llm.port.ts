import type { CampaignSpec, ContentPillar, ContentType, LlmUsage, PlannedPost, PostDraft, Strategy, Visual } from '@app/contracts';

/** The agent steps that call a model. Each has a typed input, a typed output and a JSON schema. */
export type LlmStep = 'strategy.plan' | 'content.write' | 'creative.design';

/**
 * What the Optimization agent learned from the account's past posts. Absent until analytics has data (the
 * analytics issue fills it); the Strategy prompt includes it when present.
 */
export interface StrategyInsights {
  /** Best posting slots per platform, in the campaign's time zone. */
  bestSlots?: Array<{ platform: string; weekday: number; hour: number; expectedLift: number }>;
  /** Findings about content, e.g. "carousels get 1.8x the saves of single images (n=42)". */
  contentFindings?: string[];
  /** Formats that did significantly better on a platform (lift = relative difference, n = posts with it). */
  formatPreferences?: Array<{ platform: string; format: ContentType; lift: number; n: number }>;
}

export interface StrategyStepInput {
  spec: CampaignSpec;
  insights?: StrategyInsights;
}
export type StrategyStepOutput = Strategy;

export interface ContentStepInput {
  spec: CampaignSpec;
  strategy: Strategy;
}
/** One written post per entry of `strategy.plan`, in plan order. */
export type WrittenPost = Omit<PostDraft, 'id' | 'visual' | 'scheduledTime'>;
export interface ContentStepOutput {
  posts: WrittenPost[];
}

export interface CreativeStepInput {
  spec: CampaignSpec;
  pillars: ContentPillar[];
  /** Only the posts that need a visual. */
  posts: Array<Pick<PostDraft, 'id' | 'platform' | 'contentType' | 'pillar' | 'text' | 'hashtags'>>;
}
export interface CreativeStepOutput {
  visuals: Array<{ postId: string } & Visual>;
}

export interface StepTypes {
  'strategy.plan': { input: StrategyStepInput; output: StrategyStepOutput };
  'content.write': { input: ContentStepInput; output: ContentStepOutput };
  'creative.design': { input: CreativeStepInput; output: CreativeStepOutput };
}

export type StepInput<S extends LlmStep> = StepTypes[S]['input'];
export type StepOutput<S extends LlmStep> = StepTypes[S]['output'];

export interface LlmRequest<S extends LlmStep> {
  step: S;
  /** Version of the prompt template; recorded with the usage so results can be compared across versions. */
  promptVersion: string;
  system: string;
  prompt: string;
  input: StepInput<S>;
  /** JSON Schema (the subset structured-output APIs accept) of the step's output. */
  schema: Record<string, unknown>;
  /**
   * A repair turn: the previous answer was rejected. Real providers send it back as the model's turn followed by
   * a user turn listing the problems and asking for a corrected, complete answer. The offline provider ignores it.
   */
  repair?: LlmRepair;
}

export interface LlmRepair {
  /** The previous answer, as the model sent it. */
  previousOutput: string;
  /** What was wrong with it (validation errors, or "not valid JSON"). */
  problems: string[];
}

export interface LlmResult<S extends LlmStep> {
  output: StepOutput<S>;
  usage: LlmUsage;
}

/** The port every agent calls. Providers: offline (deterministic, no network), Gemini, OpenAI-compatible. */
export interface LlmProvider {
  readonly name: string;
  generate<S extends LlmStep>(request: LlmRequest<S>): Promise<LlmResult<S>>;
}

export const LLM_PROVIDER = Symbol('LLM_PROVIDER');

export type { PlannedPost };
