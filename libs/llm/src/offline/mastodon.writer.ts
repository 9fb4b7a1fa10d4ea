import type { ContentType } from '@app/contracts';
import type { Rng } from './random';
import type { ShortPost } from './short.writer';
import { writeShortSingle, writeThread } from './short.writer';
import type { Material } from './writer';

/**
 * A Mastodon post within 500 characters: a single post of the hook, two talking points and a question (or a
 * how-to's first steps), or a numbered thread of 3–6 parts with two points to a part. Its 2–4 hashtags are
 * CamelCase, as `toHashtag` builds every tag, so that screen readers read them word by word.
 */
export function writeMastodon(m: Material, format: ContentType, pool: readonly string[], rng: Rng): ShortPost {
  const tags = pool.slice(0, rng.between(2, 4));
  if (format === 'thread') return writeThread('mastodon', m, tags, rng, 2);
  const points = m.points.slice(0, m.kind === 'howto' ? 3 : 2).join(' ');
  const body = m.kind === 'question' ? `${m.question} ${m.points[0] ?? ''}` : m.kind === 'howto' ? points : `${points} ${m.question}`;
  return writeShortSingle('mastodon', m, body.trim(), tags, rng);
}
