import { PLATFORM_LIMITS, PostDraft } from '@app/contracts';

const VISUAL_FORMATS = new Set<PostDraft['contentType']>(['image', 'carousel', 'short_video_script']);

/** Instagram posts always get a visual; elsewhere the formats that show one do. */
export function needsVisual(post: PostDraft): boolean {
  return PLATFORM_LIMITS[post.platform].requiresVisual || VISUAL_FORMATS.has(post.contentType);
}
