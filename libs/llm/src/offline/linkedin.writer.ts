import type { ContentType } from '@app/contracts';
import type { PostKind } from './phrases';
import type { Rng } from './random';
import type { CaptionPost, Material } from './writer';
import { assembleCaption } from './writer';

/** Kinds whose talking points read as a numbered list; the others get a short paragraph each. */
const LIST_KINDS: ReadonlySet<PostKind> = new Set(['tips', 'mistakes', 'myth', 'lessons']);

const LIST_INTROS: readonly string[] = ['What we’d suggest:', 'In practice:', 'Here’s what works:', 'The short version:'];

/** The talking points as LinkedIn lays them out: numbered lines under an intro, or one short paragraph each. */
function pointBlocks(m: Material, count: number, rng: Rng): string[] {
  const points = m.points.slice(0, count);
  if (m.kind === 'howto') return [points.join('\n')];
  if (!LIST_KINDS.has(m.kind)) return points;
  return [`${rng.pick(LIST_INTROS)}\n${points.map((p, i) => `${i + 1}. ${p}`).join('\n')}`];
}

/**
 * A LinkedIn post within 3,000 characters, in a professional register (no emoji, the hook ends on a full
 * stop): a hook line, the talking points as short paragraphs or a list (two for an image post, three or four
 * otherwise), who it is for, a question, the call to action and 3–5 hashtags on the last line.
 */
export function writeLinkedIn(m: Material, format: ContentType, pool: readonly string[], rng: Rng): CaptionPost {
  const tags = pool.slice(0, rng.between(3, 5));
  const hook = m.hook.replace(/([^!?])!+$/u, '$1.');
  const count = format === 'image' ? 2 : rng.between(3, 4);
  const points = m.kind === 'question' ? [m.points[0] ?? ''] : pointBlocks(m, count, rng);
  const body = [...points, m.audienceLine, m.question].filter(Boolean);
  const text = assembleCaption('linkedin', hook, body, m.cta, tags);
  return { text, hashtags: tags.filter((t) => text.includes(t)), callToAction: m.cta };
}
