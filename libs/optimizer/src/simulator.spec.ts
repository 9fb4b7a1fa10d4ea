import { PLATFORMS, engagementRate, engagements, slotIndex } from '@app/contracts';
import { contentFeatures } from './content-features';
import { platformPrior } from './prior';
import { audienceProfile } from './profile';
import { AudienceSimulator } from './simulator';
import { localParts, zonedTime } from './zoned-time';

const now = new Date('2026-11-25T00:00:00Z');
const HOUR_MS = 3_600_000;
const textPost = contentFeatures({ text: 'Plain words here', mediaType: 'text' });
const imagePost = contentFeatures({ text: 'Plain words here', mediaType: 'image' });
const argmax = (values: readonly number[]): number => values.indexOf(Math.max(...values));

describe('audienceProfile', () => {
  it('has 168 multipliers with mean 1, depends on the seed, and differs from the platform prior', () => {
    let samePeakAsPrior = 0;
    for (const platform of PLATFORMS) {
      for (const seed of ['a', 'b', 'c']) {
        const profile = audienceProfile({ platform, seed, timeZone: 'Europe/Berlin' });
        expect(profile.multipliers).toHaveLength(168);
        expect(profile.multipliers.reduce((s, v) => s + v, 0) / 168).toBeCloseTo(1, 9);
        const weekdayHours = (values: readonly number[]) => values.slice(48, 72);
        if (Math.abs(argmax(weekdayHours(profile.multipliers)) - argmax(weekdayHours(platformPrior(platform)))) <= 1) samePeakAsPrior++;
      }
      expect(audienceProfile({ platform, seed: 'a', timeZone: 'UTC' }).multipliers).not.toEqual(audienceProfile({ platform, seed: 'b', timeZone: 'UTC' }).multipliers);
    }
    expect(samePeakAsPrior).toBeLessThanOrEqual(3);
  });

  it('shifts the whole week by shiftHours', () => {
    const base = audienceProfile({ platform: 'x', seed: 'moved', timeZone: 'UTC' }).multipliers;
    const moved = audienceProfile({ platform: 'x', seed: 'moved', timeZone: 'UTC', shiftHours: 5 }).multipliers;
    for (let i = 0; i < 168; i++) expect(moved[(i + 5) % 168]).toBeCloseTo(base[i], 12);
  });
});

describe('AudienceSimulator', () => {
  const sim = new AudienceSimulator({ platform: 'x', seed: 'acct-1', timeZone: 'America/New_York', followers: 10_000 });

  it('is deterministic: the same seed gives the same history and metrics', () => {
    const again = new AudienceSimulator({ platform: 'x', seed: 'acct-1', timeZone: 'America/New_York', followers: 10_000 });
    const a = sim.history({ now, weeks: 2, postsPerWeek: 7 });
    expect(again.history({ now, weeks: 2, postsPerWeek: 7 })).toEqual(a);
    const other = new AudienceSimulator({ platform: 'x', seed: 'acct-2', timeZone: 'America/New_York', followers: 10_000 });
    expect(other.history({ now, weeks: 2, postsPerWeek: 7 }).map((p) => p.metrics)).not.toEqual(a.map((p) => p.metrics));
  });

  it('follows the hidden profile and the content effects in its expected rate', () => {
    const date = { year: 2026, month: 12, day: 2 };
    const instants = Array.from({ length: 24 }, (_, h) => zonedTime(date, h, 0, sim.timeZone));
    const best = instants[argmax(instants.map((t) => sim.expectedRate(t, textPost)))];
    const index = slotIndex({ weekday: 2, hour: localParts(best, sim.timeZone).hour });
    expect(index).toBe(48 + argmax(sim.profile.multipliers.slice(48, 72)));
    expect(sim.expectedRate(best, imagePost) / sim.expectedRate(best, textPost)).toBeCloseTo(sim.effects.media.image / sim.effects.media.text, 9);
    expect(sim.effects.media.image).toBeGreaterThan(1.1);
  });

  it('grows metrics with post age and saturates', () => {
    const post = { id: 'p1', publishedAt: now, features: imagePost };
    const at = (hours: number) => sim.metricsAt(post, new Date(now.getTime() + hours * HOUR_MS));
    expect(engagements(at(0))).toBe(0);
    const series = [1, 5, 10, 24, 72, 96].map((h) => engagements(at(h)));
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1]);
    expect(series[1]).toBeLessThan(series[3] * 0.6);
    expect(series[5] - series[4]).toBeLessThanOrEqual(Math.ceil(series[5] * 0.01));
    expect(at(96).impressions).toBeGreaterThan(at(5).impressions!);
    expect(engagementRate(at(96))).toBeCloseTo(engagementRate(at(24))!, 2);
  });

  it('reports no impressions or reach on Bluesky and Mastodon, only counts', () => {
    for (const platform of ['bluesky', 'mastodon'] as const) {
      const counts = new AudienceSimulator({ platform, seed: 's', timeZone: 'UTC' }).metricsAt({ id: 'p', publishedAt: now, features: textPost }, new Date(now.getTime() + 48 * HOUR_MS));
      expect(counts.impressions).toBeUndefined();
      expect(counts.reach).toBeUndefined();
      expect(engagementRate(counts)).toBeUndefined();
      expect(engagements(counts)).toBeGreaterThan(0);
    }
    expect(sim.metricsAt({ id: 'p', publishedAt: now, features: textPost }, new Date(now.getTime() + 48 * HOUR_MS)).impressions).toBeGreaterThan(0);
  });

  it('simulates a history at varied local times with varied content', () => {
    const history = sim.history({ now, weeks: 8, postsPerWeek: 7 });
    expect(history.length).toBeGreaterThanOrEqual(54);
    expect(history.every((p, i) => p.publishedAt < now && (i === 0 || p.publishedAt >= history[i - 1].publishedAt))).toBe(true);
    expect(history[0].publishedAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 8 * 7 * 24 * HOUR_MS - 24 * HOUR_MS);
    const hours = history.map((p) => localParts(p.publishedAt, sim.timeZone).hour);
    expect(hours.filter((h) => h >= 6).length / hours.length).toBeGreaterThan(0.8);
    expect(new Set(hours).size).toBeGreaterThanOrEqual(10);
    expect(new Set(history.map((p) => p.mediaType)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(history.map((p) => p.features.hashtags)).size).toBeGreaterThanOrEqual(3);
    for (const p of history) expect(contentFeatures({ text: p.text, mediaType: p.mediaType, format: p.format, pillar: p.pillar })).toEqual(p.features);
  });
});
