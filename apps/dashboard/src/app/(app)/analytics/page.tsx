import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { CampaignAnalytics, CampaignOptimization, CampaignSummary } from '@/api/types';
import { EngagementChart } from '@/components/analytics/engagement-chart';
import { HeadlineTotals } from '@/components/analytics/headline-totals';
import { OptimizerSection } from '@/components/analytics/optimizer-section';
import { PostRanking } from '@/components/analytics/post-ranking';
import { Card, EmptyState, ErrorNotice, PageHeader, buttonClass, inputClass } from '@/components/ui';
import { engagementSeries, publishedPosts, rankPosts } from '@/lib/analytics-data';
import { isUuid } from '@/lib/ids';
import { GatewayError, unwrap, userClient } from '@/server/api';

export const metadata: Metadata = { title: 'Analytics' };

type SearchParams = Record<string, string | string[] | undefined>;


type Loaded<T> = { data: T; error?: undefined } | { data?: undefined; error: GatewayError };

/**
 * An answer's data, or the gateway's refusal to show in place (the analytics service may be down: 503). A 404
 * (not the user's campaign) renders the not-found page and a 401 ends the session, as `unwrap` does.
 */
async function settle<T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Loaded<T>> {
  try {
    return { data: unwrap(await answer) };
  } catch (error) {
    if (error instanceof GatewayError) return { error };
    throw error;
  }
}

const CREATED = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function campaignLabel(campaign: CampaignSummary): string {
  return `${campaign.name} (${campaign.status}, ${CREATED.format(Date.parse(campaign.createdAt))})`;
}

/**
 * A campaign's results — totals, engagement per platform over time, its best and worst posts — and what the
 * Optimization agent learned about when to post. `?campaign=<id>`; by default the most recent campaign.
 */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const client = await userClient();
  const campaigns = unwrap(await client.GET('/api/v1/campaigns', { params: { query: { page: 1, pageSize: 100 } } })).items;

  if (campaigns.length === 0) {
    return (
      <div className="space-y-6">
        <PageHeader title="Analytics" description="How your campaigns perform, and the best times to post." />
        <EmptyState title="No campaigns yet">
          <p>Analytics appear once a campaign has published posts and their metrics are collected.</p>
          <p className="mt-3">
            <Link href="/campaigns/new" className={buttonClass.primary}>
              Create a campaign
            </Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  const requested = typeof params.campaign === 'string' && params.campaign.length > 0 ? params.campaign : undefined;
  if (requested !== undefined && !isUuid(requested)) notFound();
  // The API lists campaigns newest first.
  const campaignId = requested ?? campaigns[0].id;
  const campaign = campaigns.find((c) => c.id === campaignId);

  const [analytics, optimization] = await Promise.all([
    settle<CampaignAnalytics>(client.GET('/api/v1/analytics/campaign/{id}', { params: { path: { id: campaignId } } })),
    settle<CampaignOptimization>(client.GET('/api/v1/analytics/optimize/{id}', { params: { path: { id: campaignId } } })),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Analytics"
        description={campaign ? `Results of “${campaign.name}”, and the best times to post.` : 'How this campaign performs, and the best times to post.'}
        actions={
          <>
            <Link href={`/campaigns/${campaignId}`} className={buttonClass.secondary}>
              Open campaign
            </Link>
            <a href={`/exports/${campaignId}`} download className={buttonClass.secondary}>
              Export CSV
            </a>
          </>
        }
      />

      <form method="get" action="/analytics" className="flex flex-wrap items-end gap-2" aria-label="Choose a campaign">
        <div className="min-w-0 flex-1 sm:max-w-md">
          <label htmlFor="campaign" className="block text-sm font-medium text-slate-800">
            Campaign
          </label>
          <select id="campaign" name="campaign" defaultValue={campaignId} className={inputClass}>
            {campaign ? null : <option value={campaignId}>This campaign</option>}
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {campaignLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass.primary}>
          Show analytics
        </button>
      </form>

      {analytics.error ? (
        <ErrorNotice title="Analytics are unavailable right now">
          <p>{analytics.error.message}</p>
          <p>Try again in a moment.</p>
        </ErrorNotice>
      ) : (
        <Results analytics={analytics.data} campaignId={campaignId} />
      )}

      <Card title="Best times to post">
        {optimization.error ? (
          <ErrorNotice title="The optimizer's recommendations are unavailable right now">
            <p>{optimization.error.message}</p>
          </ErrorNotice>
        ) : (
          <OptimizerSection optimization={optimization.data} />
        )}
      </Card>
    </div>
  );
}

function Results({ analytics, campaignId }: { analytics: CampaignAnalytics; campaignId: string }) {
  if (publishedPosts(analytics.posts).length === 0) {
    return (
      <EmptyState title="No published posts yet">
        <p>
          Analytics appear after the first post is published and its metrics are collected: readings are taken 1 hour, 6 hours, 1 day, 3 days and 7 days after
          publication.
        </p>
      </EmptyState>
    );
  }
  const ranked = rankPosts(analytics.posts, 5);
  const notMeasured = 'No readings yet: metrics are collected an hour after a post goes out.';
  return (
    <>
      <HeadlineTotals totals={analytics.totals} />
      <Card title="Engagement over time">
        <EngagementChart data={engagementSeries(analytics.posts)} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <PostRanking title="Top posts" posts={ranked.top} basis={ranked.basis} campaignId={campaignId} empty={notMeasured} />
        <PostRanking
          title="Bottom posts"
          posts={ranked.bottom}
          basis={ranked.basis}
          campaignId={campaignId}
          empty={ranked.ranked === 0 ? notMeasured : 'Not enough measured posts to compare yet.'}
        />
      </div>
    </>
  );
}
