import type { LlmRequest, StrategyInsights } from '@app/llm';
import { STEP_OUTPUT_SCHEMAS } from '@app/llm';
import type { CampaignSpec } from '@app/contracts';

export const STRATEGY_PROMPT_VERSION = 'strategy.plan/1';

export function strategyRequest(spec: CampaignSpec, insights?: StrategyInsights): LlmRequest<'strategy.plan'> {
  return {
    step: 'strategy.plan',
    promptVersion: STRATEGY_PROMPT_VERSION,
    system:
      'You are the Strategy agent of a social media team. You turn a campaign goal into a content strategy: ' +
      'pillars, key messages, audience insight, a posting cadence per platform, KPIs and a day-by-day content plan. ' +
      'Answer only with JSON matching the schema.',
    prompt: [
      `Campaign: ${spec.name}`,
      `Goal: ${spec.goal}`,
      `Audience: ${spec.targetAudience ?? 'not specified'}`,
      `Brand voice: ${spec.brandVoice ?? 'not specified'}`,
      `Themes: ${spec.contentThemes.join(', ') || 'none given'}`,
      `Platforms: ${spec.targetPlatforms.join(', ')}`,
      `Runs ${spec.durationDays} days from ${spec.startDate} (${spec.timezone}).`,
      'Plan one entry per post, spread over the days, rotating pillars, with a format that suits each platform.',
      ...(insights ? ['Use what past posts of this account showed (insights in the input): favour what performed.'] : []),
    ].join('\n'),
    input: insights ? { spec, insights } : { spec },
    schema: STEP_OUTPUT_SCHEMAS['strategy.plan'],
  };
}
