import { EnvReader, ServiceConfig, readServiceConfig } from '@app/config';
import { parseDuration, parseDurationList } from './durations';

export interface AnalyticsConfig extends ServiceConfig {
  /** posting-svc, which reads the platforms' insights with the accounts' tokens. */
  postingUrl: string;
  postingTimeoutMs: number;
  /** When a published post's metrics are read, counted from its publication. */
  collectOffsetsMs: number[];
  /** How often the worker looks for due readings, imports and models to refresh. */
  tickMs: number;
  /** Readings claimed per tick. */
  batchSize: number;
  /** How far back a newly connected account's posts are imported. */
  historyWindowMs: number;
  /** How often an account's recent posts are imported again (their metrics keep moving). */
  historyIntervalMs: number;
  /** How far back a repeated import reads. */
  historyOverlapMs: number;
  /** Pages read per import at most (a bound on calls, whatever the account's volume). */
  historyMaxPages: number;
  /** A post's metrics count toward the model once it is this old (younger posts are still growing). */
  matureAfterMs: number;
  /** Minimum time between two optimization runs of one account. */
  optimizeDebounceMs: number;
  /** Recency weighting of the slot model (unset: the optimizer's default). */
  halfLifeDays?: number;
}

export function readAnalyticsConfig(env: Record<string, string | undefined> = process.env): AnalyticsConfig {
  const reader = new EnvReader(env);
  const config = analyticsConfigFrom(reader);
  reader.done();
  return config;
}

/** Reads analytics-svc's configuration; the caller calls `reader.done()`. */
export function analyticsConfigFrom(reader: EnvReader): AnalyticsConfig {
  return {
    ...readServiceConfig('analytics-svc', reader),
    postingUrl: reader.url('POSTING_URL', 'http://127.0.0.1:3105', ['http:', 'https:']).replace(/\/+$/, ''),
    postingTimeoutMs: reader.int('POSTING_TIMEOUT_MS', 30_000, { min: 100, max: 300_000 }),
    collectOffsetsMs: reader.parse('ANALYTICS_COLLECT_AT', parseDurationList('1h,6h,24h,72h,7d'), parseDurationList),
    tickMs: reader.int('ANALYTICS_TICK_MS', 5_000, { min: 20, max: 600_000 }),
    batchSize: reader.int('ANALYTICS_BATCH_SIZE', 200, { min: 1, max: 5_000 }),
    historyWindowMs: reader.int('ANALYTICS_HISTORY_WEEKS', 16, { min: 1, max: 104 }) * 7 * 86_400_000,
    historyIntervalMs: reader.parse('ANALYTICS_HISTORY_EVERY', parseDuration('24h'), parseDuration),
    historyOverlapMs: reader.parse('ANALYTICS_HISTORY_OVERLAP', parseDuration('14d'), parseDuration),
    historyMaxPages: reader.int('ANALYTICS_HISTORY_MAX_PAGES', 60, { min: 1, max: 10_000 }),
    matureAfterMs: reader.parse('ANALYTICS_MATURE_AFTER', parseDuration('48h'), parseDuration),
    optimizeDebounceMs: reader.parse('ANALYTICS_OPTIMIZE_DEBOUNCE', parseDuration('60s'), parseDuration),
    halfLifeDays: reader.optional('ANALYTICS_HALF_LIFE_DAYS') ? reader.int('ANALYTICS_HALF_LIFE_DAYS', 0, { min: 1, max: 365 }) : undefined,
  };
}
