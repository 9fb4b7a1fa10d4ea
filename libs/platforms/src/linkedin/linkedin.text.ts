/**
 * LinkedIn's "little text" format for `commentary` (§6.3): the reserved characters `\ | { } @ [ ] ( ) < > # * _ ~`
 * must be backslash-escaped, hashtags are written as a `{hashtag|\#|tag}` template (exact template unconfirmed,
 * so it is optional) and mentions as `@[Name](urn:li:…)`. Unescaped reserved characters make LinkedIn cut the
 * text short, so everything the user wrote is escaped.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|\s)#([\p{L}\p{N}_]+)/gu;
const TEMPLATE = /\{hashtag\|\\#\|((?:\\.|[^\\}])*)\}/y;
const MENTION = /@\[((?:\\.|[^\\\]])*)\]\((urn:li:[^)\s]+)\)/y;

export type HashtagStyle = 'template' | 'escape';

export function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (c) => `\\${c}`);
}

/** The commentary to send for a plain text: reserved characters escaped, hashtags as templates (or escaped). */
export function toLittleText(text: string, hashtags: HashtagStyle = 'template'): string {
  if (hashtags === 'escape') return escapeLittleText(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(HASHTAG)) {
    const start = match.index + match[1].length;
    out += `${escapeLittleText(text.slice(last, start))}{hashtag|\\#|${escapeLittleText(match[2])}}`;
    last = start + 1 + match[2].length;
  }
  return out + escapeLittleText(text.slice(last));
}

export interface ParsedLittleText {
  /** The text a reader sees (templates rendered, escapes removed). */
  text: string;
  /** Where the text stopped at an unescaped reserved character (strict parsing only). */
  truncatedAt?: number;
}

/**
 * Renders little text back to what a reader sees. `strict` stops at the first unescaped reserved character, as
 * LinkedIn does when it displays the post; lenient parsing keeps such characters (used to match posts read back).
 */
export function parseLittleText(commentary: string, strict = false): ParsedLittleText {
  let text = '';
  let i = 0;
  while (i < commentary.length) {
    const template = matchAt(TEMPLATE, commentary, i);
    if (template) {
      text += `#${unescape(template[1])}`;
      i += template[0].length;
      continue;
    }
    const mention = matchAt(MENTION, commentary, i);
    if (mention) {
      text += unescape(mention[1]);
      i += mention[0].length;
      continue;
    }
    const c = commentary[i];
    if (c === '\\' && i + 1 < commentary.length) {
      text += commentary[i + 1];
      i += 2;
      continue;
    }
    if (strict && /[\\|{}@[\]()<>#*_~]/.test(c)) return { text, truncatedAt: i };
    text += c;
    i += 1;
  }
  return { text };
}

/** The plain text of a commentary read back from LinkedIn. */
export function fromLittleText(commentary: string | undefined): string {
  return commentary === undefined ? '' : parseLittleText(commentary).text;
}

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
