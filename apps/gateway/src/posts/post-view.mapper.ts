import type { CampaignPost } from './campaign-post.entity';
import type { PostViewDto } from './dto/post-view.dto';

export function toPostView(post: CampaignPost): PostViewDto {
  const { content, visual } = post;
  return {
    id: post.id,
    campaignId: post.campaignId,
    platform: post.platform,
    contentType: post.contentType,
    pillar: post.pillar,
    text: content.text,
    threadParts: content.threadParts ?? null,
    hashtags: content.hashtags ?? [],
    callToAction: content.callToAction ?? null,
    visual: visual
      ? { concept: visual.concept, imagePrompt: visual.imagePrompt, altText: visual.altText, imageUrl: visual.imageId ? `/api/v1/posts/${post.id}/image` : null }
      : null,
    scheduledTime: post.scheduledTime?.toISOString() ?? null,
    status: post.status,
    editRevision: post.editRevision,
    platformPostId: post.platformPostId,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    error: post.error,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}
