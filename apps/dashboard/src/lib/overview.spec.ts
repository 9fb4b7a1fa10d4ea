import type { PostAnalyticsSummary, PostView } from '@/api/types';
import { latestFirst, upcoming, windowTotals } from './overview';

const now = new Date('2026-12-10T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function post(id: string, fields: Partial<PostView>): PostView {
  return { id, campaignId: 'c1', platform: 'x', status: 'published', publishedAt: null, scheduledTime: null, updatedAt: now.toISOString(), ...fields } as PostView;
}

function reading(postId: string, impressions: number, engagements: number): PostAnalyticsSummary {
  return { postId, platform: 'x', status: 'published', metrics: { impressions }, engagements } as PostAnalyticsSummary;
}

describe('dashboard overview numbers', () => {
  const published = [post('a', { publishedAt: daysAgo(2) }), post('b', { publishedAt: daysAgo(10) }), post('c', { publishedAt: daysAgo(40) })];
  const failed = [post('f1', { status: 'failed', scheduledTime: daysAgo(1) }), post('f2', { status: 'failed', scheduledTime: daysAgo(20) })];
  const metrics = new Map([
    ['a', reading('a', 1000, 50)],
    ['b', reading('b', 3000, 30)],
    ['c', reading('c', 9999, 999)],
  ]);

  it('counts the last 7 days and the last 30 days separately', () => {
    expect(windowTotals(7, now, published, failed, metrics)).toEqual({ days: 7, published: 1, failed: 1, impressions: 1000, engagements: 50, engagementRate: 0.05 });
    expect(windowTotals(30, now, published, failed, metrics)).toEqual({ days: 30, published: 2, failed: 2, impressions: 4000, engagements: 80, engagementRate: 0.02 });
  });

  it('has no rate without impressions, and counts a post without readings as published with no metrics', () => {
    const totals = windowTotals(7, now, [post('new', { publishedAt: daysAgo(0.1) })], [], new Map());
    expect(totals).toMatchObject({ published: 1, impressions: 0, engagements: 0, engagementRate: null });
  });

  it('lists the next days’ posts soonest first, and recent posts latest first', () => {
    const soon = [
      post('later', { status: 'armed', scheduledTime: new Date(now.getTime() + 3 * 86_400_000).toISOString() }),
      post('past', { status: 'armed', scheduledTime: daysAgo(1) }),
      post('first', { status: 'armed', scheduledTime: new Date(now.getTime() + 3_600_000).toISOString() }),
      post('far', { status: 'armed', scheduledTime: new Date(now.getTime() + 9 * 86_400_000).toISOString() }),
    ];
    expect(upcoming(soon, now, 7).map((p) => p.id)).toEqual(['first', 'later']);
    expect(latestFirst(published, 2).map((p) => p.id)).toEqual(['a', 'b']);
  });
});
