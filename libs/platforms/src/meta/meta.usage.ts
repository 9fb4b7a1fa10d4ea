import type { HttpResponse, PlatformHttp, RateLimitObservation } from '../http/platform-http';
import { fromMinutes } from '../http/reset-signals';

/**
 * Meta's usage headers (`../shared/reference/platform-apis.md` §3.8), shared by Facebook Pages and Instagram.
 * Both report percentages of a budget, not counts: throttling starts when any of `call_count`,
 * `total_cputime` or `total_time` reaches 100. Observations therefore use `limit: 100` and `remaining` as the
 * percentage left.
 */

/** When Meta throttles without an estimate (`X-App-Usage` never carries one), wait this long. */
export const META_THROTTLE_BACKOFF_MS = 5 * 60_000;

export interface MetaUsage {
  /** The highest of call_count, total_cputime and total_time, in percent. */
  percent: number;
  /** `estimated_time_to_regain_access` in minutes (BUC only), 0 when not throttled. */
  regainMinutes: number;
}

interface UsageNumbers {
  call_count?: unknown;
  total_cputime?: unknown;
  total_time?: unknown;
  estimated_time_to_regain_access?: unknown;
}

/** `X-App-Usage: {"call_count":12,"total_cputime":3,"total_time":4}`; undefined when absent or malformed. */
export function parseAppUsage(value: string | null | undefined): MetaUsage | undefined {
  const parsed = parseJsonHeader(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  return summarize([parsed as UsageNumbers]);
}

/**
 * `X-Business-Use-Case-Usage: {"<page-or-business-id>":[{"type":"pages","call_count":..,"estimated_time_to_regain_access":..}]}`,
 * folded into one reading: the highest percentage and the longest wait over every id and entry.
 */
export function parseBusinessUseCaseUsage(value: string | null | undefined): MetaUsage | undefined {
  const parsed = parseJsonHeader(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const entries = Object.values(parsed as Record<string, unknown>).flatMap((list) => (Array.isArray(list) ? (list as UsageNumbers[]) : []));
  return entries.length > 0 ? summarize(entries) : undefined;
}

/** When the BUC header says access comes back (`estimated_time_to_regain_access`), if it says so. */
export function regainAccessAt(headers: Headers, now = new Date()): Date | undefined {
  const usage = parseBusinessUseCaseUsage(headers.get('x-business-use-case-usage'));
  return usage && usage.regainMinutes > 0 ? fromMinutes(usage.regainMinutes, now) : undefined;
}

/** The observations one response's headers carry: `app` for X-App-Usage, `account` for the BUC header. */
export function metaUsageObservations(headers: Headers, now = new Date()): RateLimitObservation[] {
  const observations: RateLimitObservation[] = [];
  const app = parseAppUsage(headers.get('x-app-usage'));
  if (app) observations.push(observation('app', app, now));
  const buc = parseBusinessUseCaseUsage(headers.get('x-business-use-case-usage'));
  if (buc) observations.push(observation('account', buc, now));
  return observations;
}

/** Reports every usage header of a Graph response to the rate-limit observer. */
export function observeMetaUsage(http: PlatformHttp, response: HttpResponse, now = new Date()): void {
  for (const o of metaUsageObservations(response.headers, now)) http.observeRateLimit(o);
}

function observation(scope: 'app' | 'account', usage: MetaUsage, now: Date): RateLimitObservation {
  const remaining = Math.max(0, 100 - usage.percent);
  let resetAt: Date | undefined;
  if (usage.regainMinutes > 0) resetAt = fromMinutes(usage.regainMinutes, now);
  else if (remaining === 0) resetAt = new Date(now.getTime() + META_THROTTLE_BACKOFF_MS);
  return { scope, limit: 100, remaining, resetAt };
}

function summarize(entries: UsageNumbers[]): MetaUsage {
  let percent = 0;
  let regainMinutes = 0;
  for (const entry of entries) {
    percent = Math.max(percent, num(entry.call_count), num(entry.total_cputime), num(entry.total_time));
    regainMinutes = Math.max(regainMinutes, num(entry.estimated_time_to_regain_access));
  }
  return { percent, regainMinutes };
}

function num(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

function parseJsonHeader(value: string | null | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
