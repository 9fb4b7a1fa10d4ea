import { CampaignSpec, PLATFORMS, PlannedPost, PostDraft } from '@app/contracts';
import { DEFAULT_SLOTS, MIN_GAP_MS, planSchedule } from './schedule-planner';
import { localParts } from './zoned-time';

const spec = (over: Partial<CampaignSpec> = {}): CampaignSpec => ({
  name: 'Spring launch',
  goal: 'Grow sign-ups',
  targetPlatforms: ['x', 'instagram'],
  startDate: '2026-03-05T12:00:00.000Z',
  durationDays: 7,
  contentThemes: [],
  timezone: 'America/New_York',
  ...over,
});

const entry = (planId: string, platform: PlannedPost['platform'], day: number): PlannedPost => ({ planId, platform, day, pillar: 'p', format: 'single', angle: 'a' });
const draft = (id: string, planId: string, platform: PostDraft['platform']): PostDraft => ({ id, planId, platform, contentType: 'single', pillar: 'p', text: id, hashtags: [] });

describe('planSchedule', () => {
  it('places posts on their planned day at local slot times, never before the start', () => {
    const plan = [entry('x-01', 'x', 0), entry('x-02', 'x', 4), entry('ig-01', 'instagram', 0)];
    const posts = [draft('a', 'x-01', 'x'), draft('b', 'x-02', 'x'), draft('c', 'ig-01', 'instagram')];
    const times = planSchedule(spec(), plan, posts, new Date('2026-01-01T00:00:00Z'));
    // Start is 07:00 New York on Mar 5: the 09:00 X slot and the 11:00 Instagram slot are free that day.
    expect(times.get('a')!.toISOString()).toBe('2026-03-05T14:00:00.000Z');
    expect(times.get('c')!.toISOString()).toBe('2026-03-05T16:00:00.000Z');
    // Day 4 is Mar 9, after the DST change: still 09:00 local.
    expect(localParts(times.get('b')!, 'America/New_York')).toMatchObject({ day: 9, hour: 9, minute: 0 });
  });

  it('has default slots for every platform, in order within the day and at least the minimum gap apart', () => {
    for (const platform of PLATFORMS) {
      const minutes = DEFAULT_SLOTS[platform].map(([hour, minute]) => hour * 60 + minute);
      expect(minutes.length).toBeGreaterThanOrEqual(2);
      for (const m of minutes) expect(m >= 0 && m < 24 * 60).toBe(true);
      for (let i = 1; i < minutes.length; i++) expect((minutes[i]! - minutes[i - 1]!) * 60_000).toBeGreaterThanOrEqual(MIN_GAP_MS);
    }
  });

  it('schedules LinkedIn, Bluesky and Mastodon posts at their own local slots', () => {
    const plan = [entry('li-01', 'linkedin', 1), entry('li-02', 'linkedin', 1), entry('bs-01', 'bluesky', 1), entry('ma-01', 'mastodon', 1)];
    const posts = [draft('a', 'li-01', 'linkedin'), draft('b', 'li-02', 'linkedin'), draft('c', 'bs-01', 'bluesky'), draft('d', 'ma-01', 'mastodon')];
    const times = planSchedule(spec({ targetPlatforms: ['linkedin', 'bluesky', 'mastodon'] }), plan, posts, new Date(0));
    const local = (id: string) => localParts(times.get(id)!, 'America/New_York');
    expect(local('a')).toMatchObject({ day: 6, hour: 8, minute: 0 });
    expect(local('b')).toMatchObject({ day: 6, hour: 12, minute: 0 });
    expect(local('c')).toMatchObject({ day: 6, hour: 9, minute: 0 });
    expect(local('d')).toMatchObject({ day: 6, hour: 8, minute: 30 });
  });

  it('keeps the minimum gap between posts on one platform', () => {
    const plan = [entry('x-01', 'x', 0), entry('x-02', 'x', 0), entry('x-03', 'x', 0), entry('x-04', 'x', 0)];
    const posts = plan.map((p, i) => draft(`p${i}`, p.planId, 'x'));
    const times = [...planSchedule(spec(), plan, posts, new Date(0)).values()].map((d) => d.getTime()).sort();
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(MIN_GAP_MS);
    expect(new Set(times).size).toBe(4);
  });

  it('does not schedule in the past when the start date has gone by', () => {
    const now = new Date('2026-03-06T20:00:00Z');
    const times = planSchedule(spec(), [entry('x-01', 'x', 0)], [draft('a', 'x-01', 'x')], now);
    expect(times.get('a')!.getTime()).toBeGreaterThanOrEqual(now.getTime());
  });
});
