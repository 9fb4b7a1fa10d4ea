import type { Platform } from '@app/contracts';
import type { RateLimitObservation } from '@app/platforms';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The platforms' own rate-limit signals, shared by every posting replica through `posting.rate_limits`:
 * a 429's reset, or a window whose `remaining` reached 0, blocks that scope (the account, or the whole app
 * on that platform) until the reset. Before each publish the worker asks `notBefore` and waits instead of
 * spending a request the platform would refuse.
 */
@Injectable()
export class RateLimitStore {
  private readonly logger = new Logger(RateLimitStore.name);
  /** scope → not-before (ms), a read cache refreshed from the table at most every `cacheMs`. */
  private readonly cache = new Map<string, { notBefore: number; readAt: number }>();
  private readonly cacheMs = 1_000;

  constructor(private readonly dataSource: DataSource) {}

  static scope(platform: Platform, scope: 'account' | 'app', accountId: string): string {
    return scope === 'app' ? `${platform}:app` : `${platform}:account:${accountId}`;
  }

  /** Records a signal read off a response; only exhausted windows block (the rest would only cost writes). */
  observe(platform: Platform, accountId: string, observation: RateLimitObservation): void {
    if (observation.remaining !== 0 || !observation.resetAt || observation.resetAt.getTime() <= Date.now()) return;
    void this.block(platform, observation.scope, accountId, observation.resetAt).catch((error: Error) => this.logger.warn(`could not record a rate limit: ${error.message}`));
  }

  async block(platform: Platform, scope: 'account' | 'app', accountId: string, until: Date): Promise<void> {
    const key = RateLimitStore.scope(platform, scope, accountId);
    this.cache.set(key, { notBefore: Math.max(until.getTime(), this.cache.get(key)?.notBefore ?? 0), readAt: Date.now() });
    await this.dataSource.query(
      `INSERT INTO "posting"."rate_limits" ("scope", "not_before", "remaining", "reset_at") VALUES ($1, $2, 0, $2)
       ON CONFLICT ("scope") DO UPDATE SET "not_before" = GREATEST("rate_limits"."not_before", EXCLUDED."not_before"),
         "remaining" = 0, "reset_at" = EXCLUDED."reset_at", "updated_at" = now()`,
      [key, until],
    );
  }

  /** The earliest instant this account may be called on this platform (null: now). */
  async notBefore(platform: Platform, accountId: string): Promise<Date | null> {
    const keys = [RateLimitStore.scope(platform, 'app', accountId), RateLimitStore.scope(platform, 'account', accountId)];
    const now = Date.now();
    const stale = keys.filter((k) => (this.cache.get(k)?.readAt ?? 0) < now - this.cacheMs);
    if (stale.length > 0) {
      const rows: Array<{ scope: string; not_before: Date }> = await this.dataSource.query(
        `SELECT "scope", "not_before" FROM "posting"."rate_limits" WHERE "scope" = ANY($1) AND "not_before" > now()`,
        [stale],
      );
      for (const key of stale) {
        const row = rows.find((r) => r.scope === key);
        this.cache.set(key, { notBefore: row ? new Date(row.not_before).getTime() : 0, readAt: now });
      }
    }
    const latest = Math.max(...keys.map((k) => this.cache.get(k)?.notBefore ?? 0));
    return latest > now ? new Date(latest) : null;
  }
}
