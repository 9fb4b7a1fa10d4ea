import type { ContentType } from '@app/contracts';
import type { Rng } from './random';
import type { ShortPost } from './short.writer';
import { writeShortSingle, writeThread } from './short.writer';
import type { Material } from './writer';

/**
 * A Bluesky post within 300 graphemes (an emoji is one, however many code points it takes), with one or two
 * hashtags: a single post of the hook, a talking point and a question to reply to (or a how-to's first steps),
 * or a numbered thread of 3–6 parts.
 */
export function writeBluesky(m: Material, format: ContentType, pool: readonly string[], rng: Rng): ShortPost {
  const tags = pool.slice(0, rng.between(1, 2));
  if (format === 'thread') return writeThread('bluesky', m, tags, rng);
  const body = m.kind === 'question' ? m.question : m.kind === 'howto' ? m.points.slice(0, 2).join(' ') : `${m.points[0] ?? ''} ${m.question}`.trim();
  return writeShortSingle('bluesky', m, body, tags, rng);
}
