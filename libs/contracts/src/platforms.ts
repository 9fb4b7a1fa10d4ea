/**
 * Social platforms the product publishes to. Consumers must tolerate values added here within a `.v1`
 * payload (linkedin, bluesky and mastodon were added on 2026-11-25); removing one is a breaking change.
 */
export const PLATFORMS = ['x', 'instagram', 'facebook', 'linkedin', 'bluesky', 'mastodon'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The shape of a post on its platform. */
export const CONTENT_TYPES = ['single', 'thread', 'image', 'carousel', 'short_video_script'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export interface PlatformLimits {
  /** Maximum length of one text unit (a tweet, a caption, a post body). */
  readonly maxTextLength: number;
  /**
   * How text length is counted: X its weighted count; Instagram, Facebook (and LinkedIn, Mastodon) code points;
   * Bluesky counts graphemes (a family emoji is one). A new platform is an entry here plus its adapter.
   */
  readonly lengthCounting: 'x-weighted' | 'code-points' | 'graphemes';
  readonly maxHashtags: number;
  /** Whether every post on this platform needs a visual. */
  readonly requiresVisual: boolean;
  /** Maximum parts of a thread (1 where threads do not exist). */
  readonly maxThreadParts: number;
}

export const PLATFORM_LIMITS: Readonly<Record<Platform, PlatformLimits>> = {
  x: { maxTextLength: 280, lengthCounting: 'x-weighted', maxHashtags: 10, requiresVisual: false, maxThreadParts: 25 },
  instagram: { maxTextLength: 2200, lengthCounting: 'code-points', maxHashtags: 30, requiresVisual: true, maxThreadParts: 1 },
  facebook: { maxTextLength: 63206, lengthCounting: 'code-points', maxHashtags: 30, requiresVisual: false, maxThreadParts: 1 },
  linkedin: { maxTextLength: 3000, lengthCounting: 'code-points', maxHashtags: 30, requiresVisual: false, maxThreadParts: 1 },
  bluesky: { maxTextLength: 300, lengthCounting: 'graphemes', maxHashtags: 10, requiresVisual: false, maxThreadParts: 25 },
  // 500 is Mastodon's default; an instance may allow more (configuration.statuses.max_characters).
  mastodon: { maxTextLength: 500, lengthCounting: 'code-points', maxHashtags: 10, requiresVisual: false, maxThreadParts: 25 },
};

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
