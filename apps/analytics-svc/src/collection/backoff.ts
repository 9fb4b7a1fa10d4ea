const BASE_MS = 60_000;
const MAX_MS = 6 * 3_600_000;

/** When to try a failed read again: the platform's reset when it gave one, else exponential back-off. */
export function retryTime(attempts: number, retryAt?: Date, now = Date.now()): Date {
  const backoff = now + Math.min(BASE_MS * 2 ** attempts, MAX_MS);
  return retryAt && retryAt.getTime() > now ? retryAt : new Date(backoff);
}

/** The first collection step after `step` that is still ahead (readings already overdue are not repeated). */
export function nextStep(offsetsMs: number[], publishedAt: Date, step: number, now = Date.now()): { step: number; dueAt: Date } | null {
  for (let next = step + 1; next < offsetsMs.length; next++) {
    const dueAt = publishedAt.getTime() + offsetsMs[next];
    if (dueAt > now) return { step: next, dueAt: new Date(dueAt) };
  }
  return null;
}
