import { WEEK_SLOTS, slotIndex, type SlotEstimate } from '@app/contracts';
import { DEFAULT_KERNEL, slotKernel, type KernelOptions } from './kernel';
import { recentDrift } from './drift';
import { fitCore, type PreparedData } from './model-fit';
import { weightedMedian } from './stats';
import { localSlot } from './zoned-time';

export { DEFAULT_PRIOR_STRENGTH } from './model-fit';

/**
 * The hour-of-week model: how engagement depends on when a post goes out, per account.
 *
 * Method.
 * 1. Slot: each post's slot is the hour of week of `publishedAt` in the audience's zone (DST-correct).
 * 2. Relative terms, in log space: y = ln(value + c), c = 5% of the median value so zeros are usable. Logs
 *    make effects multiplicative and keep one viral post from dominating; residuals are also clipped at
 *    ±3 robust SDs. The account's level α (its `baseline`) is the recency-weighted mean of y minus the
 *    fitted slot effect, re-estimated each round (back-fitting), so x = y − α is "relative to this account".
 * 3. Recency, two speeds. (a) The long-term profile weighs a post of age a days by w = 0.5^(a / halfLife),
 *    default half-life 112 days (16 weeks): audiences shift with the seasons (term times, summer, DST), so
 *    posts older than two or three seasons should fade, while ~7 posts a week need months to pin down 168
 *    slots: 16 weeks of posts hold ~80 effective posts at 112 days, ~51 at 6 weeks, ~38 at 4 weeks (in the
 *    benchmark a fixed 6 weeks lost 3 points and 4 weeks 7). (b) A recent change is caught separately
 *    (drift.ts): when the last 4 weeks' posts disagree with the older posts' fit at some hours beyond noise
 *    (a z scan, |z| ≥ 2.5), the model becomes that older fit plus the recent posts' correction (weighted
 *    with a 14-day half-life), so a moved audience wins within weeks rather than months.
 * 4. Sharing strength: a post at slot t counts for slot s with weight K(s, t) = day share × hour share
 *    (circular Gaussian over the hour of day, 1.5 h; other weekdays 0.85, the other weekend day 0.85,
 *    weekday ↔ weekend 0.05; see kernel.ts). n_eff(s) = Σ K(s, t_i)·w_i.
 * 5. Shrinkage (Normal–Normal): m(s) = (k0·ln prior(s) + Σ K·w·x) / (k0 + n_eff(s)). The noise variance σ²
 *    is the recency-weighted mean squared leave-one-out residual, shrunk toward 0.5² (4 pseudo-posts). The
 *    prior strength k0 = σ²/τ², where τ² (how far this account's hours sit from the platform's, beyond noise)
 *    is estimated from the posts and shrunk toward the default (k0 = 4) with 20 pseudo-posts: a few posts
 *    barely move the prior; an account that clearly differs from it soon outweighs it.
 *    sd_log(s)² = σ²/(k0 + n_eff(s)) (+ σ²/(kc + n_c(s)) with a drift correction);
 *    confidence(s) = n_eff / (n_eff + k0), the share of the estimate that comes from the account's own posts.
 * 6. Output: mean(s) = exp(m(s) + c(s)) scaled so the 168 means average 1 (1 = the account's average hour);
 *    sd(s) = mean(s)·sd_log(s) (delta method), which Thompson sampling draws with.
 *
 * Pass posts whose metrics have settled (older than ~2 days): a young post's counts are still growing.
 */
export interface SlotObservation {
  publishedAt: Date;
  /** Engagement rate where the platform reports impressions, else the engagement count; ≥ 0. */
  value: number;
}

export interface SlotModelOptions {
  now: Date;
  /** IANA zone of the audience. */
  timeZone: string;
  /** 168 relative multipliers (mean 1), e.g. `platformPrior(platform)`. */
  prior: readonly number[];
  /** Recency half-life of the long-term profile in days (Infinity: no recency weighting); default 112. */
  halfLifeDays?: number;
  /** Check the last 4 weeks for a change of the audience's hours and correct for it (default true). */
  detectDrift?: boolean;
  /** Fixed k0 (posts' worth of the prior at each slot); default: estimated per account. */
  priorStrength?: number;
  kernel?: KernelOptions;
}

