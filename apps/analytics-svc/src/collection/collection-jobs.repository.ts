import { queryRows } from '@app/database';
import type { Platform } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface CollectionJob {
  post_id: string;
  campaign_id: string | null;
  connection_id: string | null;
  platform: Platform;
  platform_post_id: string;
  published_at: Date;
  step: number;
  attempts: number;
}

const T = '"analytics"."collection_jobs"';
const LEASE_MS = 120_000;

/** The reading schedule of published posts: claimed with SKIP LOCKED leases so replicas share the work. */
@Injectable()
export class CollectionJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async schedule(manager: EntityManager, job: { postId: string; connectionId: string | null; platform: Platform; platformPostId: string; publishedAt: Date; dueAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO ${T} ("post_id", "connection_id", "platform", "platform_post_id", "published_at", "due_at")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("post_id") DO NOTHING`,
      [job.postId, job.connectionId, job.platform, job.platformPostId, job.publishedAt, job.dueAt],
    );
  }

  /** Due readings, leased to this replica. */
  async claim(limit: number): Promise<CollectionJob[]> {
    return queryRows<CollectionJob>(
      this.dataSource.manager,
      `WITH due AS (
         SELECT "post_id" FROM ${T} WHERE "status" = 'active' AND "due_at" <= now() AND ("locked_until" IS NULL OR "locked_until" < now())
         ORDER BY "due_at" LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE ${T} j SET "locked_until" = now() + ($2 || ' milliseconds')::interval
         FROM due, "analytics"."posts" p
        WHERE j."post_id" = due."post_id" AND p."id" = j."post_id"
       RETURNING j."post_id", p."campaign_id", j."connection_id", j."platform", j."platform_post_id", j."published_at", j."step", j."attempts"`,
      [limit, String(LEASE_MS)],
    );
  }

  /** The reading at `step` is stored: the next one is due at `nextDueAt`, or the schedule is done. */
  async advance(manager: EntityManager, postId: string, step: number, nextDueAt: Date | null): Promise<void> {
    await manager.query(
      nextDueAt
        ? `UPDATE ${T} SET "step" = $2 + 1, "due_at" = $3, "attempts" = 0, "locked_until" = NULL, "last_error" = NULL WHERE "post_id" = $1`
        : `UPDATE ${T} SET "step" = $2 + 1, "status" = 'done', "attempts" = 0, "locked_until" = NULL, "last_error" = NULL WHERE "post_id" = $1`,
      nextDueAt ? [postId, step, nextDueAt] : [postId, step],
    );
  }

  async retryAt(postIds: string[], at: Date, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${T} SET "due_at" = $2, "attempts" = "attempts" + 1, "locked_until" = NULL, "last_error" = $3 WHERE "post_id" = ANY($1)`, [postIds, at, error]);
  }

  async setStatus(postIds: string[], status: 'paused' | 'stopped', error: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${T} SET "status" = $2, "locked_until" = NULL, "last_error" = $3 WHERE "post_id" = ANY($1)`, [postIds, status, error]);
  }

  /** After a reconnect: paused readings of the connection are due now. */
  async resume(manager: EntityManager, connectionId: string): Promise<void> {
    await manager.query(`UPDATE ${T} SET "status" = 'active', "due_at" = now(), "last_error" = NULL WHERE "connection_id" = $1 AND "status" = 'paused'`, [connectionId]);
  }

  async stopFor(manager: EntityManager, connectionId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE ${T} SET "status" = 'stopped', "last_error" = $2 WHERE "connection_id" = $1 AND "status" IN ('active', 'paused')`, [connectionId, reason]);
  }
}
