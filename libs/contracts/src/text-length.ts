import { PLATFORM_LIMITS, Platform } from './platforms';
import type { PlatformLimits } from './platforms';

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

export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/** Length of a text under a counting rule. */
export function textLength(counting: PlatformLimits['lengthCounting'], text: string): number {
  switch (counting) {
    case 'x-weighted':
      return xWeightedLength(text);
    case 'graphemes':
      return graphemeLength(text);
    case 'code-points':
      return codePointLength(text);
  }
}

/** Length of one text unit as the given platform counts it. */
export function platformTextLength(platform: Platform, text: string): number {
  return textLength(PLATFORM_LIMITS[platform].lengthCounting, text);
}

export function countHashtags(text: string): number {
  return (text.match(/(^|\s)#[\p{L}\p{N}_]+/gu) ?? []).length;
}
