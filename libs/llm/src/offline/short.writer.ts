import type { Platform } from '@app/contracts';
import { fitsOn } from '../limits';
import type { Rng } from './random';
import { dropSentences, fitText } from './text';
import type { Material } from './writer';
import { withEmoji } from './writer';

/** A post on a short-form platform (X, Bluesky, Mastodon); a thread's first part is also its `text`. */
export interface ShortPost {
  text: string;
  threadParts?: string[];
  hashtags: string[];
  callToAction?: string;
}

/** Kinds that make a point in a few posts; list-like kinds (tips, myths, mistakes…) get 4–6 parts. */
const SHORT_THREAD_KINDS = new Set(['question', 'announce', 'offer', 'invite', 'feature']);

function compose(hook: string, body: string, cta: string, tags: string, inline: boolean): string {
  const lead = [hook, body].filter(Boolean).join(inline ? ' ' : '\n\n');
  const tail = [cta, tags].filter(Boolean).join(' ');
  return tail ? `${lead}\n\n${tail}` : lead;
}

/**
 * A single post: hook, body, call to action, hashtags, within the platform's limit. Whole sentences of the body
 * go first, then the call to action, then words of the hook.
 */
export function writeShortSingle(platform: Platform, m: Material, body: string, tags: string[], rng: Rng): ShortPost {
  const fits = fitsOn(platform);
  const tagLine = tags.join(' ');
  const hook = withEmoji(m.hook, m.emoji);
  const inline = rng.chance(0.5);
  const withCta = dropSentences(body, (b) => fits(compose(hook, b, m.cta, tagLine, inline)));
  if (withCta) return { text: compose(hook, withCta, m.cta, tagLine, inline), hashtags: tags, callToAction: m.cta };
  const bare = dropSentences(body, (b) => fits(compose(hook, b, '', tagLine, inline)));
  if (bare) return { text: compose(hook, bare, '', tagLine, inline), hashtags: tags };
  const shortHook = fitText(hook, (h) => fits(compose(h, '', '', tagLine, inline)));
  return { text: compose(shortHook, '', '', tagLine, inline), hashtags: tags };
}

/**
 * A thread of 3–6 parts numbered "i/n", each within the platform's limit: the hook with the hashtags, then the
 * talking points (`perPart` to a part, where the platform allows longer posts), then a closing question and
 * call to action.
 */
export function writeThread(platform: Platform, m: Material, tags: string[], rng: Rng, perPart = 1): ShortPost {
  const fits = fitsOn(platform);
  const items = m.kind === 'question' ? [m.question, ...m.points] : m.points;
  const wanted = m.kind === 'howto' ? 6 : SHORT_THREAD_KINDS.has(m.kind) ? rng.between(3, 5) : rng.between(4, 6);
  const n = Math.max(3, Math.min(6, wanted, Math.ceil(items.length / perPart) + 2));
  const marker = m.emoji ? ' 🧵' : '';
  const opening = (hook: string) => [`1/${n} ${hook}${marker}`, tags.join(' ')].filter(Boolean).join('\n\n');
  const parts = [opening(fitText(m.hook, (h) => fits(opening(h))))];
  for (let i = 2; i < n; i++) {
    const item = items.slice((i - 2) * perPart, (i - 1) * perPart).join(' ') || m.audienceLine;
    parts.push(`${i}/${n} ${fitText(item, (t) => fits(`${i}/${n} ${t}`))}`);
  }
  const closing = m.kind === 'question' ? m.signOff : m.question;
  const last = dropSentences(`${closing} ${m.cta}`, (t) => fits(`${n}/${n} ${t}`)) || fitText(closing, (t) => fits(`${n}/${n} ${t}`));
  parts.push(`${n}/${n} ${last}`);
  const text = parts[0] ?? '';
  return { text, threadParts: parts, hashtags: tags, ...(last.includes(m.cta) ? { callToAction: m.cta } : {}) };
}
