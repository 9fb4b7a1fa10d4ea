const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses a duration like `90s`, `6h`, `7d`, `2w` (or a bare number of milliseconds). */
export function parseDuration(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/.exec(raw.trim());
  if (!match) throw new Error(`must be a duration like 30s, 6h or 7d, got "${raw}"`);
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']);
}

/** Parses a comma-separated, strictly increasing list of durations (`1h,6h,24h,72h,7d`). */
export function parseDurationList(raw: string): number[] {
  const list = raw.split(',').map((part) => parseDuration(part));
  if (list.length === 0 || list.some((ms, i) => ms <= 0 || (i > 0 && ms <= list[i - 1]))) throw new Error(`must be increasing positive durations, got "${raw}"`);
  return list;
}
