import { Outbox, OutboxRelay } from '@app/bus';
import { Events, PostDuePayload } from '@app/contracts';
import { SERVICE_CONFIG } from '@app/config';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ServiceMetrics, withLogContext } from '@app/telemetry';
import { DataSource } from 'typeorm';
import type { SchedulerConfig } from '../config/scheduler.config';
import type { ScheduledContent } from '../posts/scheduled-post.entity';

interface DueRow {
  post_id: string;
  campaign_id: string;
  user_id: string;
  platform: PostDuePayload['platform'];
  content_type: PostDuePayload['contentType'];
  content: ScheduledContent;
  due_at: Date;
  edit_revision: number;
}

const INTERVAL = 'due-post-dispatcher';

/**
 * Every tick, claims armed posts whose time has come (FOR UPDATE SKIP LOCKED, so replicas never claim
 * the same post), marks them dispatched and emits `post.due` through the outbox in the same transaction.
 */
@Injectable()
export class DuePostDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DuePostDispatcher.name);
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly registry: SchedulerRegistry,
    @Inject(SERVICE_CONFIG) private readonly config: SchedulerConfig,
    private readonly metrics: ServiceMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.addInterval(INTERVAL, setInterval(() => void this.tick(), this.config.tickMs));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL)) this.registry.deleteInterval(INTERVAL);
    await this.running;
  }

  /** Dispatches what is due now; returns how many posts went out (single-flight). */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = this.dispatchDue()
      .catch((error: Error) => {
        this.logger.error(`dispatch failed, next tick retries: ${error.message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async dispatchDue(): Promise<number> {
    const missed = await this.markMissed();
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch();
      total += count;
      if (count < this.config.dispatchBatchSize) break;
    }
    if (total > 0 || missed > 0) this.relay.nudge();
    return total;
  }

  /**
   * Armed posts more than the grace period late (the Scheduler was down at their time) are not published
   * by surprise hours later: they become `missed` and the user is told (post.failed, code `missed`).
   */
  private markMissed(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<DueRow> = await manager.query(
        `SELECT "post_id", "campaign_id", "user_id", "platform", "content_type", "content", "due_at", "edit_revision"
           FROM "scheduler"."scheduled_posts"
          WHERE "status" = 'armed' AND "due_at" < now() - ($1 || ' milliseconds')::interval
          ORDER BY "due_at" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [String(this.config.missedGraceMs), this.config.dispatchBatchSize],
      );
      if (rows.length === 0) return 0;
      await manager.query(`UPDATE "scheduler"."scheduled_posts" SET "status" = 'missed' WHERE "post_id" = ANY($1::uuid[])`, [rows.map((r) => r.post_id)]);
      const now = new Date();
      for (const row of rows) {
        const late = Math.round((now.getTime() - new Date(row.due_at).getTime()) / 60_000);
        const reason = `it was due at ${new Date(row.due_at).toISOString()} and the scheduler could not publish it then (${late} min late); reschedule it to publish`;
        withLogContext({ service: this.config.service, correlationId: row.campaign_id }, () => this.logger.warn(`post ${row.post_id} missed: ${reason}`));
        this.metrics.postsFailed.inc({ platform: row.platform, code: 'missed' });
        await this.outbox.add(
          manager,
          Events.PostFailed,
          { postId: row.post_id, campaignId: row.campaign_id, userId: row.user_id, platform: row.platform, reason, failedAt: now.toISOString(), code: 'missed' },
          { correlationId: row.campaign_id },
        );
      }
      return rows.length;
    });
  }

  private dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: DueRow[] = await manager.query(
        `SELECT "post_id", "campaign_id", "user_id", "platform", "content_type", "content", "due_at", "edit_revision"
           FROM "scheduler"."scheduled_posts"
          WHERE "status" = 'armed' AND "due_at" <= now()
          ORDER BY "due_at" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.dispatchBatchSize],
      );
      if (rows.length === 0) return 0;
      await manager.query(
        `UPDATE "scheduler"."scheduled_posts" SET "status" = 'dispatched', "dispatched_at" = now() WHERE "post_id" = ANY($1::uuid[])`,
        [rows.map((r) => r.post_id)],
      );
      for (const row of rows) {
        await this.outbox.add(manager, Events.PostDue, toPayload(row), { correlationId: row.campaign_id });
      }
      return rows.length;
    });
  }
}

function toPayload(row: DueRow): PostDuePayload {
  return {
    postId: row.post_id,
    campaignId: row.campaign_id,
    userId: row.user_id,
    platform: row.platform,
    contentType: row.content_type,
    text: row.content.text,
    threadParts: row.content.threadParts,
    hashtags: row.content.hashtags,
    imagePrompt: row.content.imagePrompt,
    altText: row.content.altText,
    imageIds: row.content.imageIds,
    connectionId: row.content.connectionId,
    scheduledTime: new Date(row.due_at).toISOString(),
    editRevision: row.edit_revision,
  };
}
