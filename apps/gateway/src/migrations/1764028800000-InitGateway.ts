import { busTablesDownSql, busTablesUpSql } from '@app/bus';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'gateway';

const CAMPAIGN_STATUSES = `'requested', 'planned', 'written', 'designed', 'scheduled', 'active', 'completed', 'failed'`;
const POST_STATUSES = `'draft', 'armed', 'publishing', 'published', 'failed', 'cancelled'`;

/** Users, the campaign read model and its posts, plus the bus inbox and outbox. */
export class InitGateway1764028800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const statements = [
      ...busTablesUpSql(SCHEMA),
      `CREATE TABLE "${SCHEMA}"."users" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "password_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_email_key" UNIQUE ("email"),
        CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
      )`,
      `CREATE TABLE "${SCHEMA}"."campaigns" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL REFERENCES "${SCHEMA}"."users" ("id") ON DELETE CASCADE,
        "name" text NOT NULL,
        "goal" text NOT NULL,
        "target_platforms" jsonb NOT NULL,
        "start_date" timestamptz NOT NULL,
        "duration_days" int NOT NULL,
        "target_audience" text,
        "brand_voice" text,
        "content_themes" jsonb NOT NULL DEFAULT '[]',
        "timezone" text NOT NULL,
        "status" text NOT NULL CHECK ("status" IN (${CAMPAIGN_STATUSES})),
        "revision" int NOT NULL DEFAULT 1,
        "strategy_output" jsonb,
        "stages" jsonb NOT NULL DEFAULT '[]',
        "failure" jsonb,
        "execution_requested_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX "campaigns_user_created_idx" ON "${SCHEMA}"."campaigns" ("user_id", "created_at" DESC)`,
      `CREATE TABLE "${SCHEMA}"."campaign_posts" (
        "id" uuid PRIMARY KEY,
        "campaign_id" uuid NOT NULL REFERENCES "${SCHEMA}"."campaigns" ("id") ON DELETE CASCADE,
        "user_id" uuid NOT NULL REFERENCES "${SCHEMA}"."users" ("id") ON DELETE CASCADE,
        "plan_id" text NOT NULL,
        "platform" text NOT NULL,
        "content_type" text NOT NULL,
        "pillar" text NOT NULL,
        "content" jsonb NOT NULL,
        "visual" jsonb,
        "scheduled_time" timestamptz,
        "status" text NOT NULL CHECK ("status" IN (${POST_STATUSES})),
        "edit_revision" int NOT NULL DEFAULT 0,
        "platform_post_id" text,
        "published_at" timestamptz,
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX "campaign_posts_campaign_idx" ON "${SCHEMA}"."campaign_posts" ("campaign_id")`,
      `CREATE INDEX "campaign_posts_user_status_idx" ON "${SCHEMA}"."campaign_posts" ("user_id", "status")`,
      `CREATE INDEX "campaign_posts_user_platform_idx" ON "${SCHEMA}"."campaign_posts" ("user_id", "platform")`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${SCHEMA}"."campaign_posts"`);
    await q.query(`DROP TABLE "${SCHEMA}"."campaigns"`);
    await q.query(`DROP TABLE "${SCHEMA}"."users"`);
    for (const sql of busTablesDownSql(SCHEMA)) await q.query(sql);
  }
}
