import { PLATFORM_LIMITS, platformTextLength } from '@app/contracts';
import type { Platform } from '@app/contracts';

/**
 * A cheap upper bound of X's weighted length: every code point outside the light ranges (and the two
 * pictographs inside them, © and ®) counts 2. An emoji grapheme therefore never counts less than the
 * real rule's 2, so `bound <= limit` proves the text fits without running the grapheme segmenter.
 * Text with a URL is not bounded this way (a short URL counts 23).
 */
function xWeightUpperBound(text: string): number {
  let total = 0;
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    const light =
      (cp <= 0x10ff && cp !== 0xa9 && cp !== 0xae) ||
      (cp >= 0x2000 && cp <= 0x200d) ||
      (cp >= 0x2010 && cp <= 0x201f) ||
      (cp >= 0x2032 && cp <= 0x2037);
    total += light ? 1 : 2;
  }
  return total;
}

const HAS_URL = /https?:\/\//i;

/** Whether a text has at most `max` code points, without counting past `max + 1`. */
function codePointsWithin(text: string, max: number): boolean {
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/**
 * Whether `text` fits `max` as `platform` counts; uses an upper bound first and the exact rule only when needed.
 * A grapheme is one or more code points, so a text within `max` code points is within `max` graphemes too.
 */
export function fitsLength(platform: Platform, text: string, max = PLATFORM_LIMITS[platform].maxTextLength): boolean {
  switch (PLATFORM_LIMITS[platform].lengthCounting) {
    case 'x-weighted':
      if (!HAS_URL.test(text) && xWeightUpperBound(text) <= max) return true;
      return platformTextLength(platform, text) <= max;
    case 'graphemes':
      return codePointsWithin(text, max) || platformTextLength(platform, text) <= max;
    case 'code-points':
      return codePointsWithin(text, max);
  }
}

/** A predicate for `fitText`. */
export function fitsOn(platform: Platform, max?: number): (text: string) => boolean {
  return (text) => fitsLength(platform, text, max);
}
