import { WEEK_SLOTS } from '@app/contracts';
import { DEFAULT_KERNEL, slotKernel, type KernelOptions } from './kernel';
import { normalSample, type Random } from './random';

/**
 * Standard normal draws for the 168 slots, correlated the way the model's errors are. Each slot's estimate
 * is a kernel-weighted average of the same posts, so neighbouring hours err together (for the default
 * kernel the correlation is ~0.9 one hour apart, ~0.6 two hours apart). z = K·ξ, normalised per slot,
 * with ξ independent N(0, 1): each z(s) is N(0, 1), and corr(z(s), z(t)) is the overlap of their kernels.
 * Thompson sampling with independent draws would treat 11:00 and 12:00 as unrelated bets.
 */
interface SparseRow {
  index: Int32Array;
  weight: Float64Array;
}

const rows = new Map<string, SparseRow[]>();

/** The kernel's non-zero entries per slot, scaled so each row has unit norm (cached per options). */
function normalisedRows(kernel: KernelOptions): SparseRow[] {
  const key = JSON.stringify(kernel);
  let cached = rows.get(key);
  if (!cached) {
    const matrix = slotKernel(kernel);
    cached = Array.from({ length: WEEK_SLOTS }, (_, s) => {
      const entries: Array<[number, number]> = [];
      for (let u = 0; u < WEEK_SLOTS; u++) if (matrix[s * WEEK_SLOTS + u] > 0) entries.push([u, matrix[s * WEEK_SLOTS + u]]);
      const norm = Math.sqrt(entries.reduce((sum, [, k]) => sum + k * k, 0));
      return { index: Int32Array.from(entries.map(([u]) => u)), weight: Float64Array.from(entries.map(([, k]) => k / norm)) };
    });
    rows.set(key, cached);
  }
  return cached;
}

export function correlatedNormals(random: Random, kernel: KernelOptions = DEFAULT_KERNEL): number[] {
  const sparse = normalisedRows(kernel);
  const xi = Array.from({ length: WEEK_SLOTS }, () => normalSample(random));
  return sparse.map(({ index, weight }) => {
    let sum = 0;
    for (let j = 0; j < index.length; j++) sum += weight[j] * xi[index[j]];
    return sum;
  });
}
