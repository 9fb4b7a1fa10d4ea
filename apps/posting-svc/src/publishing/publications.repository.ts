import type { PostDuePayload } from '@app/contracts';
import { queryRows } from '@app/database';
import type { PublishProgress } from '@app/platforms';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface PublicationRow {
  post_id: string;
  campaign_id: string;
  user_id: string;
  platform: PostDuePayload['platform'];
  status: string;
  attempts: number;
  connection_id: string | null;
  request: PostDuePayload;
  progress: PublishProgress | null;
  needs_reconcile: boolean;
  sent_at: Date | null;
  attempt_started_at: Date;
}

/** What a settled or re-queued attempt writes; `attempts` fences it to the worker that claimed it. */
export interface Fence {
  postId: string;
  attempts: number;
}

const T = '"posting"."publications"';

/**
 * `posting.publications` as a durable job table. Claims use FOR UPDATE SKIP LOCKED, so any number of
 * replicas share the work and each publication runs on one of them; a claim is a lease, and a lease that
 * runs out while `publishing` (the replica died mid-call) is taken over with `needs_reconcile` set, because
 * the platform may already have the post. Every write after the claim is fenced by the attempt number.
 */
@Injectable()
export class PublicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Enqueues a due post unless it was cancelled; false when it already exists or was cancelled. */
  async enqueue(manager: EntityManager, due: PostDuePayload, connectionId: string | null): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `INSERT INTO ${T} ("post_id", "campaign_id", "user_id", "platform", "status", "attempts", "connection_id", "request", "next_attempt_at")
       SELECT $1, $2, $3, $4, 'queued', 0, $5, $6, now()
        WHERE NOT EXISTS (SELECT 1 FROM "posting"."cancellations" WHERE "post_id" = $1)
       ON CONFLICT ("post_id") DO NOTHING RETURNING "post_id"`,
      [due.postId, due.campaignId, due.userId, due.platform, connectionId, JSON.stringify(due)],
    );
    return rows.length > 0;
  }

  /**
   * Claims up to `limit` publications that are due (or whose lease ran out), so that no account has more
   * than `perAccount` in flight on this replica counting `busy` (account → attempts already running).
   * Sandbox posts (no connection) are each their own account.
   */
  async claim(limit: number, perAccount: number, busy: ReadonlyMap<string, number>, leaseMs: number): Promise<PublicationRow[]> {
    return queryRows<PublicationRow>(
      this.dataSource.manager,
      `WITH locked AS (
         SELECT "post_id", COALESCE("connection_id"::text, "post_id"::text) AS "account", COALESCE("next_attempt_at", "lease_until") AS "due"
           FROM ${T}
          WHERE ("status" = 'queued' AND "next_attempt_at" <= now()) OR ("status" = 'publishing' AND "lease_until" < now())
          ORDER BY COALESCE("next_attempt_at", "lease_until") LIMIT $1 * 4 FOR UPDATE SKIP LOCKED),
       chosen AS (
         SELECT ranked."post_id" FROM (SELECT *, row_number() OVER (PARTITION BY "account" ORDER BY "due") AS "rank" FROM locked) ranked
           LEFT JOIN unnest($3::text[], $5::int[]) AS busy ("account", "running") ON busy."account" = ranked."account"
          WHERE ranked."rank" <= $2 - COALESCE(busy."running", 0) ORDER BY ranked."due" LIMIT $1)
       UPDATE ${T} p SET
         "needs_reconcile" = p."needs_reconcile" OR p."status" = 'publishing',
         "sent_at" = CASE WHEN p."status" = 'publishing' THEN p."attempt_started_at" ELSE p."sent_at" END,
         "status" = 'publishing', "attempts" = p."attempts" + 1, "attempt_started_at" = now(),
         "lease_until" = now() + ($4 || ' milliseconds')::interval, "next_attempt_at" = NULL, "updated_at" = now()
        FROM chosen WHERE p."post_id" = chosen."post_id"
       RETURNING p."post_id", p."campaign_id", p."user_id", p."platform", p."status", p."attempts", p."connection_id", p."request",
                 p."progress", p."needs_reconcile", p."sent_at", p."attempt_started_at"`,
      [limit, perAccount, [...busy.keys()], String(leaseMs), [...busy.values()]],
    );
  }

  /** Extends the lease right before a platform call; false when another replica has taken the publication over. */
  async renewLease(fence: Fence, leaseMs: number): Promise<boolean> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE ${T} SET "lease_until" = now() + ($3 || ' milliseconds')::interval
        WHERE "post_id" = $1 AND "attempts" = $2 AND "status" = 'publishing' RETURNING "post_id"`,
      [fence.postId, fence.attempts, String(leaseMs)],
    );
    return rows.length > 0;
  }

  async saveProgress(fence: Fence, progress: PublishProgress): Promise<void> {
    await this.dataSource.query(`UPDATE ${T} SET "progress" = $3 WHERE "post_id" = $1 AND "attempts" = $2`, [fence.postId, fence.attempts, JSON.stringify(progress)]);
  }

  async isCancelled(postId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM "posting"."cancellations" WHERE "post_id" = $1`, [postId]);
    return rows.length > 0;
  }

  /** Moves a claimed publication to a new status (fenced); returns false when the claim was lost. */
  async settle(
    manager: EntityManager,
    fence: Fence,
    changes: {
      status: 'queued' | 'published' | 'failed' | 'unconfirmed' | 'blocked' | 'cancelled';
      nextAttemptAt?: Date | null;
      needsReconcile?: boolean;
      sentAt?: Date | null;
      error?: string | null;
      errorCode?: string | null;
      platformPostId?: string;
      url?: string | null;
      publishedAt?: Date;
      accountName?: string | null;
      /** Give the attempt back (the platform was not called, e.g. a rate-limit wait). */
      uncount?: boolean;
    },
  ): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE ${T} SET "status" = $3, "next_attempt_at" = $4, "needs_reconcile" = COALESCE($5, "needs_reconcile"),
              "sent_at" = CASE WHEN $6::boolean THEN $7::timestamptz ELSE "sent_at" END, "error" = $8, "error_code" = $9,
              "platform_post_id" = COALESCE($10, "platform_post_id"), "url" = COALESCE($11, "url"), "published_at" = COALESCE($12, "published_at"),
              "account_name" = COALESCE($13, "account_name"), "attempts" = "attempts" - CASE WHEN $14::boolean THEN 1 ELSE 0 END,
              "lease_until" = NULL, "updated_at" = now()
        WHERE "post_id" = $1 AND "attempts" = $2 AND "status" = 'publishing' RETURNING "post_id"`,
      [
        fence.postId,
        fence.attempts,
        changes.status,
        changes.nextAttemptAt ?? null,
        changes.needsReconcile ?? null,
        changes.sentAt !== undefined,
        changes.sentAt ?? null,
        changes.error ?? null,
        changes.errorCode ?? null,
        changes.platformPostId ?? null,
        changes.url ?? null,
        changes.publishedAt ?? null,
        changes.accountName ?? null,
        changes.uncount === true,
      ],
    );
    return rows.length > 0;
  }

  async recordAttempt(
    manager: EntityManager,
    attempt: { postId: string; attempt: number; outcome: string; detail?: string; httpStatus?: number; startedAt: Date; finishedAt: Date; nextAttemptAt?: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "posting"."publication_attempts" ("post_id", "attempt", "outcome", "detail", "http_status", "started_at", "finished_at", "next_attempt_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [attempt.postId, attempt.attempt, attempt.outcome, attempt.detail ?? null, attempt.httpStatus ?? null, attempt.startedAt, attempt.finishedAt, attempt.nextAttemptAt ?? null],
    );
  }

  /** After a reconnect: the posts this connection was blocking go back in the queue. */
  async resumeBlocked(connectionId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE ${T} SET "status" = 'queued', "next_attempt_at" = now(), "error" = NULL, "error_code" = NULL, "updated_at" = now()
        WHERE "connection_id" = $1 AND "status" = 'blocked' RETURNING "post_id"`,
      [connectionId],
    );
    return rows.length;
  }

  /** A cancelled post that has not started publishing never will. */
  async cancelQueued(manager: EntityManager, postId: string): Promise<void> {
    await manager.query(`UPDATE ${T} SET "status" = 'cancelled', "updated_at" = now() WHERE "post_id" = $1 AND "status" IN ('queued', 'blocked')`, [postId]);
  }

  /** An edit that reaches a post waiting in the queue (retry, rate limit, blocked) applies to its next attempt. */
  async applyEdit(manager: EntityManager, postId: string, editRevision: number, edit: Partial<PostDuePayload>): Promise<void> {
    await manager.query(
      `UPDATE ${T} SET "request" = "request" || $3::jsonb, "progress" = NULL,
              "next_attempt_at" = CASE WHEN $4::timestamptz IS NULL THEN "next_attempt_at" ELSE GREATEST("next_attempt_at", $4::timestamptz) END,
              "updated_at" = now()
        WHERE "post_id" = $1 AND "status" IN ('queued', 'blocked') AND NOT "needs_reconcile" AND "progress" IS NULL
          AND COALESCE(("request"->>'editRevision')::int, 0) < $2`,
      [postId, editRevision, JSON.stringify({ ...edit, editRevision }), edit.scheduledTime ?? null],
    );
  }
}
