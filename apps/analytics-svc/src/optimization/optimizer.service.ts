import { Outbox, OutboxRelay } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import { Events, slotIndex } from '@app/contracts';
import type { OptimizationUpdatedPayload, Platform } from '@app/contracts';
import { compareRuns, contentFeatures, contentInsights, fitSlotModel, localSlot, platformPrior, recommendSlots } from '@app/optimizer';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AnalyticsConfig } from '../config/analytics.config';
import { loadObservations } from './account-observations';
import { OptimizationRunsRepository } from './optimization-runs.repository';

interface DirtyAccount {
  connection_id: string;
  user_id: string;
  platform: Platform;
  account_name: string;
  time_zone: string;
}

const ACCOUNTS_PER_ROUND = 10;

/**
 * The Optimization agent: when an account's data changed (new readings, an import), at most once per
 * `ANALYTICS_OPTIMIZE_DEBOUNCE`, it refits the account's hour-of-week model and content insights (library
 * `@app/optimizer`), stores the run and publishes `optimization.updated.v1` in the same transaction, for the
 * Scheduler (slots) and the Strategy agent (insights).
 */
@Injectable()
export class OptimizerService {
  private readonly logger = new Logger(OptimizerService.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly dataSource: DataSource,
    private readonly runs: OptimizationRunsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async optimizeDue(): Promise<number> {
    const accounts: DirtyAccount[] = await this.dataSource.query(
      `SELECT "connection_id", "user_id", "platform", "account_name", "time_zone" FROM "analytics"."accounts"
        WHERE "model_dirty" AND "status" <> 'disconnected' AND ("optimized_at" IS NULL OR "optimized_at" < now() - ($1 || ' milliseconds')::interval)
        ORDER BY "optimized_at" NULLS FIRST LIMIT $2`,
      [String(this.config.optimizeDebounceMs), ACCOUNTS_PER_ROUND],
    );
    for (const account of accounts) await this.optimize(account);
    return accounts.length;
  }

  async optimize(account: DirtyAccount): Promise<OptimizationUpdatedPayload | null> {
    const now = new Date();
    const { basis, posts } = await loadObservations(this.dataSource, account.connection_id, {
      now,
      matureAfterMs: this.config.matureAfterMs,
      windowMs: this.config.historyWindowMs * 2,
    });
    if (posts.length === 0) {
      await this.dataSource.query(`UPDATE "analytics"."accounts" SET "model_dirty" = false, "optimized_at" = now() WHERE "connection_id" = $1`, [account.connection_id]);
      return null;
    }
    const model = fitSlotModel(posts, { now, timeZone: account.time_zone, prior: platformPrior(account.platform), halfLifeDays: this.config.halfLifeDays });
    const insights = contentInsights(
      posts.map((p) => ({
        value: p.value,
        features: contentFeatures({ text: p.text, mediaType: p.mediaType, format: p.format, pillar: p.pillar, hashtags: p.hashtags }),
        slotMean: model.slots[slotIndex(localSlot(p.publishedAt, account.time_zone))].mean,
      })),
    );
    const bestSlots = recommendSlots(model, 10);
    const previous = await this.runs.latest(account.connection_id);
    const payload: OptimizationUpdatedPayload = {
      runId: randomUUID(),
      userId: account.user_id,
      connectionId: account.connection_id,
      platform: account.platform,
      accountName: account.account_name,
      timeZone: account.time_zone,
      computedAt: now.toISOString(),
      observations: model.observations,
      basis,
      slots: model.slots,
      bestSlots,
      contentInsights: insights,
      changes: compareRuns(previous, { runId: '', bestSlots, contentInsights: insights }),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.runs.insert(manager, payload);
      await this.outbox.add(manager, Events.OptimizationUpdated, payload, { correlationId: account.connection_id });
      await manager.query(`UPDATE "analytics"."accounts" SET "model_dirty" = false, "optimized_at" = $2 WHERE "connection_id" = $1`, [account.connection_id, now]);
    });
    this.relay.nudge();
    const top = bestSlots[0];
    this.logger.log(
      `optimized ${account.platform} account ${account.account_name}: ${model.observations} post(s), best slot weekday ${top?.weekday} ${top?.hour}:00 (${account.time_zone}), ${insights.length} content finding(s)`,
    );
    return payload;
  }
}
