import type { CampaignSpec, ContentPillar } from '@app/contracts';
import type { CreativeStepInput, LlmRequest } from '@app/llm';
import { STEP_OUTPUT_SCHEMAS } from '@app/llm';

export const CREATIVE_PROMPT_VERSION = 'creative.design/1';

export function creativeRequest(spec: CampaignSpec, pillars: ContentPillar[], posts: CreativeStepInput['posts']): LlmRequest<'creative.design'> {
  return {
    step: 'creative.design',
    promptVersion: CREATIVE_PROMPT_VERSION,
    system:
      'You are the Creative agent of a social media team. For each post, propose a visual concept, a detailed ' +
      'image-generation prompt (subject, composition, style, lighting, palette, aspect ratio for the platform, no text ' +
      'in the image) and alt text of at most 250 characters. Answer only with JSON.',
    prompt: [
      `Campaign: ${spec.name}. Goal: ${spec.goal}. Voice: ${spec.brandVoice ?? 'friendly'}.`,
      ...posts.map((p) => `- ${p.id} [${p.platform}/${p.contentType}] ${p.text.slice(0, 200)}`),
    ].join('\n'),
    input: { spec, pillars, posts },
    schema: STEP_OUTPUT_SCHEMAS['creative.design'],
  };
}
