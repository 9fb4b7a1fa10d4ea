import type { CampaignSpec, Strategy } from '@app/contracts';
import type { LlmRequest } from '@app/llm';
import { STEP_OUTPUT_SCHEMAS } from '@app/llm';

export const CONTENT_PROMPT_VERSION = 'content.write/1';

export function contentRequest(spec: CampaignSpec, strategy: Strategy): LlmRequest<'content.write'> {
  const plan = strategy.plan.map((p) => `- ${p.planId} [${p.platform}/${p.format}] pillar "${p.pillar}": ${p.angle}`).join('\n');
  return {
    step: 'content.write',
    promptVersion: CONTENT_PROMPT_VERSION,
    system:
      'You are the Content Writer agent of a social media team. Write one post per plan entry, native to its platform, ' +
      `in the brand voice. X: each text and each numbered thread part at most 280 characters by X's weighted count ` +
      '(URLs 23, emoji 2). Instagram: caption at most 2,200 characters and 30 hashtags, first line a hook. ' +
      'Facebook: conversational, ends with a question or call to action. No two posts alike. Answer only with JSON.',
    prompt: [
      `Campaign: ${spec.name}. Goal: ${spec.goal}. Audience: ${spec.targetAudience ?? 'general'}. Voice: ${spec.brandVoice ?? 'friendly'}.`,
      `Key messages: ${strategy.keyMessages.join(' | ')}`,
      `Plan:\n${plan}`,
    ].join('\n'),
    input: { spec, strategy },
    schema: STEP_OUTPUT_SCHEMAS['content.write'],
  };
}
