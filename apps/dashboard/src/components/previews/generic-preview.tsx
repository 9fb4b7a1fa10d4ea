import type { PostView } from '@/api/types';
import { PLATFORM_NAMES } from '@/api/types';
import { AccountHeader, accountLabel } from './account-header';
import { PostThread, partsOf } from './post-thread';
import { PlatformTextCount } from './text-count';
import { VisualArea } from './visual-area';

type GenericPlatform = 'facebook' | 'linkedin' | 'bluesky' | 'mastodon';

/**
 * Facebook, LinkedIn, Bluesky and Mastodon: the text with its length as the platform counts it (graphemes on
 * Bluesky, code points elsewhere), a Bluesky or Mastodon thread part by part, then the visual, hashtags and
 * call to action.
 */
export function GenericPreview({ post, imageSrc }: { post: PostView & { platform: GenericPlatform }; imageSrc?: string | null }) {
  const name = PLATFORM_NAMES[post.platform];
  const account = accountLabel(post.accountName);
  const parts = partsOf(post);
  const visual = post.visual || imageSrc ? <VisualArea visual={post.visual} imageSrc={imageSrc} /> : null;
  return (
    <article aria-label={`${name} preview`} className="space-y-3 rounded-xl border border-slate-300 bg-white p-4">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">{name}</p>
      {parts.length > 1 ? (
        <PostThread platform={post.platform} parts={parts} account={account} countTestId="text-count" media={visual} />
      ) : (
        <>
          <AccountHeader name={account} />
          <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{post.text}</p>
          {visual}
          <PlatformTextCount platform={post.platform} text={post.text} />
        </>
      )}
      {post.hashtags.length > 0 ? (
        <ul aria-label="Hashtags" className="flex flex-wrap gap-1.5">
          {post.hashtags.map((tag) => (
            <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
      {post.callToAction ? (
        <p className="text-sm text-slate-800">
          <span className="font-semibold">Call to action:</span> {post.callToAction}
        </p>
      ) : null}
    </article>
  );
}
