import { PLATFORM_LIMITS, countHashtags } from '@app/contracts';
import type { PostView } from '@/api/types';
import { AccountHeader, accountLabel } from './account-header';
import { PlatformTextCount, TextCount } from './text-count';
import { VisualArea } from './visual-area';

/**
 * An Instagram post: the square image (or the visual concept while there is none), then the caption.
 *
 * Hashtags are counted in the caption text only. Instagram's 30-hashtag limit applies to the caption as
 * published, and the caption published is `post.text` as is: the content writer puts the hashtags inside the
 * text, `post.hashtags` only lists the ones it used there (see libs/llm's content schema and writers), and the
 * Instagram adapter sends `caption: post.text` without appending them. Counting `post.hashtags` as well would
 * count each tag twice.
 */
export function InstagramPreview({ post, imageSrc }: { post: PostView; imageSrc?: string | null }) {
  const limits = PLATFORM_LIMITS.instagram;
  return (
    <article aria-label="Instagram preview" className="overflow-hidden rounded-xl border border-slate-300 bg-white">
      <div className="p-3">
        <AccountHeader name={accountLabel(post.accountName)} />
      </div>
      <VisualArea visual={post.visual} imageSrc={imageSrc} square required={limits.requiresVisual} />
      <div className="p-3">
        <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{post.text}</p>
        <div className="flex flex-wrap gap-x-3">
          <PlatformTextCount platform="instagram" text={post.text} />
          <TextCount count={countHashtags(post.text)} limit={limits.maxHashtags} unit="hashtags" showUnit testId="instagram-hashtag-count" />
        </div>
      </div>
    </article>
  );
}
