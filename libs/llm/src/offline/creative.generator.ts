import type { ContentPillar } from '@app/contracts';
import { PLATFORM_ASPECT_RATIOS } from '../image/image.port';
import type { CreativeStepInput, CreativeStepOutput } from '../llm.port';
import { textVars } from './context';
import type { CampaignContext } from './context';
import { COMPOSITION, FORMAT_NOTES, SCENES } from './creative.phrases';
import { classifyTheme } from './pillars';
import type { PillarSeed } from './pillars';
import { Rng } from './random';
import { clean, fill, fitText, sentences, shortPhrase } from './text';
import { pillarFor } from './writer';

const MAX_ALT = 250;

/** The post's first sentence without hashtags, numbering or emoji, to anchor the concept in what the post says. */
function gist(text: string): string {
  const plain = clean(text.replace(/^\d+\/\d+\s+/, '').replace(/(^|\s)#[\p{L}\p{M}\p{N}_]+/gu, ' ').replace(/\p{Extended_Pictographic}|\ufe0f/gu, ''));
  return shortPhrase(sentences(plain)[0]?.replace(/[.!?:]+$/, '') ?? plain, 90, 16);
}

function pillarOf(ctx: CampaignContext, pillars: readonly ContentPillar[], name: string): PillarSeed {
  const seed = pillarFor(ctx, name);
  if (ctx.pillars.includes(seed)) return seed;
  const given = pillars.find((p) => p.name === name);
  return { ...seed, type: classifyTheme(`${name} ${given?.description ?? ''}`) };
}

export function generateCreative(ctx: CampaignContext, input: CreativeStepInput, seed: number): CreativeStepOutput {
  const voice = ctx.voice;
  const visuals = input.posts.map((post) => {
    const rng = Rng.derive(seed, post.id);
    const pillar = pillarOf(ctx, input.pillars, post.pillar);
    const vars = textVars(ctx, pillar);
    const scene = fill(rng.pick(SCENES[pillar.type]), vars).replace(/^./, (c) => c.toLowerCase());
    const about = gist(post.text);
    const concept = `${scene.charAt(0).toUpperCase()}${scene.slice(1)}, in a ${voice.mood} mood, visualising “${about}” for the ${pillar.name} pillar. ${FORMAT_NOTES[post.contentType] ?? ''}`.trim();
    const imagePrompt = [
      `Photograph of ${scene}.`,
      `Composition: ${COMPOSITION[post.platform]}.`,
      `Style: authentic editorial lifestyle photography, shallow depth of field, natural textures, ${voice.mood}.`,
      `Lighting: ${voice.lighting}.`,
      `Colour palette: ${voice.palette}.`,
      `Aspect ratio ${PLATFORM_ASPECT_RATIOS[post.platform]}.`,
      'No text, letters, logos or watermarks in the image; no distorted hands or faces.',
    ].join(' ');
    const alt = `Photo of ${scene}, in ${voice.lighting}.`;
    const altText = fitText(alt, (t) => [...t].length <= MAX_ALT);
    return { postId: post.id, concept, imagePrompt, altText };
  });
  return { visuals };
}
