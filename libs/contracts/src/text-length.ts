import { PLATFORM_LIMITS, Platform } from './platforms';

/**
 * X's weighted length (twitter-text v3 rules): URLs count 23, emoji count 2, code points in the
 * Latin and common punctuation ranges count 1, everything else (CJK, most symbols) counts 2.
 */
const X_URL_LENGTH = 23;
const URL_PATTERN = /\bhttps?:\/\/[^\s]+/giu;
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const EMOJI = /\p{Extended_Pictographic}/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function codePointWeight(codePoint: number): number {
  return LIGHT_RANGES.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) ? 1 : 2;
}

export function xWeightedLength(text: string): number {
  let total = 0;
  const withoutUrls = text.normalize('NFC').replace(URL_PATTERN, () => {
    total += X_URL_LENGTH;
    return '';
  });
  for (const { segment } of segmenter.segment(withoutUrls)) {
    if (EMOJI.test(segment)) {
      total += 2;
      continue;
    }
    for (const ch of segment) total += codePointWeight(ch.codePointAt(0) ?? 0);
  }
  return total;
}

export function codePointLength(text: string): number {
  return [...text].length;
}

/** Length of one text unit as the given platform counts it. */
export function platformTextLength(platform: Platform, text: string): number {
  return PLATFORM_LIMITS[platform].lengthCounting === 'x-weighted' ? xWeightedLength(text) : codePointLength(text);
}

export function countHashtags(text: string): number {
  return (text.match(/(^|\s)#[\p{L}\p{N}_]+/gu) ?? []).length;
}
