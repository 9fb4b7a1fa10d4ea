import type { PostView } from '@/api/types';
import { GenericPreview } from './generic-preview';
import { InstagramPreview } from './instagram-preview';
import { XPreview } from './x-preview';

/**
 * A post as it will look on its platform (a server component: the counting rules from @app/contracts stay on the
 * server). `imageSrc` is where the browser loads the generated image from (the page passes `/media/<postId>`
 * when `post.visual?.imageUrl` is set), or null.
 */
export function PostPreview({ post, imageSrc }: { post: PostView; imageSrc?: string | null }) {
  switch (post.platform) {
    case 'x':
      return <XPreview post={post} imageSrc={imageSrc} />;
    case 'instagram':
      return <InstagramPreview post={post} imageSrc={imageSrc} />;
    case 'facebook':
    case 'linkedin':
    case 'bluesky':
    case 'mastodon':
      return <GenericPreview post={{ ...post, platform: post.platform }} imageSrc={imageSrc} />;
  }
}
