import type { ContentType } from '@app/contracts';
import type { Rng } from './random';
import type { ShortPost } from './short.writer';
import { writeShortSingle, writeThread } from './short.writer';
import type { Material } from './writer';

/** The 1–2 hashtags an X post carries. */
function xTags(pool: readonly string[], rng: Rng): string[] {
  return pool.slice(0, rng.chance(0.55) ? 2 : 1);
}

/**
 * An X post within 280 weighted characters: a single post of the hook and one talking point (or the question,
 * or a how-to's first steps), or a numbered thread of 3–6 parts.
 */
export function writeX(m: Material, format: ContentType, pool: readonly string[], rng: Rng): ShortPost {
  const tags = xTags(pool, rng);
  if (format === 'thread') return writeThread('x', m, tags, rng);
  const body = m.kind === 'question' ? m.question : m.kind === 'howto' ? m.points.slice(0, 3).join(' ') : (m.points[0] ?? '');
  return writeShortSingle('x', m, body, tags, rng);
}
