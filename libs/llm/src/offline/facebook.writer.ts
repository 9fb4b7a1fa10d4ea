import { fitsLength } from '../limits';
import type { Rng } from './random';
import { fitText } from './text';
import type { Material } from './writer';
import { withEmoji } from './writer';

export interface FacebookPost {
  text: string;
  hashtags: string[];
  callToAction?: string;
}

/** A conversational Facebook post: 2–4 short paragraphs ending on a question or call to action, 0–3 hashtags. */
export function writeFacebook(m: Material, pool: readonly string[], rng: Rng, opener: string): FacebookPost {
  const tags = pool.slice(0, rng.int(4));
  const opening = !m.leadIn && rng.chance(0.45) ? `${opener} ${m.hook}` : m.hook;
  const ask = m.kind === 'question' ? `${m.question} ${m.points[0] ?? ''}`.trim() : rng.chance(0.6) ? `${m.question} ${m.cta}` : m.cta;
  const middle = m.kind === 'question' ? [m.audienceLine] : [`${m.points[0] ?? ''} ${m.points[1] ?? ''}`.trim(), `${m.points[2] ?? ''} ${m.audienceLine}`.trim()];
  const count = rng.between(2, 4);
  const paragraphs =
    count === 2 ? [`${withEmoji(opening, m.emoji)} ${middle[0] ?? ''}`.trim(), ask] : [withEmoji(opening, m.emoji), ...middle.slice(0, count - 2), ask];
  const tagLine = tags.join(' ');
  let text = paragraphs.filter(Boolean).join('\n\n') + (tagLine ? `\n${tagLine}` : '');
  if (!fitsLength('facebook', text)) text = fitText(text, (t) => fitsLength('facebook', t));
  return { text, hashtags: tags.filter((t) => text.includes(t)), ...(ask.includes(m.cta) ? { callToAction: m.cta } : {}) };
}
