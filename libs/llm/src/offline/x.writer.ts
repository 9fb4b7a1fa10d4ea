import { fitsLength } from '../limits';
import type { Material } from './writer';
import { withEmoji } from './writer';
import type { Rng } from './random';
import { dropSentences, fitText } from './text';

export interface XPost {
  text: string;
  threadParts?: string[];
  hashtags: string[];
  callToAction?: string;
}

const fitsX = (text: string) => fitsLength('x', text);
/** Kinds that make a point in a few posts; list-like kinds (tips, myths, mistakes…) get 4–6 parts. */
const SHORT_THREAD_KINDS = new Set(['question', 'announce', 'offer', 'invite', 'feature']);

function compose(hook: string, body: string, cta: string, tags: string, inline: boolean): string {
  const lead = [hook, body].filter(Boolean).join(inline ? ' ' : '\n\n');
  const tail = [cta, tags].filter(Boolean).join(' ');
  return tail ? `${lead}\n\n${tail}` : lead;
}

/** The 1–2 hashtags an X post carries. */
export function xTags(pool: readonly string[], rng: Rng): string[] {
  return pool.slice(0, rng.chance(0.55) ? 2 : 1);
}

/** A single post: hook, one talking point (or the question), call to action, hashtags; shortened until it fits 280. */
export function writeXSingle(m: Material, tags: string[], rng: Rng): XPost {
  const tagLine = tags.join(' ');
  const hook = withEmoji(m.hook, m.emoji);
  const body = m.kind === 'question' ? m.question : m.kind === 'howto' ? m.points.slice(0, 3).join(' ') : (m.points[0] ?? '');
  const inline = rng.chance(0.5);
  const withCta = dropSentences(body, (b) => fitsX(compose(hook, b, m.cta, tagLine, inline)));
  if (withCta) return { text: compose(hook, withCta, m.cta, tagLine, inline), hashtags: tags, callToAction: m.cta };
  const bare = dropSentences(body, (b) => fitsX(compose(hook, b, '', tagLine, inline)));
  if (bare) return { text: compose(hook, bare, '', tagLine, inline), hashtags: tags };
  const shortHook = fitText(hook, (h) => fitsX(compose(h, '', '', tagLine, inline)));
  return { text: compose(shortHook, '', '', tagLine, inline), hashtags: tags };
}

/** A numbered thread of 3–6 parts; the hashtags ride in the first part (which is also the post's `text`). */
export function writeXThread(m: Material, tags: string[], rng: Rng): XPost {
  const items = m.kind === 'question' ? [m.question, ...m.points] : m.points;
  const wanted = m.kind === 'howto' ? 6 : SHORT_THREAD_KINDS.has(m.kind) ? rng.between(3, 5) : rng.between(4, 6);
  const n = Math.max(3, Math.min(6, wanted, items.length + 2));
  const marker = m.emoji ? ' 🧵' : '';
  const tagLine = tags.join(' ');
  const first = fitText(m.hook, (h) => fitsX(`1/${n} ${h}${marker}\n\n${tagLine}`));
  const parts = [`1/${n} ${first}${marker}\n\n${tagLine}`];
  for (let i = 2; i < n; i++) {
    const item = items[i - 2] ?? m.audienceLine;
    parts.push(`${i}/${n} ${fitText(item, (t) => fitsX(`${i}/${n} ${t}`))}`);
  }
  const closing = m.kind === 'question' ? m.signOff : m.question;
  const last = dropSentences(`${closing} ${m.cta}`, (t) => fitsX(`${n}/${n} ${t}`)) || fitText(closing, (t) => fitsX(`${n}/${n} ${t}`));
  parts.push(`${n}/${n} ${last}`);
  const text = parts[0] ?? '';
  return { text, threadParts: parts, hashtags: tags, ...(last.includes(m.cta) ? { callToAction: m.cta } : {}) };
}
