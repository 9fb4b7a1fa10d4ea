import { eventually } from '@app/testing';
import { ApiSession } from './api-client';
import type { SystemUnderTest } from './campaign-flow.scenario';

interface SlotEstimate {
  mean: number;
  sd: number;
  confidence: number;
}

interface ScheduledPost {
  id: string;
  platform: string;
  scheduledTime: string;
  slotChoice: { source: string; runId?: string; weekday: number; hour: number; expectedLift?: number; confidence?: number; explored?: boolean } | null;
}

const AUDIENCE_ZONE = 'America/Chicago';
const WEEKDAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function sameDay(a: Date, b: Date, timeZone: string): boolean {
  const date = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return date(a) === date(b);
}

/** Weekday (0 = Monday) and hour of an instant in a zone. */
function slotIn(instant: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).formatToParts(instant).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAY[parts.weekday], hour: Number(parts.hour) };
}

/**
 * The learning loop over HTTP only: connecting a (sandbox) account imports its 16 weeks of simulated
 * history, the Optimization agent learns its audience's hours, and the next campaign's posts land in the
 * learned slots, with the recommendations the campaign used on record.
 */
export function analyticsLoopScenario(getSystem: () => SystemUnderTest): void {
  let carol: ApiSession;
  let connectionId: string;

  it('connects a sandbox account, imports its history and learns a model of it', async () => {
    carol = await ApiSession.register(getSystem().gatewayUrl, `carol-${Date.now()}@example.com`);
    const connected = await carol.post('/api/v1/platforms/connect', { platform: 'x', sandbox: true, timeZone: AUDIENCE_ZONE }).expect(201);
    expect(connected.body).toMatchObject({ platform: 'x', kind: 'sandbox', status: 'active', timeZone: AUDIENCE_ZONE });
    connectionId = connected.body.id;
    const imported = await eventually('history imported and a model known to the Scheduler', async () => {
      const models = await getSystem().count(`SELECT count(*)::int AS n FROM scheduler.slot_models WHERE connection_id = $1`, [connectionId]);
      return models === 1 ? getSystem().count(`SELECT count(*)::int AS n FROM analytics.posts WHERE platform_connection_id = $1 AND source = 'imported'`, [connectionId]) : undefined;
    }, 60_000, 250);
    // 16 weeks at about 7 posts a week.
    expect(imported).toBeGreaterThanOrEqual(100);
  });

  it("places the next campaign's posts in the learned slots and records what it used", async () => {
    const created = await carol
      .post('/api/v1/campaigns', {
        name: 'Learned slots',
        goal: 'Grow newsletter sign-ups among home cooks',
        targetPlatforms: ['x'],
        durationDays: 7,
        contentThemes: ['weeknight recipes'],
        timezone: 'Europe/Lisbon',
        startDate: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(202);
    const view = await eventually('campaign scheduled', async () => {
      const v = (await carol.get(`/api/v1/campaigns/${created.body.id}`).expect(200)).body;
      if (v.status === 'failed') throw new Error(`campaign failed: ${JSON.stringify(v.failure)}`);
      return v.status === 'scheduled' ? v : undefined;
    }, 60_000, 250);

    const optimize = (await carol.get(`/api/v1/analytics/optimize/${created.body.id}`).expect(200)).body;
    const account = optimize.accounts.find((a: { connectionId: string }) => a.connectionId === connectionId);
    expect(account.observations).toBeGreaterThanOrEqual(100);
    expect(account.slots).toHaveLength(168);
    const slots: SlotEstimate[] = account.slots;

    const posts: ScheduledPost[] = view.posts;
    expect(posts.length).toBeGreaterThan(0);
    expect(view.recommendations.schedule).toMatchObject({ runIds: [account.runId], learnedPosts: posts.length, defaultPosts: 0 });
    expect(view.recommendations.strategy.runIds).toEqual([account.runId]);
    const meanAt = (instant: Date) => {
      const slot = slotIn(instant, AUDIENCE_ZONE);
      return slots[slot.weekday * 24 + slot.hour].mean;
    };
    const times = posts.map((p) => new Date(p.scheduledTime));
    let chosen = 0;
    let dayAverage = 0;
    for (const [i, post] of posts.entries()) {
      const at = times[i];
      expect(post.slotChoice).toMatchObject({ source: 'learned', runId: account.runId, ...slotIn(at, AUDIENCE_ZONE) });
      // The other hours of the post's day in the campaign's zone, and those the Scheduler was free to take.
      const day = Array.from({ length: 47 }, (_, k) => new Date(at.getTime() + (k - 23) * 3_600_000)).filter((t) => sameDay(t, at, 'Europe/Lisbon'));
      const free = day.filter((t) => t.getTime() >= Date.parse(view.startDate) && times.every((o, j) => j === i || Math.abs(o.getTime() - t.getTime()) >= 2 * 3_600_000));
      // A post that did not explore sits in the best free hour of its day by the published model.
      if (!post.slotChoice!.explored) expect(meanAt(at)).toBeGreaterThanOrEqual(Math.max(...free.map(meanAt)) - 1e-9);
      chosen += meanAt(at);
      dayAverage += day.reduce((sum, t) => sum + meanAt(t), 0) / day.length;
    }
    // Exploration included, the campaign's hours beat its days' average hour by the model.
    expect(chosen).toBeGreaterThan(dayAverage);
  });
}
