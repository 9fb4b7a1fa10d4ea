import { WEEK_SLOTS } from '@app/contracts';
import { fitCore, recencyWeight, type CoreFit, type CoreSettings, type PreparedData } from './model-fit';

/**
 * A recent change of the audience's hours. The long-memory fit keeps months of posts (precise for a stable
 * audience) but follows a change slowly, so the posts of the last `windowDays` are checked against a fit of
 * the older posts alone. Their residuals r (minus their mean: an account-wide level change is not about
 * timing) are smoothed with the slot kernel and recency weights v (14-day half-life): at each slot a raw
 * correction ĉ(s) = ΣKvr/ΣKv with standard error σ·√Σ(Kv)²/ΣKv under pure noise. When some slot's
 * |ĉ/se| reaches `threshold` (a scan over all slots, so the bar is well above 2), the audience has moved:
 * τc², the variance of the change, is the mean excess ĉ² − se² at the recent posts' slots, and the model
 * becomes the older posts' fit plus the shrunk correction c(s) = ΣKvr / (kc + ΣKv), kc = min(2, σ²/τc²)
 * (τc² averages a change that is usually local, so it is capped: once a change is detected, the recent
 * posts lead where they exist; where they do not, c → 0 and the older fit stands). A stable
 * audience passes the check and keeps the long-memory fit, so the check costs nothing when nothing moved.
 */
export interface DriftSettings {
  core: CoreSettings;
  /** Posts younger than this are "recent". */
  windowDays: number;
  /** Half-life of the recent posts' weights in the correction. */
  halfLifeDays: number;
  /** |z| a slot's raw correction must reach to count as a change. */
  threshold: number;
}

export interface DriftCorrection {
  /** The older posts' fit the correction applies to. */
  base: CoreFit;
  /** Log correction per slot. */
  c: number[];
  /** Σ kernel × weight of the recent posts per slot. */
  nEff: number[];
  /** Shrinkage strength kc. */
  strength: number;
  /** Estimated variance of the change. */
  variance: number;
}

export interface DriftCheck {
  /** The largest |z| of the scan (0 when there were too few posts to check). */
  maxZ: number;
  correction?: DriftCorrection;
}

const MIN_POSTS = 8;
/** Once a change is detected the recent posts lead: kc is at most 2 posts' worth. */
const MAX_STRENGTH = 2;
/** A slot needs this much recent weight before its z counts in the scan. */
const MIN_SLOT_WEIGHT = 2;

function subset(data: PreparedData, indices: readonly number[]): PreparedData {
  return { slot: indices.map((i) => data.slot[i]), ageDays: indices.map((i) => data.ageDays[i]), y: indices.map((i) => data.y[i]), offset: data.offset };
}

export function recentDrift(data: PreparedData, settings: DriftSettings): DriftCheck {
  const recent: number[] = [];
  const old: number[] = [];
  data.ageDays.forEach((age, i) => (age < settings.windowDays ? recent : old).push(i));
  if (recent.length < MIN_POSTS || old.length < MIN_POSTS) return { maxZ: 0 };

  const base = fitCore(subset(data, old), settings.core);
  const kernel = settings.core.kernel;
  const v = recent.map((i) => recencyWeight(data.ageDays[i], settings.halfLifeDays));
  const sumV = v.reduce((s, w) => s + w, 0);
  const raw = recent.map((i) => data.y[i] - base.alpha - base.m[data.slot[i]]);
  const level = raw.reduce((s, e, j) => s + v[j] * e, 0) / sumV;
  const r = raw.map((e) => e - level);
  const noiseVar = base.noiseSd ** 2;
  const sum: number[] = [];
  const nEff: number[] = [];
  const se2: number[] = [];
  let maxZ = 0;
  for (let s = 0; s < WEEK_SLOTS; s++) {
    let total = 0;
    let n = 0;
    let squares = 0;
    recent.forEach((i, j) => {
      const k = kernel[s * WEEK_SLOTS + data.slot[i]] * v[j];
      total += k * r[j];
      n += k;
      squares += k * k;
    });
    sum.push(total);
    nEff.push(n);
    se2.push(n > 0 ? (noiseVar * squares) / (n * n) : Infinity);
    if (n >= MIN_SLOT_WEIGHT) maxZ = Math.max(maxZ, Math.abs(total / n) / Math.sqrt(se2[s]));
  }
  if (maxZ < settings.threshold) return { maxZ };
  const excess = recent.map((i) => {
    const s = data.slot[i];
    return Math.max(0, (sum[s] / nEff[s]) ** 2 - se2[s]);
  });
  const variance = excess.reduce((a, e, j) => a + v[j] * e, 0) / sumV;
  if (!(variance > 0)) return { maxZ };
  const strength = Math.min(MAX_STRENGTH, noiseVar / variance);
  return { maxZ, correction: { base, c: sum.map((t, s) => t / (strength + nEff[s])), nEff, strength, variance } };
}
