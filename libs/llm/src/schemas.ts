import { CONTENT_TYPES, PLATFORMS, PLATFORM_LIMITS } from '@app/contracts';
import type { Platform, PlatformLimits } from '@app/contracts';
import type { LlmStep } from './llm.port';
import { LENGTH_UNITS, PLATFORM_NAMES } from './validate/helpers';

/**
 * JSON Schemas of each step's output, limited to the subset structured-output APIs accept (Gemini's
 * `responseJsonSchema`): type, properties, required, items, enum, description, minItems, maxItems.
 * Length and alignment rules a schema cannot express are checked by `validateStepOutput`.
 */
const str = (description: string) => ({ type: 'string', description });
const platform = { type: 'string', enum: [...PLATFORMS], description: 'Target platform.' };
const contentType = { type: 'string', enum: [...CONTENT_TYPES], description: 'Shape of the post on its platform.' };

const COUNTING_NOTES: Partial<Record<PlatformLimits['lengthCounting'], string>> = { 'x-weighted': ' (URLs count 23, emoji 2)', graphemes: ' (user-perceived characters: an emoji counts 1)' };
/** "X: at most 280 weighted characters (…); Instagram: at most 2,200 characters; …", from PLATFORM_LIMITS. */
const lengthRules = (platforms: readonly Platform[]) =>
  platforms
    .map((p) => {
      const { maxTextLength, lengthCounting } = PLATFORM_LIMITS[p];
      return `${PLATFORM_NAMES[p]}: at most ${maxTextLength.toLocaleString('en-US')} ${LENGTH_UNITS[lengthCounting]}${COUNTING_NOTES[lengthCounting] ?? ''}`;
    })
    .join('; ');
const THREAD_PLATFORMS = PLATFORMS.filter((p) => PLATFORM_LIMITS[p].maxThreadParts > 1);

export const STRATEGY_OUTPUT_SCHEMA = {
  type: 'object',
  description: 'A content strategy and post-by-post plan for the campaign.',
  properties: {
    summary: str('Two or three sentences: what the campaign does, for whom, and how.'),
    audienceInsight: str('What the target audience cares about and how that shapes the content.'),
    pillars: {
      type: 'array',
      minItems: 3,
      maxItems: 5,
      description: 'Content pillars derived from the content themes (and the goal when themes are few).',
      items: { type: 'object', properties: { name: str('Short pillar name.'), description: str('What posts in this pillar cover.') }, required: ['name', 'description'] },
    },
    keyMessages: { type: 'array', minItems: 3, maxItems: 5, items: str('One key message.') },
    cadence: {
      type: 'array',
      minItems: 1,
      description: 'Posting frequency, one entry per target platform.',
      items: { type: 'object', properties: { platform, postsPerWeek: { type: 'number', description: 'Posts per week.' } }, required: ['platform', 'postsPerWeek'] },
    },
    kpis: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', properties: { name: str('Metric.'), target: str('Target value and time frame.') }, required: ['name', 'target'] },
    },
    plan: {
      type: 'array',
      minItems: 1,
      description: 'One entry per post: round(postsPerWeek * durationDays / 7) (at least 1) per platform.',
      items: {
        type: 'object',
        properties: {
          planId: str('Unique slot id such as "x-01" or "instagram-02".'),
          platform,
          pillar: str('Name of one of the pillars.'),
          format: contentType,
          angle: str('What this post is about, in one sentence; distinct for every post.'),
          day: { type: 'integer', description: 'Day of the campaign, 0-based, below durationDays.' },
        },
        required: ['planId', 'platform', 'pillar', 'format', 'angle', 'day'],
      },
    },
  },
  required: ['summary', 'audienceInsight', 'pillars', 'keyMessages', 'cadence', 'kpis', 'plan'],
} as const;

export const CONTENT_OUTPUT_SCHEMA = {
  type: 'object',
  description: 'The written posts, exactly one per planned post, in plan order.',
  properties: {
    posts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          planId: str('The planId of the planned post this writes.'),
          platform,
          contentType,
          pillar: str('The pillar of the planned post.'),
          text: str(`The post body; for a thread, the first part. ${lengthRules(PLATFORMS)}.`),
          threadParts: {
            type: 'array',
            minItems: 2,
            maxItems: 25,
            description: `Threads only (${THREAD_PLATFORMS.map((p) => PLATFORM_NAMES[p]).join(', ')}): every part, numbered "1/n …", each within one post's limit: ${lengthRules(THREAD_PLATFORMS)}.`,
            items: str('One part of the thread.'),
          },
          hashtags: {
            type: 'array',
            maxItems: 30,
            description: 'Hashtags used in the text, each starting with # and in CamelCase so screen readers can read them (Mastodon users expect it).',
            items: str('A hashtag such as #PlantCare.'),
          },
          callToAction: str('The call to action used in the post, if any.'),
        },
        required: ['planId', 'platform', 'contentType', 'pillar', 'text', 'hashtags'],
      },
    },
  },
  required: ['posts'],
} as const;

export const CREATIVE_OUTPUT_SCHEMA = {
  type: 'object',
  description: 'One visual per input post.',
  properties: {
    visuals: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          postId: str('The id of the post this visual belongs to.'),
          concept: str('Art direction in one or two sentences.'),
          imagePrompt: str('A detailed image-generation prompt: subject, composition, style, lighting, palette, aspect ratio, no text in the image.'),
          altText: str('Alternative text for screen readers, at most 250 characters.'),
        },
        required: ['postId', 'concept', 'imagePrompt', 'altText'],
      },
    },
  },
  required: ['visuals'],
} as const;

export const STEP_OUTPUT_SCHEMAS: Readonly<Record<LlmStep, Record<string, unknown>>> = {
  'strategy.plan': STRATEGY_OUTPUT_SCHEMA,
  'content.write': CONTENT_OUTPUT_SCHEMA,
  'creative.design': CREATIVE_OUTPUT_SCHEMA,
};
