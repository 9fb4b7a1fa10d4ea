import { slotIndex, type MediaType, type MetricName, type Platform, type PostMetrics } from '@app/contracts';
import type { ContentFeatures } from './content-features';
import { audienceProfile, type AudienceProfile } from './profile';
import { createRandom, normalSample, type Random } from './random';
import { contentEffects, contentMultiplier, simulatedContent, type ContentEffects, type SimulatedContent } from './simulated-content';
import { addLocalDays, localSlot, zonedTime } from './zoned-time';

/**
 * A simulated audience for the sandbox platform, tests and the benchmark. Deterministic: every number
 * comes from string-seeded mulberry32 streams (seed, post id), so the same seed gives the same metrics on
 * any machine.
 *
 * - Timing: a hidden hour-of-week profile in the audience's zone (`audienceProfile`: 2–3 daily peaks moved
 *   hours away from `platformPrior`, weekends different; optionally shifted by `shiftHours`).
 * - Content: multiplicative effects (images ×1.3, carousels ×1.4, questions ×1.15, 1–2 hashtags best, long
 *   text ×0.8 …, varied mildly by seed; `contentEffects`).
 * - expectedRate = platform base rate × profile(slot) × content multiplier (noise-free).
 * - A post's metrics: its rate × lognormal noise (σ 0.35, from hash(seed, id)); the audience it reaches =
 *   followers × the platform's reach share × lognormal(0.2); both grow with age as 1 − e^(−age/10 h).
 *   Engagements = reach × rate, split into the platform's interaction kinds. Bluesky and Mastodon report no
 *   impressions or reach (only counts), as their APIs do.
 * - History: posts spread evenly over the weeks; half at the account's 3 habitual hours (±1 h), 40% anywhere
 *   06–23, 10% at night, local time; content drawn by `simulatedContent` (media mix per platform, questions,
 *   links, hashtag counts, lengths and pillars vary).
 * Numbers are identical across machines for one Node/V8 version (integer PRNG; V8's own Math.exp/log/cos).
 */
export interface AudienceSimulatorOptions {
  platform: Platform;
  seed: string;
  /** IANA zone of the audience. */
  timeZone: string;
  /** Rotate the hidden profile by this many hours (an audience that moved). */
  shiftHours?: number;
  /** Default: 2,000–40,000 by seed. */
  followers?: number;
  /** SD of the per-post lognormal noise (default 0.35). */
  noiseSd?: number;
}

export interface SimulatedPostInput {
  id: string;
  platform?: Platform;
  publishedAt: Date;
  features: ContentFeatures;
}

export interface SimulatedPost {
  id: string;
  text: string;
  mediaType: MediaType;
  format: string;
  pillar: string;
  hashtags: string[];
  features: ContentFeatures;
  publishedAt: Date;
  metrics: PostMetrics;
}

export interface HistoryOptions {
  now: Date;
  weeks: number;
  postsPerWeek: number;
}

const BASE_RATE: Record<Platform, number> = { x: 0.02, instagram: 0.04, facebook: 0.025, linkedin: 0.035, bluesky: 0.03, mastodon: 0.03 };
const REACH_SHARE: Record<Platform, number> = { x: 0.25, instagram: 0.3, facebook: 0.15, linkedin: 0.3, bluesky: 0.3, mastodon: 0.3 };
/** How each platform's engagements split across the interaction kinds it reports. */
const SPLIT: Record<Platform, Partial<Record<MetricName, number>>> = {
  x: { likes: 0.55, comments: 0.08, shares: 0.12, saves: 0.05, clicks: 0.2 },
  instagram: { likes: 0.8, comments: 0.06, shares: 0.06, saves: 0.08 },
  facebook: { likes: 0.6, comments: 0.1, shares: 0.1, clicks: 0.2 },
  linkedin: { likes: 0.6, comments: 0.1, shares: 0.05, clicks: 0.25 },
  bluesky: { likes: 0.75, comments: 0.1, shares: 0.15 },
  mastodon: { likes: 0.65, comments: 0.1, shares: 0.25 },
};
const COUNTS_ONLY = new Set<Platform>(['bluesky', 'mastodon']);
const GROWTH_HOURS = 10;
const HOUR_MS = 3_600_000;

