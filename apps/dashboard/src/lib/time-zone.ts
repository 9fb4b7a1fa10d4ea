/**
 * Wall-clock time in an IANA time zone, with the platform's Intl only. A campaign's posts are shown, and
 * rescheduled, in the campaign's time zone, whatever the browser's or the server's zone is.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const { type, value } of partsFormatter(timeZone).formatToParts(instant)) if (type !== 'literal') parts[type] = Number(value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const w = wallTimeOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which clocks in `timeZone` read `local` (`YYYY-MM-DDTHH:mm`, as an `<input type="datetime-local">`
 * gives it). A time skipped by a DST change moves forward by the gap; a repeated one takes the first occurrence.
 * Undefined when `local` is not such a string.
 */
export function instantOfWallTime(local: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Try the offsets in force a day either side: the earlier one that reads back as `local` wins.
  const offsets = [...new Set([zoneOffsetMs(new Date(asUtc - 86_400_000), timeZone), zoneOffsetMs(new Date(asUtc + 86_400_000), timeZone)])].sort((a, b) => b - a);
  for (const offset of offsets) {
    const candidate = new Date(asUtc - offset);
    const back = wallTimeOf(candidate, timeZone);
    if (back.year === year && back.month === month && back.day === day && back.hour === hour && back.minute === minute) return candidate;
  }
  // In a DST gap: no instant reads `local`; the clocks jumped over it, so does the time.
  return new Date(asUtc - Math.min(...offsets));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `instant` as `YYYY-MM-DDTHH:mm` in `timeZone`, for a datetime-local input's value. */
export function toLocalInput(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  return toLocalInput(instant, timeZone).slice(0, 10);
}

/** `instant` for people: "Tue 1 Dec, 09:30" in `timeZone` (en-GB style, 24-hour). */
export function formatInZone(instant: Date | string, timeZone: string, options: Intl.DateTimeFormatOptions = {}): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...options }).format(date);
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Adds `days` calendar days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
