import { busTablesDownSql, busTablesUpSql } from '@app/bus';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'analytics';

export class InitAnalytics1764028800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of busTablesUpSql(SCHEMA)) await q.query(sql);
    await q.query(`CREATE TABLE "${SCHEMA}"."posts" (
      "id" uuid PRIMARY KEY,
      "user_id" uuid NOT NULL,
      "campaign_id" uuid NOT NULL,
      "platform_connection_id" uuid,
      "platform" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('published', 'failed')),
      "platform_post_id" text,
      "caption" text,
      "hashtags" jsonb NOT NULL DEFAULT '[]',
      "metrics" jsonb NOT NULL DEFAULT '{}',
      "failure_reason" text,
      "published_at" timestamptz
    )`);
    await q.query(`CREATE INDEX "posts_campaign_idx" ON "${SCHEMA}"."posts" ("campaign_id")`);
    // The seed's analytics time series: one row per metric reading of a post.
    await q.query(`CREATE TABLE "${SCHEMA}"."analytics" (
      "id" bigserial PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "post_id" uuid NOT NULL REFERENCES "${SCHEMA}"."posts" ("id"),
      "metric_type" text NOT NULL,
      "metric_value" double precision NOT NULL,
      "metric_date" timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX "analytics_post_idx" ON "${SCHEMA}"."analytics" ("post_id", "metric_date")`);
    await q.query(`CREATE INDEX "analytics_campaign_idx" ON "${SCHEMA}"."analytics" ("campaign_id", "metric_date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}"."analytics"`);
    await q.query(`DROP TABLE "${SCHEMA}"."posts"`);
    for (const sql of busTablesDownSql(SCHEMA)) await q.query(sql);
  }
}
