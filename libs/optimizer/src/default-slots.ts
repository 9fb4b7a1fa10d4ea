import type { Platform } from '@app/contracts';

/**
 * Default posting slots (local hour, minute) per platform, from common engagement patterns: what a
 * scheduler uses for an account without a model (and the benchmark's "fixed slots as peers use" baseline).
 */
export const DEFAULT_SLOTS: Readonly<Record<Platform, ReadonlyArray<readonly [number, number]>>> = {
  x: [[9, 0], [12, 30], [17, 0]],
  instagram: [[11, 0], [19, 0]],
  facebook: [[9, 30], [13, 0], [15, 30]],
  linkedin: [[8, 0], [12, 0], [17, 30]],
  bluesky: [[9, 0], [12, 0], [18, 0]],
  mastodon: [[8, 30], [13, 0], [18, 30]],
};
