import type { PostView } from '@/api/types';
import { accountLabel } from './account-header';
import { PostThread, partsOf } from './post-thread';
import { VisualArea } from './visual-area';

/** An X post, or a thread of them, each part with its weighted length (URLs 23, emoji 2, CJK 2) against 280. */
export function XPreview({ post, imageSrc }: { post: PostView; imageSrc?: string | null }) {
  return (
    <article aria-label="X preview" className="rounded-xl border border-slate-300 bg-white p-4">
      <PostThread
        platform="x"
        parts={partsOf(post)}
        account={accountLabel(post.accountName)}
        countTestId="x-weighted-count"
        media={post.visual || imageSrc ? <VisualArea visual={post.visual} imageSrc={imageSrc} /> : undefined}
      />
    </article>
  );
}
