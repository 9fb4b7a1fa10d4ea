import type { ReactNode } from 'react';
import type { Platform } from '@/api/types';
import { Avatar } from './account-header';
import { PlatformTextCount } from './text-count';

type ThreadProps = { platform: Platform; parts: string[]; account: string; countTestId: string; media?: ReactNode };

/**
 * A post or a thread as the platform shows it: one card per part, avatars joined by a vertical line, each part
 * numbered "i/n" (threads only) with its own length count. `media` goes under the first part's text.
 */
export function PostThread({ parts, ...rest }: ThreadProps) {
  if (parts.length < 2) return <PartCard {...rest} as="div" text={parts[0] ?? ''} index={0} total={1} />;
  return (
    <ol aria-label={`Thread of ${parts.length} posts`}>
      {parts.map((part, i) => (
        <PartCard key={i} {...rest} as="li" text={part} index={i} total={parts.length} />
      ))}
    </ol>
  );
}

function PartCard({ as: Tag, platform, account, countTestId, media, text, index, total }: Omit<ThreadProps, 'parts'> & { as: 'li' | 'div'; text: string; index: number; total: number }) {
  return (
    <Tag data-testid="thread-part" className="relative flex gap-3 pb-5 last:pb-0">
      {index < total - 1 ? <span aria-hidden="true" data-testid="thread-line" className="absolute bottom-0 left-5 top-11 w-0.5 -translate-x-1/2 bg-slate-300" /> : null}
      <Avatar name={account} />
      <div className="min-w-0 flex-1">
        <p className="flex items-baseline justify-between gap-2 text-sm">
          <span className="truncate font-semibold text-slate-900">{account}</span>
          {total > 1 ? (
            <span data-testid="thread-part-number" className="shrink-0 text-xs text-slate-600">
              {index + 1}/{total}
            </span>
          ) : null}
        </p>
        <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{text}</p>
        {index === 0 && media ? <div className="mt-3">{media}</div> : null}
        <PlatformTextCount platform={platform} text={text} testId={countTestId} />
      </div>
    </Tag>
  );
}

/** A thread's parts when it is one (two or more), else the single text. */
export function partsOf(post: { text: string; threadParts: string[] | null }): string[] {
  return post.threadParts && post.threadParts.length >= 2 ? post.threadParts : [post.text];
}
