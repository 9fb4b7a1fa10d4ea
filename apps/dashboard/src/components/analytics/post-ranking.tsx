import Link from 'next/link';
import { PLATFORM_NAMES } from '@/api/types';
import type { PostAnalyticsSummary } from '@/api/types';
import { formatCount, formatDateTime, formatPercent } from '@/lib/analytics-data';
import type { RankBasis } from '@/lib/analytics-data';
import { Card } from '../ui';

/** "Top posts" or "Bottom posts": each with its platform, date, metrics and a link to it on the campaign page. */
export function PostRanking({ title, posts, basis, campaignId, empty }: { title: string; posts: PostAnalyticsSummary[]; basis: RankBasis; campaignId: string; empty: string }) {
  return (
    <Card title={title}>
      <p className="mb-2 text-xs text-slate-600">
        {basis === 'engagementRate' ? 'By engagement rate (engagements per impression).' : 'By engagements (not every platform reports impressions, so rates are not compared).'}
      </p>
      {posts.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label={title}>
          {posts.map((post, i) => {
            const published = formatDateTime(post.publishedAt);
            return (
              <li key={post.postId} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm" data-testid="ranked-post">
                <div className="min-w-0">
                  <p className="font-medium">
                    <span className="text-slate-500 tabular-nums">{i + 1}.</span> {PLATFORM_NAMES[post.platform]}{' '}
                    <span className="font-normal text-slate-600">
                      <time dateTime={post.publishedAt}>{published}</time>
                    </span>
                  </p>
                  <p className="text-slate-700 tabular-nums">
                    {formatCount(post.engagements)} engagements · {formatCount(post.metrics.impressions)} impressions · {formatPercent(post.engagementRate, 1)} rate
                  </p>
                </div>
                <Link href={`/campaigns/${campaignId}#post-${post.postId}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                  View post<span className="sr-only">{` on ${PLATFORM_NAMES[post.platform]} of ${published}`}</span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
