import type { Metadata } from 'next';
import Link from 'next/link';
import type { PostView } from '@/api/types';
import { PLATFORM_NAMES } from '@/api/types';
import { WeekCalendar } from '@/components/calendar/week-calendar';
import { Card, EmptyState, PageHeader, StatusBadge, buttonClass } from '@/components/ui';
import type { WindowTotals } from '@/lib/overview';
import { formatInZone, isTimeZone, localDateOf } from '@/lib/time-zone';
import { movePostAction } from '@/server/actions/posts';
import { userClient } from '@/server/api';
import { loadOverview } from '@/server/overview';

export const metadata: Metadata = { title: 'Dashboard' };

const number = new Intl.NumberFormat('en-GB');

function Headline({ totals }: { totals: WindowTotals }) {
  const items = [
    ['Published', number.format(totals.published)],
    ['Failed', number.format(totals.failed)],
    ['Impressions', number.format(totals.impressions)],
    ['Engagements', number.format(totals.engagements)],
    ['Engagement rate', totals.engagementRate === null ? '—' : `${(totals.engagementRate * 100).toFixed(1)}%`],
  ];
  return (
    <Card title={`Last ${totals.days} days`}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** What to do about a failed post, in one link (the campaign page has the full fix actions). */
function fixLink(post: PostView): { href: string; label: string } {
  switch (post.failureCode) {
    case 'reconnect_required':
      return { href: `/platforms?reconnect=${post.platform}`, label: 'Reconnect' };
    case 'no_account':
      return { href: '/platforms', label: 'Connect an account' };
    case 'missed':
      return { href: `/campaigns/${post.campaignId}#post-${post.id}`, label: 'Reschedule' };
    case 'rejected':
      return { href: `/campaigns/${post.campaignId}#post-${post.id}`, label: 'Edit and retry' };
    default:
      return { href: `/campaigns/${post.campaignId}#post-${post.id}`, label: 'Retry' };
  }
}

function RecentList({ posts, zoneOf, failed }: { posts: PostView[]; zoneOf: (p: PostView) => string; failed?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100">
      {posts.map((post) => {
        const fix = failed ? fixLink(post) : undefined;
        return (
          <li key={post.id} className="py-2 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <span className="font-medium">{PLATFORM_NAMES[post.platform]}</span> <StatusBadge status={post.status} />{' '}
                <span className="text-slate-600">{formatInZone(post.publishedAt ?? post.scheduledTime ?? post.updatedAt, zoneOf(post))}</span>
              </span>
              {fix ? (
                <Link href={fix.href} className={buttonClass.link}>
                  {fix.label}
                </Link>
              ) : post.url ? (
                <a href={post.url} className={buttonClass.link} target="_blank" rel="noreferrer">
                  View
                </a>
              ) : null}
            </div>
            <p className="mt-1 truncate text-slate-700">{post.text}</p>
            {failed && post.error ? <p className="mt-1 text-red-700">{post.error}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ tz?: string }> }) {
  const overview = await loadOverview(await userClient());
  const requested = (await searchParams).tz;
  const zones = new Map(overview.campaigns.map((c) => [c.id, c.timezone]));
  const timeZone = requested && isTimeZone(requested) ? requested : (overview.campaigns[0]?.timezone ?? 'UTC');
  const zoneOf = (post: PostView) => zones.get(post.campaignId) ?? timeZone;

  if (overview.campaigns.length === 0) {
    return (
      <div>
        <PageHeader title="Dashboard" />
        <EmptyState title="Welcome! Nothing is scheduled yet">
          <p>Create a campaign from a goal: the agents plan it, write the posts, design visuals and pick the times.</p>
          <Link href="/campaigns/new" className={`${buttonClass.primary} mt-4`}>
            Create a campaign
          </Link>
        </EmptyState>
      </div>
    );
  }
  const calendarPosts = overview.upcoming.map((p) => ({ id: p.id, campaignId: p.campaignId, platform: p.platform, status: p.status, scheduledTime: p.scheduledTime!, label: p.pillar }));
  return (
    <div className="space-y-6">
      <PageHeader title="Dashboard" description={`Times in ${timeZone}.`} />
      <div className="grid gap-4 lg:grid-cols-2">
        {overview.windows.map((w) => (
          <Headline key={w.days} totals={w} />
        ))}
      </div>
      {overview.metricsMissing ? <p className="text-sm text-amber-900">Metrics could not be read just now; the counts of posts are complete.</p> : null}
      <Card title="Next 7 days">
        {calendarPosts.length === 0 ? (
          <EmptyState title="Nothing scheduled in the next 7 days">Execute a campaign to arm its posts, or create a new one.</EmptyState>
        ) : (
          <WeekCalendar posts={calendarPosts} startDate={localDateOf(new Date(), timeZone)} timeZone={timeZone} move={movePostAction} />
        )}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Just published">
          {overview.recentPublished.length === 0 ? <p className="text-sm text-slate-600">Nothing published yet.</p> : <RecentList posts={overview.recentPublished} zoneOf={zoneOf} />}
        </Card>
        <Card title="Failed">
          {overview.recentFailed.length === 0 ? <p className="text-sm text-slate-600">No failures. </p> : <RecentList posts={overview.recentFailed} zoneOf={zoneOf} failed />}
        </Card>
      </div>
    </div>
  );
}
