import 'server-only';
import type { CampaignSummary, PostAnalyticsSummary, PostView } from '@/api/types';
import { latestFirst, upcoming, windowTotals } from '@/lib/overview';
import type { WindowTotals } from '@/lib/overview';
import type { GatewayClient } from './api';
import { unwrap } from './api';

type ListedStatus = 'draft' | 'armed' | 'published' | 'failed';

const PAGE = 100;
/** At most this many pages of one status are read for the windows (the newest ones). */
const MAX_PAGES = 3;
/** Analytics is read for at most this many campaigns (those with the most recent posts). */
const MAX_CAMPAIGNS = 20;

export interface Overview {
  campaigns: CampaignSummary[];
  upcoming: PostView[];
  recentPublished: PostView[];
  recentFailed: PostView[];
  windows: WindowTotals[];
  /** Metrics could not be read (analytics-svc down): the numbers show posts only. */
  metricsMissing: boolean;
}

/** The newest posts of a status (the API lists by scheduled time, oldest first): up to MAX_PAGES pages from the end. */
async function newest(client: GatewayClient, status: ListedStatus, since: number): Promise<PostView[]> {
  const first = unwrap(await client.GET('/api/v1/posts', { params: { query: { status, page: 1, pageSize: 1 } } }));
  const posts: PostView[] = [];
  for (let page = Math.ceil(first.total / PAGE), read = 0; page >= 1 && read < MAX_PAGES; page--, read++) {
    const items = unwrap(await client.GET('/api/v1/posts', { params: { query: { status, page, pageSize: PAGE } } })).items;
    posts.push(...items);
    if (items.some((p) => new Date(p.scheduledTime ?? p.updatedAt).getTime() < since)) break;
  }
  return posts;
}

async function soonest(client: GatewayClient, status: ListedStatus): Promise<PostView[]> {
  return unwrap(await client.GET('/api/v1/posts', { params: { query: { status, page: 1, pageSize: PAGE } } })).items;
}

export async function loadOverview(client: GatewayClient, now = new Date()): Promise<Overview> {
  const since = now.getTime() - 30 * 86_400_000;
  const [campaigns, armed, drafts, published, failed] = await Promise.all([
    client.GET('/api/v1/campaigns', { params: { query: { page: 1, pageSize: 100 } } }).then((a) => unwrap(a).items),
    soonest(client, 'armed'),
    soonest(client, 'draft'),
    newest(client, 'published', since),
    newest(client, 'failed', since),
  ]);
  const recentCampaigns = [...new Set(latestFirst(published, PAGE).map((p) => p.campaignId))].slice(0, MAX_CAMPAIGNS);
  const metrics = new Map<string, PostAnalyticsSummary>();
  let metricsMissing = false;
  await Promise.all(
    recentCampaigns.map(async (id) => {
      const { data } = await client.GET('/api/v1/analytics/campaign/{id}', { params: { path: { id } } });
      if (!data) metricsMissing = true;
      for (const p of data?.posts ?? []) metrics.set(p.postId, p);
    }),
  );
  return {
    campaigns,
    upcoming: upcoming([...armed, ...drafts], now, 7),
    recentPublished: latestFirst(published, 5),
    recentFailed: latestFirst(failed, 5),
    windows: [windowTotals(7, now, published, failed, metrics), windowTotals(30, now, published, failed, metrics)],
    metricsMissing,
  };
}