export class AudienceSimulator {
  readonly platform: Platform;
  readonly seed: string;
  readonly timeZone: string;
  readonly profile: AudienceProfile;
  readonly effects: ContentEffects;
  readonly followers: number;
  private readonly noiseSd: number;
  /** 3 habitual posting hours of this account (people post at their usual times). */
  private readonly habitualHours: number[];

  constructor(options: AudienceSimulatorOptions) {
    this.platform = options.platform;
    this.seed = options.seed;
    this.timeZone = options.timeZone;
    this.profile = audienceProfile(options);
    this.effects = contentEffects(options.seed);
    this.noiseSd = options.noiseSd ?? 0.35;
    const random = createRandom(`account:${options.platform}:${options.seed}`);
    this.followers = options.followers ?? Math.round(2000 * 20 ** random());
    this.habitualHours = [0, 1, 2].map(() => 7 + Math.floor(random() * 16));
  }

  /** The hidden profile's multiplier (mean 1 over the week) at an instant. */
  timingMultiplier(instant: Date): number {
    return this.profile.multipliers[slotIndex(localSlot(instant, this.timeZone))];
  }

  /** Noise-free engagement rate of a post with these features published at `instant`. */
  expectedRate(instant: Date, features: ContentFeatures): number {
    return BASE_RATE[this.platform] * this.timingMultiplier(instant) * contentMultiplier(this.effects, features);
  }

  /** The post's lifetime metrics as read at `at` (all zero before publication). */
  metricsAt(post: SimulatedPostInput, at: Date): PostMetrics {
    const platform = post.platform ?? this.platform;
    const ageHours = Math.max(0, (at.getTime() - post.publishedAt.getTime()) / HOUR_MS);
    const growth = 1 - Math.exp(-ageHours / GROWTH_HOURS);
    const random = createRandom(`${this.seed}:post:${post.id}`);
    const rateNoise = Math.exp(this.noiseSd * normalSample(random) - this.noiseSd ** 2 / 2);
    const reachNoise = Math.exp(0.2 * normalSample(random) - 0.02);
    const seen = this.followers * REACH_SHARE[platform] * reachNoise;
    const engaged = seen * this.expectedRate(post.publishedAt, post.features) * rateNoise;
    const metrics: PostMetrics = {};
    if (!COUNTS_ONLY.has(platform)) {
      metrics.impressions = Math.round(seen * growth);
      metrics.reach = Math.round(seen * 0.8 * growth);
    }
    for (const [name, share] of Object.entries(SPLIT[platform]) as Array<[MetricName, number]>) {
      metrics[name] = Math.round(engaged * share * growth);
    }
    if (post.features.media === 'video') metrics.video_views = Math.round(seen * 0.4 * growth);
    return metrics;
  }

  /** A random post of this platform (features vary like the history's). */
  randomContent(random: Random): SimulatedContent {
    return simulatedContent(this.platform, random);
  }

  /**
   * Simulated past posts, oldest first, spread evenly over the `weeks` before `now`, with metrics read at
   * `now`. Local times: half at the account's habitual hours (±1 h), 40% anywhere 06–23, 10% off-hours.
   */
  history(options: HistoryOptions): SimulatedPost[] {
    const { now, weeks, postsPerWeek } = options;
    const random = createRandom(`${this.seed}:history:${now.toISOString()}:${weeks}:${postsPerWeek}`);
    const total = Math.round(weeks * postsPerWeek);
    const days = Math.round(weeks * 7);
    const posts: SimulatedPost[] = [];
    for (let k = 0; k < total; k++) {
      const day = Math.floor(((k + random()) * days) / total);
      const date = addLocalDays(now, day - days, this.timeZone);
      const instant = zonedTime(date, this.postingHour(random), Math.floor(random() * 60), this.timeZone);
      const content = this.randomContent(random);
      if (instant >= now) continue;
      const id = `${this.seed}-h${k}`;
      posts.push({ id, ...content, publishedAt: instant, metrics: this.metricsAt({ id, publishedAt: instant, features: content.features }, now) });
    }
    return posts.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  }

  private postingHour(random: Random): number {
    const r = random();
    if (r < 0.5) {
      const habitual = this.habitualHours[Math.floor(random() * this.habitualHours.length)];
      return Math.min(23, Math.max(0, habitual + Math.floor(random() * 3) - 1));
    }
    if (r < 0.9) return 6 + Math.floor(random() * 18);
    return Math.floor(random() * 6);
  }
}
