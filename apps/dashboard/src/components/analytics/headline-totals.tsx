import type { CampaignAnalytics } from '@/api/types';
import { formatCount, formatPercent } from '@/lib/analytics-data';

/** The campaign's totals over its published posts' latest readings. */
export function HeadlineTotals({ totals }: { totals: CampaignAnalytics['totals'] }) {
  const tiles = [
    { label: 'Posts', value: formatCount(totals.posts), note: 'published' },
    { label: 'Impressions', value: formatCount(totals.impressions), note: totals.impressions === undefined ? 'not reported by these platforms' : undefined },
    { label: 'Engagements', value: formatCount(totals.engagements), note: 'likes, comments, shares, saves, clicks' },
    { label: 'Engagement rate', value: formatPercent(totals.engagementRate, 1), note: totals.engagementRate === undefined ? 'needs impressions' : 'per impression' },
  ];
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map((tile) => (
          <div key={tile.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{tile.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`total-${tile.label.toLowerCase().replaceAll(' ', '-')}`}>
              {tile.value}
            </dd>
            {tile.note ? <dd className="text-xs text-slate-500">{tile.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
