import type { components } from './schema';

/** Short names for the API's shapes, all generated from the gateway's OpenAPI document (./schema.d.ts). */
type Schemas = components['schemas'];

export type CampaignSummary = Schemas['CampaignSummaryDto'];
export type CampaignView = Schemas['CampaignViewDto'];
export type CampaignPage = Schemas['CampaignPageDto'];
export type CreateCampaign = Schemas['CreateCampaignDto'];
export type StageView = Schemas['StageViewDto'];
export type Strategy = Schemas['StrategyDto'];
export type PostView = Schemas['PostViewDto'];
export type PostPage = Schemas['PostPageDto'];
export type AttemptView = Schemas['AttemptViewDto'];
export type Visual = Schemas['VisualDto'];
export type ConnectionView = Schemas['ConnectionViewDto'];
export type ConnectPlatform = Schemas['ConnectPlatformDto'];
export type CampaignAnalytics = Schemas['CampaignAnalyticsDto'];
export type PostAnalyticsSummary = Schemas['PostAnalyticsSummaryDto'];
export type CampaignOptimization = Schemas['CampaignOptimizationDto'];
export type AccountRecommendations = Schemas['AccountRecommendationsDto'];
export type SlotEstimate = Schemas['SlotEstimateDto'];
export type RecommendedSlot = Schemas['RecommendedSlotDto'];

export type Platform = PostView['platform'];
export type PostStatus = PostView['status'];
export type CampaignStatus = CampaignSummary['status'];

export const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

/** Every platform, in the order above (a Record over the generated union: a new platform fails the type check until named). */
export const PLATFORM_ORDER = Object.keys(PLATFORM_NAMES) as readonly Platform[];
