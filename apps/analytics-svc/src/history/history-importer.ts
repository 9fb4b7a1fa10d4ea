import { SERVICE_CONFIG } from '@app/config';
import { queryRows } from '@app/database';
import type { HistoricalPostView, Platform } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { retryTime } from '../collection/backoff';
import { recordReading } from '../collection/readings';
import type { AnalyticsConfig } from '../config/analytics.config';
import { InsightsReadError, PostingInsightsClient } from '../insights/posting-insights.client';

interface ImportingAccount {
  connection_id: string;
  user_id: string;
  platform: Platform;
  account_name: string;
  last_import_at: Date | null;
  import_failures: number;
}

const A = '"analytics"."accounts"';
const LEASE_MS = 10 * 60_000;
const ACCOUNTS_PER_ROUND = 4;

/**
 * History import: when an account is connected, its own posts of the last `ANALYTICS_HISTORY_WEEKS` (16)
 * come in with their metrics, so the optimizer has data on day one; then every `ANALYTICS_HISTORY_EVERY`
 * the last `ANALYTICS_HISTORY_OVERLAP` again (metrics keep moving, and posts made outside the product
 * count too). Pages are followed with the platform's own cursor within one run and never stored (Graph
 * cursors go stale); a run interrupted by a rate limit starts over, and upserts make that harmless.
 */
@Injectable()
export class HistoryImporter {
  private readonly logger = new Logger(HistoryImporter.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly dataSource: DataSource,
    private readonly insights: PostingInsightsClient,
  ) {}

  /** Imports the accounts that are due; returns how many posts came in. */
  async importDue(): Promise<number> {
    const accounts = await queryRows<ImportingAccount>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT "connection_id" FROM ${A}
          WHERE "status" = 'active' AND "next_import_at" <= now() AND ("import_locked_until" IS NULL OR "import_locked_until" < now())
          ORDER BY "next_import_at" LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE ${A} a SET "import_locked_until" = now() + ($2 || ' milliseconds')::interval FROM due WHERE a."connection_id" = due."connection_id"
       RETURNING a."connection_id", a."user_id", a."platform", a."account_name", a."last_import_at", a."import_failures"`,
      [ACCOUNTS_PER_ROUND, String(LEASE_MS)],
    );
    let imported = 0;
    for (const account of accounts) imported += await this.importAccount(account);
    return imported;
  }

  private async importAccount(account: ImportingAccount): Promise<number> {
    const startedAt = new Date();
    const back = account.last_import_at ? Math.min(this.config.historyOverlapMs, this.config.historyWindowMs) : this.config.historyWindowMs;
    const since = new Date(startedAt.getTime() - back);
    let cursor: string | undefined;
    let pages = 0;
    let count = 0;
    try {
      do {
        const page = await this.insights.history({ connectionId: account.connection_id, since: since.toISOString(), cursor, limit: 100 });
        const at = new Date();
        await this.dataSource.transaction(async (manager) => {
          for (const post of page.posts) if (new Date(post.publishedAt) >= since) await this.upsert(manager, account, post, at);
        });
        count += page.posts.length;
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < this.config.historyMaxPages);
    } catch (error) {
      await this.failed(account, error);
      return count;
    }
    await this.dataSource.query(
      `UPDATE ${A} SET "last_import_at" = $2, "next_import_at" = $3, "import_locked_until" = NULL, "last_import_error" = NULL, "import_failures" = 0, "model_dirty" = true,
              "imported_posts" = (SELECT count(*)::int FROM "analytics"."posts" WHERE "platform_connection_id" = $1 AND "source" = 'imported'), "updated_at" = now()
        WHERE "connection_id" = $1`,
      [account.connection_id, startedAt, new Date(startedAt.getTime() + this.config.historyIntervalMs)],
    );
    this.logger.log(`imported ${count} ${account.platform} post(s) of ${account.account_name} since ${since.toISOString()} (${pages} page(s))`);
    return count;
  }

  /** A post from the account's history: the campaign's own row when we published it, else an imported one. */
  private async upsert(manager: EntityManager, account: ImportingAccount, post: HistoricalPostView, at: Date): Promise<void> {
    const [existing] = await manager.query(
      `SELECT "id", "campaign_id" FROM "analytics"."posts" WHERE "platform_connection_id" = $1 AND "platform_post_id" = $2`,
      [account.connection_id, post.platformPostId],
    );
    let target: { id: string; campaignId: string | null } = existing ? { id: existing.id, campaignId: existing.campaign_id } : { id: randomUUID(), campaignId: null };
    if (!existing) {
      const inserted = await manager.query(
        `INSERT INTO "analytics"."posts" ("id", "user_id", "campaign_id", "platform_connection_id", "platform", "status", "platform_post_id", "caption",
                                          "hashtags", "metrics", "published_at", "url", "account_name", "source", "media_type")
         VALUES ($1, $2, NULL, $3, $4, 'published', $5, $6, $7, '{}', $8, $9, $10, 'imported', $11)
         ON CONFLICT DO NOTHING RETURNING "id"`,
        [target.id, account.user_id, account.connection_id, account.platform, post.platformPostId, post.text, JSON.stringify(hashtagsOf(post.text)), post.publishedAt, post.url ?? null, account.account_name, post.mediaType],
      );
      if (inserted.length === 0) return;
    } else {
      await manager.query(`UPDATE "analytics"."posts" SET "media_type" = COALESCE("media_type", $2) WHERE "id" = $1`, [target.id, post.mediaType]);
      target = { id: existing.id, campaignId: existing.campaign_id };
    }
    await recordReading(manager, target, post.metrics, at);
  }

  private async failed(account: ImportingAccount, error: unknown): Promise<void> {
    const read = error instanceof InsightsReadError ? error : new InsightsReadError('unavailable', (error as Error).message);
    if (!(error instanceof InsightsReadError)) this.logger.error(`history import of ${account.connection_id} failed: ${(error as Error).stack ?? String(error)}`);
    const status = read.code === 'reconnect_required' ? 'paused' : read.code === 'not_found' ? 'disconnected' : 'active';
    const next = status === 'active' ? retryTime(account.import_failures, read.retryAt) : null;
    this.logger.warn(`history import of ${account.platform} account ${account.account_name}: ${read.code} (${read.message})${next ? `; next try ${next.toISOString()}` : ''}`);
    await this.dataSource.query(
      `UPDATE ${A} SET "status" = $2, "status_reason" = CASE WHEN $2 = 'active' THEN "status_reason" ELSE $4 END, "next_import_at" = $3,
              "import_locked_until" = NULL, "last_import_error" = $4, "import_failures" = "import_failures" + 1, "updated_at" = now() WHERE "connection_id" = $1`,
      [account.connection_id, status, next, `${read.code}: ${read.message}`],
    );
  }
}

function hashtagsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]);
}
