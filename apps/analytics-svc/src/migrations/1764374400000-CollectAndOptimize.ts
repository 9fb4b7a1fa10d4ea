import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'analytics';

/**
 * Metric collection and the optimization loop. `posts` also holds posts imported from an account's history
 * (no campaign), with their content features and latest reading; `analytics` (the seed's time series) gets
 * one row per metric per reading; `post_plans` keeps what the agents planned for a post (pillar, format);
 * `accounts` are the connected accounts (history import state, model freshness); `collection_jobs` the
 * reading schedule of each published post; `optimization_runs` every model computed.
 */
export class CollectAndOptimize1764374400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE "${S}"."posts"
         ALTER COLUMN "campaign_id" DROP NOT NULL,
         ADD COLUMN "source" text NOT NULL DEFAULT 'campaign' CONSTRAINT "posts_source_check" CHECK ("source" IN ('campaign', 'imported')),
         ADD COLUMN "media_type" text,
         ADD COLUMN "url" text,
         ADD COLUMN "account_name" text,
         ADD COLUMN "engagements" double precision,
         ADD COLUMN "engagement_rate" double precision,
         ADD COLUMN "measured_at" timestamptz`,
      `CREATE UNIQUE INDEX "posts_platform_post_idx" ON "${S}"."posts" ("platform_connection_id", "platform_post_id")
         WHERE "platform_connection_id" IS NOT NULL AND "platform_post_id" IS NOT NULL`,
      `CREATE INDEX "posts_connection_idx" ON "${S}"."posts" ("platform_connection_id", "published_at")`,
      `ALTER TABLE "${S}"."analytics" ALTER COLUMN "campaign_id" DROP NOT NULL`,
      `CREATE TABLE "${S}"."post_plans" (
         "post_id" uuid PRIMARY KEY,
         "campaign_id" uuid NOT NULL,
         "platform" text NOT NULL,
         "content_type" text NOT NULL,
         "pillar" text,
         "has_visual" boolean NOT NULL
       )`,
      `CREATE TABLE "${S}"."accounts" (
         "connection_id" uuid PRIMARY KEY,
         "user_id" uuid NOT NULL,
         "platform" text NOT NULL,
         "account_id" text NOT NULL,
         "account_name" text NOT NULL,
         "time_zone" text NOT NULL,
         "kind" text NOT NULL,
         "status" text NOT NULL DEFAULT 'active' CONSTRAINT "accounts_status_check" CHECK ("status" IN ('active', 'paused', 'disconnected')),
         "status_reason" text,
         "connected_at" timestamptz NOT NULL,
         "next_import_at" timestamptz,
         "import_locked_until" timestamptz,
         "last_import_at" timestamptz,
         "last_import_error" text,
         "import_failures" int NOT NULL DEFAULT 0,
         "imported_posts" int NOT NULL DEFAULT 0,
         "model_dirty" boolean NOT NULL DEFAULT false,
         "optimized_at" timestamptz,
         "updated_at" timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX "accounts_user_idx" ON "${S}"."accounts" ("user_id", "platform")`,
      `CREATE TABLE "${S}"."collection_jobs" (
         "post_id" uuid PRIMARY KEY REFERENCES "${S}"."posts" ("id") ON DELETE CASCADE,
         "connection_id" uuid,
         "platform" text NOT NULL,
         "platform_post_id" text NOT NULL,
         "published_at" timestamptz NOT NULL,
         "step" int NOT NULL DEFAULT 0,
         "due_at" timestamptz NOT NULL,
         "attempts" int NOT NULL DEFAULT 0,
         "locked_until" timestamptz,
         "status" text NOT NULL DEFAULT 'active' CONSTRAINT "collection_jobs_status_check" CHECK ("status" IN ('active', 'paused', 'done', 'stopped')),
         "last_error" text
       )`,
      `CREATE INDEX "collection_jobs_due_idx" ON "${S}"."collection_jobs" ("due_at") WHERE "status" = 'active'`,
      `CREATE INDEX "collection_jobs_connection_idx" ON "${S}"."collection_jobs" ("connection_id")`,
      `CREATE TABLE "${S}"."optimization_runs" (
         "id" uuid PRIMARY KEY,
         "connection_id" uuid NOT NULL,
         "user_id" uuid NOT NULL,
         "platform" text NOT NULL,
         "computed_at" timestamptz NOT NULL,
         "observations" int NOT NULL,
         "basis" text NOT NULL,
         "slots" jsonb NOT NULL,
         "best_slots" jsonb NOT NULL,
         "content_insights" jsonb NOT NULL,
         "changes" jsonb NOT NULL
       )`,
      `CREATE INDEX "optimization_runs_connection_idx" ON "${S}"."optimization_runs" ("connection_id", "computed_at" DESC)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['optimization_runs', 'collection_jobs', 'accounts', 'post_plans']) await q.query(`DROP TABLE "${S}"."${table}"`);
    await q.query(`DROP INDEX "${S}"."posts_connection_idx"`);
    await q.query(`DROP INDEX "${S}"."posts_platform_post_idx"`);
    await q.query(`DELETE FROM "${S}"."analytics" WHERE "campaign_id" IS NULL`);
    await q.query(`ALTER TABLE "${S}"."analytics" ALTER COLUMN "campaign_id" SET NOT NULL`);
    await q.query(`DELETE FROM "${S}"."posts" WHERE "campaign_id" IS NULL`);
    await q.query(
      `ALTER TABLE "${S}"."posts" ALTER COLUMN "campaign_id" SET NOT NULL, DROP COLUMN "source", DROP COLUMN "media_type", DROP COLUMN "url",
         DROP COLUMN "account_name", DROP COLUMN "engagements", DROP COLUMN "engagement_rate", DROP COLUMN "measured_at"`,
    );
  }
}
