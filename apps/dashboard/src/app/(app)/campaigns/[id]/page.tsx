import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PLATFORM_NAMES } from '@/api/types';
import type { CampaignView } from '@/api/types';
import { WeekCalendar } from '@/components/calendar/week-calendar';
import { ActionButton } from '@/components/campaigns/action-form';
import { LiveUpdates } from '@/components/campaigns/live-updates';
import { PostCard } from '@/components/campaigns/post-card';
import { StageProgress } from '@/components/campaigns/stage-progress';
import { StrategySummary } from '@/components/campaigns/strategy-summary';
import { Card, EmptyState, ErrorNotice, PageHeader, StatusBadge, buttonClass } from '@/components/ui';
import { isIsoDate, isUuid } from '@/lib/ids';
import { addDays, formatInZone, localDateOf } from '@/lib/time-zone';
import { executeCampaignAction } from '@/server/actions/campaigns';
import { movePostAction } from '@/server/actions/posts';
import { unwrap, userClient } from '@/server/api';

export const metadata: Metadata = { title: 'Campaign' };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ week?: string }> };

/** The week the calendar opens on: the one asked for, else the next post's, else the campaign's start. */
function calendarStart(campaign: CampaignView, week: string | undefined): string {
  if (isIsoDate(week)) return week;
  const now = Date.now();
  const next = campaign.posts.find((p) => p.scheduledTime && new Date(p.scheduledTime).getTime() >= now) ?? campaign.posts.find((p) => p.scheduledTime);
  return localDateOf(new Date(next?.scheduledTime ?? campaign.startDate), campaign.timezone);
}

export default async function CampaignPage({ params, searchParams }: Params) {
  const [{ id }, { week }] = await Promise.all([params, searchParams]);
  if (!isUuid(id)) notFound();
  const campaign = unwrap(await (await userClient()).GET('/api/v1/campaigns/{id}', { params: { path: { id } } }));
  const tz = campaign.timezone;
  const start = calendarStart(campaign, week);
  const canExecute = campaign.status === 'scheduled' && !campaign.executionRequestedAt;
  const calendarPosts = campaign.posts
    .filter((p) => p.scheduledTime && p.status !== 'cancelled')
    .map((p) => ({ id: p.id, campaignId: p.campaignId, platform: p.platform, status: p.status, scheduledTime: p.scheduledTime!, label: p.pillar }));

  return (
    <div className="space-y-6">
      <PageHeader
        title={campaign.name}
        description={
          <>
            <StatusBadge status={campaign.status} /> · {campaign.targetPlatforms.map((p) => PLATFORM_NAMES[p]).join(', ')} · from{' '}
            {formatInZone(campaign.startDate, tz, { hour: undefined, minute: undefined })} for {campaign.durationDays} days · {tz}
          </>
        }
        actions={
          canExecute ? (
            <ActionButton action={executeCampaignAction.bind(null, campaign.id)} label="Execute campaign" pendingLabel="Executing…" variant="primary" />
          ) : campaign.executionRequestedAt ? (
            <p className="text-sm text-slate-700">Executing since {formatInZone(campaign.executionRequestedAt, tz)}</p>
          ) : null
        }
      />
      <section aria-labelledby="progress-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="progress-heading" className="text-lg font-semibold">
            Agents
          </h2>
          {campaign.status === 'completed' || campaign.status === 'failed' ? null : <LiveUpdates campaignId={campaign.id} />}
        </div>
        <div aria-live="polite">
          <StageProgress campaign={campaign} />
        </div>
        {campaign.failure ? (
          <ErrorNotice title={`The ${campaign.failure.stage} stage failed`}>
            <p>{campaign.failure.reason}</p>
          </ErrorNotice>
        ) : null}
      </section>

      <Card title="Goal">
        <p className="text-sm">{campaign.goal}</p>
        <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-3">
          {campaign.targetAudience ? (
            <div>
              <dt className="inline font-medium">Audience: </dt>
              <dd className="inline">{campaign.targetAudience}</dd>
            </div>
          ) : null}
          {campaign.brandVoice ? (
            <div>
              <dt className="inline font-medium">Voice: </dt>
              <dd className="inline">{campaign.brandVoice}</dd>
            </div>
          ) : null}
          {campaign.contentThemes.length > 0 ? (
            <div>
              <dt className="inline font-medium">Themes: </dt>
              <dd className="inline">{campaign.contentThemes.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      </Card>

      {campaign.strategy ? <StrategySummary strategy={campaign.strategy} /> : null}

      {calendarPosts.length > 0 ? (
        <Card
          title="Calendar"
          actions={
            <div className="flex gap-2 text-sm">
              <Link className={buttonClass.link} href={`?week=${addDays(start, -7)}`}>
                Previous week
              </Link>
              <Link className={buttonClass.link} href={`?week=${addDays(start, 7)}`}>
                Next week
              </Link>
            </div>
          }
        >
          <p className="mb-2 text-xs text-slate-600">Drag a post to another day to move it there at the same time, or use Reschedule on the post.</p>
          <WeekCalendar posts={calendarPosts} startDate={start} timeZone={tz} move={movePostAction} />
        </Card>
      ) : null}

      <section aria-labelledby="posts-heading">
        <h2 id="posts-heading" className="mb-3 text-lg font-semibold">
          Posts <span className="text-sm font-normal text-slate-600">({campaign.posts.length})</span>
        </h2>
        {campaign.posts.length === 0 ? (
          <EmptyState title={campaign.status === 'failed' ? 'No posts: the campaign failed' : 'The agents are still writing the posts'}>
            {campaign.status === 'failed' ? 'See the failed stage above.' : 'They appear here as soon as they are ready.'}
          </EmptyState>
        ) : (
          <ul className="space-y-4">
            {campaign.posts.map((post) => (
              <PostCard key={post.id} post={post} timeZone={tz} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
