import { busTablesDownSql, busTablesUpSql } from '@app/bus';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'posting';

export class InitPosting1764028800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of busTablesUpSql(SCHEMA)) await q.query(sql);
    await q.query(`CREATE TABLE "${SCHEMA}"."publications" (
      "post_id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "platform" text NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('publishing', 'published', 'failed')),
      "attempts" int NOT NULL DEFAULT 1,
      "platform_post_id" text,
      "url" text,
      "error" text,
      "published_at" timestamptz,
      "updated_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE "${SCHEMA}"."cancellations" (
      "post_id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "cancelled_at" timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${SCHEMA}"."sandbox_posts" (
      "id" text PRIMARY KEY,
      "platform" text NOT NULL,
      "idempotency_key" text NOT NULL,
      "text" text NOT NULL,
      "thread_parts" jsonb,
      "hashtags" jsonb NOT NULL,
      "published_at" timestamptz NOT NULL,
      UNIQUE ("platform", "idempotency_key")
    )`);
    // The seed's platform_connections: filled by the platform connection flow (tokens encrypted at rest).
    await q.query(`CREATE TABLE "${SCHEMA}"."platform_connections" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "platform" text NOT NULL,
      "account_id" text NOT NULL,
      "account_name" text,
      "access_token_enc" text NOT NULL,
      "refresh_token_enc" text,
      "key_id" text NOT NULL,
      "expires_at" timestamptz,
      "status" text NOT NULL DEFAULT 'active',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("user_id", "platform", "account_id")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['platform_connections', 'sandbox_posts', 'cancellations', 'publications']) {
      await q.query(`DROP TABLE "${SCHEMA}"."${table}"`);
    }
    for (const sql of busTablesDownSql(SCHEMA)) await q.query(sql);
  }
}
