import type { Metadata } from 'next';
import Link from 'next/link';
import { PLATFORM_NAMES } from '@/api/types';
import { EmptyState, PageHeader, StatusBadge, buttonClass } from '@/components/ui';
import { formatInZone } from '@/lib/time-zone';
import { unwrap, userClient } from '@/server/api';

export const metadata: Metadata = { title: 'Campaigns' };

const PAGE_SIZE = 20;

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Math.floor(Number((await searchParams).page ?? 1)) || 1);
  const list = unwrap(await (await userClient()).GET('/api/v1/campaigns', { params: { query: { page, pageSize: PAGE_SIZE } } }));
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  return (
    <div>
      <PageHeader
        title="Campaigns"
        description="Give a goal; the agents plan, write, design and schedule the posts."
        actions={
          <Link href="/campaigns/new" className={buttonClass.primary}>
            New campaign
          </Link>
        }
      />
      {list.items.length === 0 ? (
        <EmptyState title="No campaigns yet">
          <Link href="/campaigns/new" className={buttonClass.link}>
            Create your first campaign
          </Link>{' '}
          and watch the agents work on it.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Platforms</th>
                <th scope="col" className="px-4 py-2">Starts</th>
                <th scope="col" className="px-4 py-2">Days</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.items.map((c) => (
                <tr key={c.id}>
                  <td className="px-4 py-2">
                    <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    {c.kind === 'adhoc' ? <span className="ml-2 text-xs text-slate-600">(your own posts)</span> : null}
                  </td>
                  <td className="px-4 py-2">
                    <StatusBadge status={c.status} />
                  </td>
                  <td className="px-4 py-2">{c.targetPlatforms.map((p) => PLATFORM_NAMES[p]).join(', ')}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{formatInZone(c.startDate, c.timezone, { hour: undefined, minute: undefined })}</td>
                  <td className="px-4 py-2">{c.durationDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
          {page > 1 ? <Link href={`?page=${page - 1}`} className={buttonClass.link}>Previous</Link> : null}
          <span className="text-slate-700">
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`?page=${page + 1}`} className={buttonClass.link}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
