import type { MediaType, Platform } from '@app/contracts';
import { contentFeatures, type ContentFeatures } from './content-features';
import { normalSample, pickWeighted, createRandom, type Random } from './random';

/**
 * The simulator's content side: how much each content feature multiplies engagement for one audience
 * (typical published effects, varied mildly by seed), and random post texts whose features vary like a
 * real account's.
 */
export interface ContentEffects {
  media: Record<MediaType, number>;
  question: number;
  link: number;
  hashtags: Record<ContentFeatures['hashtags'], number>;
  length: Record<ContentFeatures['length'], number>;
  thread: number;
  /** Per-pillar multiplier, for the pillars the simulated texts use. */
  pillar: Record<string, number>;
}

export const SIMULATED_PILLARS = ['tips', 'behind-the-scenes', 'product', 'community'] as const;

/** The audience's content effects: the typical values × exp(N(0, 0.06)) per effect (mild variation by seed). */
export function contentEffects(seed: string): ContentEffects {
  const random = createRandom(`content:${seed}`);
  const vary = (typical: number): number => typical * Math.exp(0.06 * normalSample(random));
  return {
    media: { text: vary(1), link: vary(0.85), image: vary(1.3), carousel: vary(1.4), video: vary(1.25) },
    question: vary(1.15),
    link: vary(0.9),
    hashtags: { '0': 1, '1-2': vary(1.1), '3-5': vary(1.0), '6+': vary(0.85) },
    length: { short: vary(1.05), medium: 1, long: vary(0.8) },
    thread: vary(1.1),
    pillar: Object.fromEntries(SIMULATED_PILLARS.map((p) => [p, Math.exp(0.12 * normalSample(random))])),
  };
}

/** The product of the effects that apply to a post's features (1 = an average text post). */
export function contentMultiplier(effects: ContentEffects, features: ContentFeatures): number {
  let m = effects.media[features.media] * effects.hashtags[features.hashtags] * effects.length[features.length];
  if (features.question === 'yes') m *= effects.question;
  if (features.link === 'yes' && features.media !== 'link') m *= effects.link;
  if (features.format === 'thread') m *= effects.thread;
  if (features.pillar) m *= effects.pillar[features.pillar] ?? 1;
  return m;
}

const SENTENCES = [
  'We shipped a small change today that makes scheduling posts faster.',
  'Here is what we learned after a month of testing three formats.',
  'Our team spent the week talking to customers about their mornings.',
  'A quick tip: write the hook first, then cut everything that does not support it.',
  'Behind the scenes, the new dashboard took four rewrites to feel simple.',
  'Thank you to everyone who joined the community call yesterday.',
  'Three habits that keep a content calendar alive through busy weeks.',
  'The data surprised us: shorter captions did not always win.',
  'We are hiring a designer who loves clear, friendly interfaces.',
  'Save this checklist for your next launch week.',
  'Every Friday we share one thing that went wrong and what we changed.',
  'Small teams can publish consistently without burning out.',
];
const QUESTIONS = ['What would you add?', 'Which one do you use?', 'How does your team plan the week?', 'Would this help you?', 'What should we test next?'];
const TAGS = ['marketing', 'socialmedia', 'startup', 'contentcreation', 'smallbusiness', 'growth', 'design', 'productivity', 'tips'];

const MEDIA_MIX: Record<Platform, ReadonlyArray<readonly [MediaType, number]>> = {
  x: [['text', 0.45], ['image', 0.3], ['link', 0.15], ['video', 0.1]],
  instagram: [['image', 0.5], ['carousel', 0.3], ['video', 0.2]],
  facebook: [['text', 0.3], ['image', 0.35], ['link', 0.2], ['video', 0.1], ['carousel', 0.05]],
  linkedin: [['text', 0.4], ['image', 0.25], ['link', 0.15], ['carousel', 0.15], ['video', 0.05]],
  bluesky: [['text', 0.55], ['image', 0.3], ['link', 0.15]],
  mastodon: [['text', 0.55], ['image', 0.3], ['link', 0.15]],
};
const LONG_TEXT: Record<Platform, number> = { x: 0, bluesky: 0, mastodon: 0.1, instagram: 0.25, facebook: 0.25, linkedin: 0.3 };
const THREADS = new Set<Platform>(['x', 'bluesky', 'mastodon']);

export interface SimulatedContent {
  text: string;
  mediaType: MediaType;
  format: string;
  pillar: string;
  hashtags: string[];
  features: ContentFeatures;
}

/** One random post of the platform, with the features `contentFeatures` reads from it. */
export function simulatedContent(platform: Platform, random: Random): SimulatedContent {
  const mediaType = pickWeighted(random, MEDIA_MIX[platform]);
  const pillar = SIMULATED_PILLARS[Math.floor(random() * SIMULATED_PILLARS.length)];
  const format = mediaType === 'carousel' ? 'carousel' : THREADS.has(platform) && random() < 0.15 ? 'thread' : 'single';
  const longShare = LONG_TEXT[platform];
  const target = pickWeighted(random, [[40, 0.45 - longShare / 2], [180, 0.55 - longShare / 2], [420, longShare]]);
  const parts: string[] = [];
  while (parts.join(' ').length < target) parts.push(SENTENCES[Math.floor(random() * SENTENCES.length)]);
  if (random() < 0.3) parts.push(QUESTIONS[Math.floor(random() * QUESTIONS.length)]);
  if (mediaType === 'link' || random() < 0.1) parts.push(`https://example.com/p/${Math.floor(random() * 1e6)}`);
  const tagCount = pickWeighted(random, [[0, 0.35], [1 + Math.floor(random() * 2), 0.35], [3 + Math.floor(random() * 3), 0.2], [6 + Math.floor(random() * 3), 0.1]]);
  const hashtags = TAGS.slice(0, tagCount).map((t) => `#${t}`);
  const text = [...parts, ...hashtags].join(' ');
  return { text, mediaType, format, pillar, hashtags, features: contentFeatures({ text, mediaType, format, pillar }) };
}