export interface SlotModel {
  /** 168 estimates, index = weekday * 24 + hour. */
  slots: SlotEstimate[];
  /** Posts used. */
  observations: number;
  /** Σ recency weights of the posts used. */
  effectiveObservations: number;
  /** The account's recency-weighted typical value at an average hour (geometric mean), in `value` units. */
  baseline: number;
  /** Estimated noise SD of one post's log engagement around its slot's mean. */
  noiseSd: number;
  /** The recency half-life used (days). */
  halfLifeDays: number;
  /** True when the last weeks' posts showed a change of hours and the model was corrected for it. */
  driftDetected: boolean;
  /** The drift scan's largest |z| (see drift.ts). */
  driftZ: number;
  /** The prior strength k0 used. */
  priorStrength: number;
}

export const DEFAULT_HALF_LIFE_DAYS = 112;
export const DRIFT_WINDOW_DAYS = 28;
export const DRIFT_HALF_LIFE_DAYS = 14;
export const DRIFT_THRESHOLD_Z = 2.5;
const DAY_MS = 86_400_000;

function prepare(observations: readonly SlotObservation[], options: SlotModelOptions): PreparedData {
  const usable = observations.filter((o) => Number.isFinite(o.value) && o.value >= 0 && !Number.isNaN(o.publishedAt.getTime()));
  const positive = usable.map((o) => o.value).filter((v) => v > 0);
  const median = positive.length ? weightedMedian(positive, positive.map(() => 1)) : 0;
  const offset = median > 0 ? 0.05 * median : 1;
  return {
    slot: usable.map((o) => slotIndex(localSlot(o.publishedAt, options.timeZone))),
    ageDays: usable.map((o) => Math.max(0, (options.now.getTime() - o.publishedAt.getTime()) / DAY_MS)),
    y: usable.map((o) => Math.log(o.value + offset)),
    offset,
  };
}

/** Fits the hour-of-week model of one account (see the method above). */
export function fitSlotModel(observations: readonly SlotObservation[], options: SlotModelOptions): SlotModel {
  if (options.prior.length !== WEEK_SLOTS) throw new Error(`prior must have ${WEEK_SLOTS} values`);
  const data = prepare(observations, options);
  const kernel = slotKernel(options.kernel ?? DEFAULT_KERNEL);
  const halfLife = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const core = { logPrior: options.prior.map((p) => Math.log(Math.max(p, 1e-3))), kernel, halfLifeDays: halfLife, priorStrength: options.priorStrength };
  const fit = fitCore(data, core);
  const k0 = fit.priorStrength;
  const drift =
    options.detectDrift === false
      ? { maxZ: 0 }
      : recentDrift(data, { core: { ...core, priorStrength: k0 }, windowDays: DRIFT_WINDOW_DAYS, halfLifeDays: DRIFT_HALF_LIFE_DAYS, threshold: DRIFT_THRESHOLD_Z });
  const moved = drift.correction;
  const logMean = moved ? moved.base.m.map((m, s) => m + moved.c[s]) : fit.m;
  const raw = logMean.map(Math.exp);
  const scale = raw.reduce((sum, v) => sum + v, 0) / WEEK_SLOTS;
  const slots = raw.map((v, s): SlotEstimate => {
    const mean = v / scale;
    const variance = moved
      ? moved.base.noiseSd ** 2 / (k0 + moved.base.nEff[s]) + moved.base.noiseSd ** 2 / (moved.strength + moved.nEff[s])
      : fit.noiseSd ** 2 / (k0 + fit.nEff[s]);
    return { mean, sd: mean * Math.sqrt(variance), confidence: fit.nEff[s] / (fit.nEff[s] + k0) };
  });
  const n = data.y.length;
  return {
    slots,
    observations: n,
    effectiveObservations: fit.weight.reduce((s, w) => s + w, 0),
    baseline: n > 0 ? Math.max(0, Math.exp(fit.alpha) * (fit.m.reduce((sum, m) => sum + Math.exp(m), 0) / WEEK_SLOTS) - data.offset) : 0,
    noiseSd: fit.noiseSd,
    halfLifeDays: halfLife,
    priorStrength: k0,
    driftDetected: moved !== undefined,
    driftZ: drift.maxZ,
  };
}
