import { PIPELINE_STAGES } from '@app/contracts';
import type { StageRun } from '@app/contracts';
import type { CampaignPost } from '../posts/campaign-post.entity';
import { toPostView } from '../posts/post-view.mapper';
import type { Campaign, CampaignFailure } from './campaign.entity';
import type { CampaignSummaryDto, CampaignViewDto, StageViewDto, UsageTotalDto } from './dto/campaign-view.dto';

/**
 * The four pipeline stages in order, whatever has run: the latest recorded run of a stage gives its status,
 * times and usage; a campaign failure names the stage it failed at (a failed stage is not in the state's
 * history, because the failing agent publishes campaign.failed instead of the next state), which overrides
 * that stage. Stages with neither are pending.
 */
export function mergeStages(runs: readonly StageRun[], failure: CampaignFailure | null): StageViewDto[] {
  return PIPELINE_STAGES.map((stage) => {
    const run = [...runs].reverse().find((r) => r.stage === stage);
    const view: StageViewDto = {
      stage,
      status: run?.status ?? 'pending',
      startedAt: run?.startedAt ?? null,
      finishedAt: run?.finishedAt ?? null,
      error: run?.error ?? null,
      usage: run?.usage ?? null,
    };
    if (failure?.stage === stage) {
      view.status = 'failed';
      view.error = failure.reason;
      view.finishedAt = failure.failedAt;
    }
    return view;
  });
}

export function toCampaignSummary(campaign: Campaign): CampaignSummaryDto {
  return {
    id: campaign.id,
    kind: campaign.kind,
    name: campaign.name,
    status: campaign.status,
    targetPlatforms: campaign.targetPlatforms,
    startDate: campaign.startDate.toISOString(),
    durationDays: campaign.durationDays,
    timezone: campaign.timezone,
    revision: campaign.revision,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export function toCampaignView(campaign: Campaign, posts: readonly CampaignPost[]): CampaignViewDto {
  return {
    ...toCampaignSummary(campaign),
    goal: campaign.goal,
    targetAudience: campaign.targetAudience,
    brandVoice: campaign.brandVoice,
    contentThemes: campaign.contentThemes,
    // An ad-hoc campaign never goes through the agents: no pipeline stages to show.
    stages: campaign.kind === 'adhoc' ? [] : mergeStages(campaign.stages, campaign.failure),
    usage: totalUsage(campaign.stages),
    strategy: campaign.strategyOutput,
    failure: campaign.failure,
    recommendations: campaign.recommendations ?? null,
    executionRequestedAt: campaign.executionRequestedAt?.toISOString() ?? null,
    posts: posts.map((post) => toPostView(post)),
  };
}

/** The campaign's model use over every stage run (a stage without a model call adds nothing). */
export function totalUsage(runs: readonly StageRun[]): UsageTotalDto {
  const total: UsageTotalDto = { modelCalls: 0, tokensIn: 0, tokensOut: 0, latencyMs: 0 };
  for (const { usage } of runs) {
    if (!usage) continue;
    total.modelCalls += usage.calls ?? 1;
    total.tokensIn += usage.tokensIn;
    total.tokensOut += usage.tokensOut;
    total.latencyMs += usage.latencyMs;
  }
  total.latencyMs = Math.round(total.latencyMs);
  return total;
}
