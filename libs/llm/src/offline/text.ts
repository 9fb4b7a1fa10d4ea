/** Small text helpers shared by the offline generators. */

const SYMBOLS = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3#@*_~^`|<>{}[\]\\]/gu;
const EDGE_PUNCT = /^[\s\p{P}\p{S}]+|[\s,;:\-–—/&+.!?]+$/gu;
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'vs']);
/** Words a shortened phrase must not end on. */
const DANGLING = new Set([...MINOR_WORDS, 'about', 'into', 'than', 'that', 'through', 'across', 'like', 'during', 'while', 'when', 'where', 'who', 'which', 'their', 'our', 'my', 'your', 'its', 'this', 'these', 'those', 'is', 'are', 'but', 'so', '&', '+', '-', '–']);

/** Collapse whitespace (including line breaks) and normalise to NFC. */
export function clean(text: string | undefined): string {
  return (text ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Text fit to appear inside a sentence: no emoji, markup symbols or dangling punctuation. */
export function plainPhrase(text: string | undefined): string {
  const dehashed = clean(text).replace(/#([\p{L}\p{N}_]+)/gu, (_m, tag: string) =>
    tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/_/g, ' '),
  );
  return clean(clean(dehashed.replace(SYMBOLS, ' ')).replace(EDGE_PUNCT, ''));
}

export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/** Lower-case a word that is only capitalised because it starts a title or sentence ("Sustainability", not "EcoBottle", "AI" or "I"). */
export function lowerCasual(word: string): string {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(word) ? word.toLowerCase() : word;
}

/** A phrase for mid-sentence use: casual capitals lowered, except words the caller knows are proper nouns. */
export function midSentence(phrase: string, properNouns: ReadonlySet<string> = new Set()): string {
  return phrase
    .split(' ')
    .map((w) => (properNouns.has(w) ? w : lowerCasual(w)))
    .join(' ');
}

export function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) => (i > 0 && MINOR_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : /\p{Lu}/u.test(w.slice(1)) ? w : capitalize(w)))
    .join(' ');
}

/** First words of a phrase, at most `maxChars` long, never cut mid-word; a trailing minor word is dropped. */
export function shortPhrase(phrase: string, maxChars: number, maxWords = 8): string {
  const out: string[] = [];
  let length = 0;
  for (const word of phrase.split(' ')) {
    if (out.length >= maxWords || length + word.length + (out.length ? 1 : 0) > maxChars) break;
    out.push(word);
    length += word.length + (out.length > 1 ? 1 : 0);
  }
  while (out.length > 1 && DANGLING.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  if (out.length === 0) return [...(phrase.split(' ')[0] ?? '')].slice(0, maxChars).join('');
  return out.join(' ').replace(/[,;:\-–—]+$/u, '');
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Replace `{key}` with vars.key; `{Key}` capitalises the value. Unknown keys are left as they are. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  const out = template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = vars[lower];
    if (value === undefined) return match;
    return key.charAt(0) === key.charAt(0).toUpperCase() ? capitalize(value) : value;
  });
  return capitalize(out);
}

/** Split into sentences, keeping the end punctuation. */
export function sentences(text: string): string[] {
  return text.match(/[^.!?…]+(?:[.!?…]+["”’)]*|$)\s*/gu)?.map((s) => s.trim()).filter(Boolean) ?? [text];
}

/** The longest run of leading whole sentences that `fits` accepts; '' when not even the first one fits. */
export function dropSentences(text: string, fits: (t: string) => boolean): string {
  const parts = sentences(text);
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(' ');
    if (fits(candidate)) return candidate;
  }
  return '';
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Shorten text until `fits` accepts it: drop whole sentences from the end first, then whole words
 * (ending with "…"). Never cuts a word in half unless a single word is longer than the limit, and then
 * between graphemes, so an emoji or an accented letter is never split.
 */
export function fitText(text: string, fits: (t: string) => boolean): string {
  if (fits(text)) return text;
  const whole = dropSentences(text, fits);
  if (whole) return whole;
  const parts = sentences(text);
  const words = (parts[0] ?? text).split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:\-–—]+$/u, '')}…`;
    if (fits(candidate)) return candidate;
  }
  const chars = Array.from(GRAPHEMES.segment(words[0] ?? ''), (g) => g.segment);
  while (chars.length > 0 && !fits(`${chars.join('')}…`)) chars.pop();
  return chars.length ? `${chars.join('')}…` : '';
}
