import { CampaignSpec, PLATFORMS, PlannedPost, PostDraft } from '@app/contracts';
import type { SlotEstimate } from '@app/contracts';
import { localParts, localSlot } from '@app/optimizer';
import { DEFAULT_SLOTS, MAX_POSTS_PER_DAY, MIN_GAP_MS, PlacedPost, SlotModelInput, planSchedule as plan } from './schedule-planner';

/** Times only, as the default-slot tests read them. */
const planSchedule = (...args: Parameters<typeof plan>): Map<string, Date> => new Map([...plan(...args)].map(([id, placed]: [string, PlacedPost]) => [id, placed.time]));

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

  it('records that default slots were used when the account has no model', () => {
    const placed = plan(spec(), [entry('x-01', 'x', 1)], [draft('a', 'x-01', 'x')], new Date(0));
    // Day 1 is Friday Mar 6: the first default X slot, 09:00 New York.
    expect(placed.get('a')!.choice).toEqual({ source: 'default', weekday: 4, hour: 9 });
  });
});

/** A model whose audience (in Tokyo) peaks at 20:00 every day, known with high confidence. */
function peakedModel(peakHour: number, sd: number, confidence: number): SlotModelInput {
  const slots: SlotEstimate[] = Array.from({ length: 168 }, (_, i) => ({ mean: i % 24 === peakHour ? 1.8 : 0.8 + 0.01 * (i % 24), sd, confidence }));
  return { runId: '00000000-0000-4000-8000-000000000001', timeZone: 'Asia/Tokyo', slots };
}

describe('planSchedule with a learned model', () => {
  // From day 1: on day 0 Tokyo's 20:00 (06:00 in New York) is before the campaign starts.
  const days = (n: number) => Array.from({ length: n }, (_, i) => entry(`x-${i}`, 'x', i + 1));
  const drafts = (n: number) => Array.from({ length: n }, (_, i) => draft(`p${i}`, `x-${i}`, 'x'));

  it("puts posts in the account's best slot, in the audience's zone, and says so", () => {
    const placed = plan(spec(), days(5), drafts(5), new Date(0), new Map([['x', peakedModel(20, 0.01, 0.95)]]), 'campaign-1');
    for (const { time, choice } of placed.values()) {
      expect(localSlot(time, 'Asia/Tokyo').hour).toBe(20);
      expect(choice).toMatchObject({ source: 'learned', runId: '00000000-0000-4000-8000-000000000001', hour: 20, explored: false, confidence: 0.95 });
      expect(choice.expectedLift).toBeCloseTo(0.8, 5);
    }
  });

  it('explores other slots sometimes while the model is uncertain, and is reproducible per campaign', () => {
    const uncertain = new Map([['x' as const, peakedModel(20, 0.9, 0.1)]]);
    const first = plan(spec(), days(7), drafts(7), new Date(0), uncertain, 'campaign-2');
    const again = plan(spec(), days(7), drafts(7), new Date(0), uncertain, 'campaign-2');
    expect([...again.values()].map((p) => p.time.getTime())).toEqual([...first.values()].map((p) => p.time.getTime()));
    const hours = new Set([...first.values()].map((p) => localSlot(p.time, 'Asia/Tokyo').hour));
    expect(hours.size).toBeGreaterThan(1);
    expect([...first.values()].some((p) => p.choice.explored)).toBe(true);
  });

  it('keeps the gap and the daily cap when the best slot is taken', () => {
    const many = Array.from({ length: 4 }, (_, i) => entry(`li-${i}`, 'linkedin', 0));
    const posts = many.map((e, i) => draft(`l${i}`, e.planId, 'linkedin'));
    const placed = [...plan(spec({ targetPlatforms: ['linkedin'] }), many, posts, new Date(0), new Map([['linkedin', peakedModel(20, 0.01, 0.9)]]), 'c').values()];
    const perDay = new Map<number, number>();
    for (const p of placed) perDay.set(localParts(p.time, 'America/New_York').day, (perDay.get(localParts(p.time, 'America/New_York').day) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(MAX_POSTS_PER_DAY.linkedin);
    const times = placed.map((p) => p.time.getTime()).sort();
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(MIN_GAP_MS);
  });
});
