import { WEEK_SLOTS } from '@app/contracts';
import { weightedMean, weightedMedian } from './stats';

/**
 * The numeric core of the hour-of-week model for one recency half-life (see model.ts for the method).
 * Everything is in log space; `x` are the posts' log values relative to the account's level.
 */
export interface PreparedData {
  /** Slot index of each post. */
  slot: number[];
  /** Age of each post in days (≥ 0). */
  ageDays: number[];
  /** ln(value + offset). */
  y: number[];
  offset: number;
}

export interface CoreSettings {
  logPrior: readonly number[];
  kernel: Float64Array;
  halfLifeDays: number;
  /** Fixed prior strength, or undefined to estimate it (empirical Bayes). */
  priorStrength?: number;
}

export interface CoreFit {
  /** Posterior log mean per slot (relative to the level). */
  m: number[];
  nEff: number[];
  weight: number[];
  alpha: number;
  noiseSd: number;
  priorStrength: number;
  /** The relative log values the fit used (after clipping). */
  x: number[];
  /** Each post's leave-one-out error: x minus its slot's estimate without the post. */
  looErrors: number[];
}

export const DEFAULT_PRIOR_STRENGTH = 4;
const PRIOR_NOISE_SD = 0.5;
const PRIOR_NOISE_WEIGHT = 4;
/** Pseudo-posts behind the default prior strength when it is estimated from the data. */
const PRIOR_STRENGTH_WEIGHT = 20;
const MIN_PRIOR_STRENGTH = 0.5;
const MAX_PRIOR_STRENGTH = 10;
const ROUNDS = 5;
const CLIP_SDS = 3;

export const recencyWeight = (ageDays: number, halfLifeDays: number): number => (Number.isFinite(halfLifeDays) ? 0.5 ** (ageDays / halfLifeDays) : 1);

interface Posterior {
  m: number[];
  nEff: number[];
}

function posterior(data: PreparedData, x: readonly number[], weight: readonly number[], settings: CoreSettings, k0: number): Posterior {
  const m: number[] = [];
  const nEff: number[] = [];
  for (let s = 0; s < WEEK_SLOTS; s++) {
    let sum = k0 * settings.logPrior[s];
    let n = 0;
    for (let i = 0; i < x.length; i++) {
      const k = settings.kernel[s * WEEK_SLOTS + data.slot[i]] * weight[i];
      if (k === 0) continue;
      sum += k * x[i];
      n += k;
    }
    m.push(sum / (k0 + n));
    nEff.push(n);
  }
  return { m, nEff };
}

/** Each post's leave-one-out prediction error: its slot's estimate without the post itself. */
function looErrors(data: PreparedData, x: readonly number[], weight: readonly number[], post: Posterior, settings: CoreSettings, k0: number): number[] {
  return x.map((xi, i) => {
    const s = data.slot[i];
    const own = settings.kernel[s * WEEK_SLOTS + s] * weight[i];
    const total = k0 + post.nEff[s];
    const without = (post.m[s] * total - own * xi) / Math.max(1e-9, total - own);
    return xi - without;
  });
}

export function fitCore(data: PreparedData, settings: CoreSettings): CoreFit {
  const n = data.y.length;
  const weight = data.ageDays.map((age) => recencyWeight(age, settings.halfLifeDays));
  const totalWeight = weight.reduce((s, w) => s + w, 0);
  let k0 = settings.priorStrength ?? DEFAULT_PRIOR_STRENGTH;
  let alpha = weightedMean(data.y.map((y, i) => y - settings.logPrior[data.slot[i]]), weight);
  let fitted = data.slot.map((s) => settings.logPrior[s]);
  let x = data.y.map((y) => y - alpha);
  let post = posterior(data, x, weight, settings, k0);
  let noiseSd = PRIOR_NOISE_SD;
  let errors: number[] = [];
  for (let round = 0; round < ROUNDS && n > 0; round++) {
    const raw = data.y.map((y) => y - alpha);
    const scale = Math.max(0.1, 1.4826 * weightedMedian(raw.map((v, i) => Math.abs(v - fitted[i])), weight));
    x = raw.map((v, i) => Math.min(fitted[i] + CLIP_SDS * scale, Math.max(fitted[i] - CLIP_SDS * scale, v)));
    post = posterior(data, x, weight, settings, k0);
    fitted = data.slot.map((s) => post.m[s]);
    alpha += weightedMean(data.y.map((y, i) => y - alpha - fitted[i]), weight);
    errors = looErrors(data, x, weight, post, settings, k0);
    const squares = errors.reduce((sum, e, i) => sum + weight[i] * e * e, 0);
    noiseSd = Math.sqrt((PRIOR_NOISE_WEIGHT * PRIOR_NOISE_SD ** 2 + squares) / (PRIOR_NOISE_WEIGHT + totalWeight));
    if (settings.priorStrength === undefined) {
      // Empirical Bayes: how far this account's posts sit from the prior beyond noise (τ²), shrunk toward
      // the default's τ0² = σ0² / k0 with a few pseudo-posts; k0 = σ² / τ².
      const deviation = weightedMean(x.map((v, i) => (v - settings.logPrior[data.slot[i]]) ** 2), weight);
      const tau0 = PRIOR_NOISE_SD ** 2 / DEFAULT_PRIOR_STRENGTH;
      const tau = (PRIOR_STRENGTH_WEIGHT * tau0 + totalWeight * Math.max(0, deviation - noiseSd ** 2)) / (PRIOR_STRENGTH_WEIGHT + totalWeight);
      k0 = Math.min(MAX_PRIOR_STRENGTH, Math.max(MIN_PRIOR_STRENGTH, noiseSd ** 2 / Math.max(1e-6, tau)));
    }
  }
  if (n > 0) {
    post = posterior(data, x, weight, settings, k0);
    errors = looErrors(data, x, weight, post, settings, k0);
  }
  return { m: post.m, nEff: post.nEff, weight, alpha, noiseSd, priorStrength: k0, x, looErrors: errors };
}
