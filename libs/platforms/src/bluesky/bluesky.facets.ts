/** A rich-text facet (§7.2): UTF-8 byte range, start inclusive, end exclusive. */
export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Array<{ $type: 'app.bsky.richtext.facet#link'; uri: string } | { $type: 'app.bsky.richtext.facet#tag'; tag: string }>;
}

const LINK = /(^|[\s(])(https?:\/\/[^\s]+)/g;
const HASHTAG = /(^|\s)[#＃]([^\s#＃]+)/gu;
const MAX_TAG_GRAPHEMES = 64;

/**
 * Links and hashtags of a post text, as facets: the PDS detects nothing itself. JavaScript indices are UTF-16, so
 * each range is converted to UTF-8 byte offsets. Trailing punctuation is not part of a link or a tag; a tag of
 * digits only is not a tag.
 */
export function detectFacets(text: string): Facet[] {
  const facets: Facet[] = [];
  for (const match of text.matchAll(LINK)) {
    const uri = trimLink(match[2]);
    const start = match.index + match[1].length;
    facets.push({ index: byteRange(text, start, start + uri.length), features: [{ $type: 'app.bsky.richtext.facet#link', uri }] });
  }
  for (const match of text.matchAll(HASHTAG)) {
    const tag = match[2].replace(/\p{P}+$/u, '');
    if (!tag || /^\d+$/.test(tag) || graphemes(tag) > MAX_TAG_GRAPHEMES) continue;
    const start = match.index + match[1].length;
    facets.push({ index: byteRange(text, start, start + 1 + tag.length), features: [{ $type: 'app.bsky.richtext.facet#tag', tag }] });
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

/** UTF-8 byte offsets of a UTF-16 range. */
export function byteRange(text: string, start: number, end: number): { byteStart: number; byteEnd: number } {
  const byteStart = Buffer.byteLength(text.slice(0, start), 'utf8');
  return { byteStart, byteEnd: byteStart + Buffer.byteLength(text.slice(start, end), 'utf8') };
}

export function graphemes(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

/** Drops trailing punctuation, and a closing parenthesis unless the link opened one. */
function trimLink(uri: string): string {
  let trimmed = uri.replace(/[.,;:!?'"]+$/, '');
  while (trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0)) trimmed = trimmed.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
  return trimmed;
}
