import { busTablesDownSql, busTablesUpSql } from '@app/bus';
import { stageRunsUpSql } from '@app/agent-kit';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'scheduler';

export class InitScheduler1764028800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...busTablesUpSql(SCHEMA), stageRunsUpSql(SCHEMA)]) await q.query(sql);
    await q.query(`CREATE TABLE "${SCHEMA}"."scheduled_posts" (
      "post_id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "platform" text NOT NULL,
      "content_type" text NOT NULL,
      "content" jsonb NOT NULL,
      "due_at" timestamptz NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('draft', 'armed', 'dispatched', 'cancelled')),
      "edit_revision" int NOT NULL DEFAULT 0,
      "dispatched_at" timestamptz
    )`);
    await q.query(`CREATE INDEX "scheduled_posts_campaign_idx" ON "${SCHEMA}"."scheduled_posts" ("campaign_id")`);
    await q.query(`CREATE INDEX "scheduled_posts_due_idx" ON "${SCHEMA}"."scheduled_posts" ("due_at") WHERE "status" = 'armed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}"."scheduled_posts"`);
    await q.query(`DROP TABLE "${SCHEMA}"."stage_runs"`);
    for (const sql of busTablesDownSql(SCHEMA)) await q.query(sql);
  }
}
