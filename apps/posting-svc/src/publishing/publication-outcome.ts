import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import type { AttemptOutcome, PostDuePayload, PostFailureCode, RoutingKey } from '@app/contracts';
import type { PublishReceipt } from '@app/platforms';
import { ServiceMetrics } from '@app/telemetry';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PublicationRow, PublicationsRepository } from './publications.repository';

export interface AttemptRecord {
  outcome: AttemptOutcome;
  detail?: string;
  httpStatus?: number;
  nextAttemptAt?: Date;
}

/**
 * Writes what an attempt ended in: the publication's new status (fenced to the claiming worker), the
 * attempt row, and the events that tell everyone else (post.attempted, then post.published | post.failed |
 * post.unconfirmed) through the outbox, all in one transaction.
 */
@Injectable()
export class PublicationOutcomes {
  private readonly logger = new Logger(PublicationOutcomes.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly publications: PublicationsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly metrics: ServiceMetrics,
  ) {}

  async published(row: PublicationRow, receipt: PublishReceipt, accountName: string | undefined, record: AttemptRecord): Promise<void> {
    const due = row.request;
    const applied = await this.commit(row, record, async (manager) => {
      const settled = await this.publications.settle(manager, fence(row), {
        status: 'published',
        platformPostId: receipt.platformPostId,
        url: receipt.url ?? null,
        publishedAt: receipt.publishedAt,
        accountName: accountName ?? null,
      });
      if (!settled) return false;
      await this.emit(manager, row, Events.PostPublished, {
        postId: due.postId,
        campaignId: due.campaignId,
        userId: due.userId,
        platform: due.platform,
        platformPostId: receipt.platformPostId,
        url: receipt.url,
        text: due.text,
        hashtags: due.hashtags,
        publishedAt: receipt.publishedAt.toISOString(),
        connectionId: row.connection_id ?? undefined,
        accountName,
      });
      return true;
    });
    if (applied) this.metrics.postsPublished.inc({ platform: due.platform });
  }

  async failed(row: PublicationRow, code: PostFailureCode, reason: string, record: AttemptRecord, status: 'failed' | 'blocked' = 'failed'): Promise<void> {
    const applied = await this.commit(row, record, async (manager) => {
      if (!(await this.publications.settle(manager, fence(row), { status, error: reason, errorCode: code }))) return false;
      await this.emitFailed(manager, row.request, code, reason, row.connection_id);
      return true;
    });
    if (applied) this.countFailed(row.request.platform, code);
  }

  /** A post failed for good (or is blocked until a reconnect): `posts_failed_total`, after the commit that says so. */
  countFailed(platform: string, code: PostFailureCode): void {
    this.metrics.postsFailed.inc({ platform, code });
  }

  async unconfirmed(row: PublicationRow, reason: string, record: AttemptRecord): Promise<void> {
    const due = row.request;
    await this.commit(row, record, async (manager) => {
      if (!(await this.publications.settle(manager, fence(row), { status: 'unconfirmed', error: reason, errorCode: 'unconfirmed' }))) return false;
      await this.emit(manager, row, Events.PostUnconfirmed, {
        postId: due.postId,
        campaignId: due.campaignId,
        userId: due.userId,
        platform: due.platform,
        reason,
        at: new Date().toISOString(),
      });
      return true;
    });
  }

  /** Back in the queue for `nextAttemptAt` (a retry, or a reconcile after an unknown outcome). */
  async requeue(row: PublicationRow, record: AttemptRecord & { nextAttemptAt: Date }, reconcile?: { sentAt: Date }): Promise<void> {
    await this.commit(row, record, (manager) =>
      this.publications.settle(manager, fence(row), {
        status: 'queued',
        nextAttemptAt: record.nextAttemptAt,
        error: record.detail ?? null,
        ...(reconcile ? { needsReconcile: true, sentAt: reconcile.sentAt } : {}),
      }),
    );
  }

  /** Waits without having called the platform (its rate limit is exhausted): no attempt is counted or recorded. */
  async postpone(row: PublicationRow, until: Date): Promise<void> {
    await this.dataSource.transaction((manager) => this.publications.settle(manager, fence(row), { status: 'queued', nextAttemptAt: until, uncount: true }));
  }

  async cancelled(row: PublicationRow): Promise<void> {
    await this.dataSource.transaction((manager) => this.publications.settle(manager, fence(row), { status: 'cancelled' }));
  }

  /** post.failed for a post that never got a publication claim (e.g. no connected account). */
  async emitFailed(manager: EntityManager, due: PostDuePayload, code: PostFailureCode, reason: string, connectionId: string | null): Promise<void> {
    await this.outbox.add(
      manager,
      Events.PostFailed,
      { postId: due.postId, campaignId: due.campaignId, userId: due.userId, platform: due.platform, reason, failedAt: new Date().toISOString(), code, connectionId: connectionId ?? undefined },
      { correlationId: due.campaignId },
    );
  }

  private async commit(row: PublicationRow, record: AttemptRecord, settle: (manager: EntityManager) => Promise<boolean>): Promise<boolean> {
    const finishedAt = new Date();
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await settle(manager))) return false;
      const attempt = { postId: row.post_id, attempt: row.attempts, startedAt: row.attempt_started_at, finishedAt, ...record };
      await this.publications.recordAttempt(manager, attempt);
      const due = row.request;
      await this.emit(manager, row, Events.PostAttempted, {
        postId: due.postId,
        campaignId: due.campaignId,
        userId: due.userId,
        platform: due.platform,
        attempt: row.attempts,
        outcome: record.outcome,
        detail: record.detail,
        httpStatus: record.httpStatus,
        startedAt: new Date(row.attempt_started_at).toISOString(),
        finishedAt: finishedAt.toISOString(),
        nextAttemptAt: record.nextAttemptAt?.toISOString(),
      });
      return true;
    });
    if (!applied) this.logger.warn(`post ${row.post_id}: attempt ${row.attempts} lost its claim to another replica; its outcome was not recorded`);
    else this.relay.nudge();
    return applied;
  }

  private async emit(manager: EntityManager, row: PublicationRow, key: RoutingKey, payload: unknown): Promise<void> {
    await this.outbox.add(manager, key, payload, { correlationId: row.campaign_id });
  }
}

function fence(row: PublicationRow): { postId: string; attempts: number } {
  return { postId: row.post_id, attempts: row.attempts };
}
