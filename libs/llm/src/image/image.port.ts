import type { Platform } from '@app/contracts';

/**
 * Image generation for post visuals. '1.91:1' is the Facebook/LinkedIn link-image shape; providers that cannot
 * produce it exactly generate the nearest ratio they support (see each implementation) and the caller crops.
 */
export type ImageAspectRatio = '1:1' | '4:5' | '16:9' | '1.91:1' | '9:16';

export const IMAGE_ASPECT_RATIOS: readonly ImageAspectRatio[] = ['1:1', '4:5', '16:9', '1.91:1', '9:16'];

/** The shape a platform's feed shows an image in: what a post's visual is designed (and generated) at. */
export const PLATFORM_ASPECT_RATIOS: Readonly<Record<Platform, ImageAspectRatio>> = {
  x: '16:9',
  instagram: '4:5',
  facebook: '1.91:1',
  linkedin: '1:1',
  bluesky: '16:9',
  mastodon: '16:9',
};

export interface ImageRequest {
  prompt: string;
  aspectRatio: ImageAspectRatio;
}

export interface GeneratedImage {
  /** As reported by the provider, e.g. image/png. */
  mimeType: string;
  data: Buffer;
  model: string;
  latencyMs: number;
  /** HTTP attempts made, retries included. */
  attempts: number;
}

export interface ImageGenerator {
  readonly name: string;
  readonly model: string;
  /** Throws the typed LlmErrors (rate limited, unavailable, blocked, invalid output, config). */
  generate(request: ImageRequest): Promise<GeneratedImage>;
}

/** Nest injection token; the provider's value may be null when image generation is off (GEMINI_IMAGE_MODEL unset). */
export const IMAGE_GENERATOR = Symbol('IMAGE_GENERATOR');
