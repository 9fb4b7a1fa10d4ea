import type { CampaignSpec, Strategy } from '@app/contracts';
import type { LlmRequest } from '@app/llm';
import { STEP_OUTPUT_SCHEMAS } from '@app/llm';

export const CONTENT_PROMPT_VERSION = 'content.write/2';

export function contentRequest(spec: CampaignSpec, strategy: Strategy): LlmRequest<'content.write'> {
  const plan = strategy.plan.map((p) => `- ${p.planId} [${p.platform}/${p.format}] pillar "${p.pillar}": ${p.angle}`).join('\n');
  return {
    step: 'content.write',
    promptVersion: CONTENT_PROMPT_VERSION,
    system:
      'You are the Content Writer agent of a social media team. Write one post per plan entry, native to its platform, ' +
      `in the brand voice. X: each text and each numbered thread part at most 280 characters by X's weighted count ` +
      '(URLs 23, emoji 2). Instagram: caption at most 2,200 characters and 30 hashtags, first line a hook. ' +
      'Facebook: conversational, ends with a question or call to action. LinkedIn: professional, short paragraphs, at most ' +
      '3,000 characters, 3-5 hashtags at the end. Bluesky: at most 300 graphemes per post or thread part, 1-2 hashtags. ' +
      'Mastodon: at most 500 characters, CamelCase hashtags (for screen readers). No two posts alike. Answer only with JSON.',
    prompt: [
      `Campaign: ${spec.name}. Goal: ${spec.goal}. Audience: ${spec.targetAudience ?? 'general'}. Voice: ${spec.brandVoice ?? 'friendly'}.`,
      `Key messages: ${strategy.keyMessages.join(' | ')}`,
      `Plan:\n${plan}`,
    ].join('\n'),
    input: { spec, strategy },
    schema: STEP_OUTPUT_SCHEMAS['content.write'],
  };
}
