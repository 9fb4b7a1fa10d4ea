/**
 * Platforms announce when a rate limit resets in different encodings; each parser turns one into a UTC
 * instant, or undefined when the header is absent or malformed.
 */

/** X `x-rate-limit-reset`, Bluesky `RateLimit-Reset`: Unix seconds. */
export function fromEpochSeconds(value: string | null | undefined): Date | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return new Date(Number(value) * 1000);
}

/** Mastodon `X-RateLimit-Reset`: an ISO 8601 instant. */
export function fromIsoInstant(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const time = Date.parse(normalizeOffset(value.trim()));
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Meta `estimated_time_to_regain_access`: minutes to wait. */
export function fromMinutes(minutes: number | null | undefined, now = new Date()): Date | undefined {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return undefined;
  return new Date(now.getTime() + minutes * 60_000);
}

/** HTTP `Retry-After`: delay seconds or an HTTP date. */
export function fromRetryAfter(value: string | null | undefined, now = new Date()): Date | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return new Date(now.getTime() + Number(value) * 1000);
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** LinkedIn's daily quotas reset at 00:00 UTC and send no header. */
export function nextUtcMidnight(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** Graph API times look like `2019-05-17T16:24:04+0000`; ECMAScript wants `+00:00`. */
export function normalizeOffset(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Parses a platform timestamp (ISO with `Z`, `+0000` or `+00:00`); undefined when unparseable. */
export function parseInstant(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value > 1e12 ? value : value * 1000);
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(normalizeOffset(value));
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** An integer header, or undefined. */
export function intHeader(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
