import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'posting';

/**
 * Real publishing: connections gain status, server, rotation and refresh-lease columns; publications become
 * durable jobs (queued → publishing → published | failed | unconfirmed | blocked | cancelled) with the
 * request, checkpointed progress, a lease and the next attempt time; every attempt is kept; platform
 * rate-limit signals are shared by all replicas; OAuth states hold the PKCE verifier (encrypted).
 */
export class PublishingForReal1764288000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE "${SCHEMA}"."platform_connections"
         ADD COLUMN "server_url" text,
         ADD COLUMN "scopes" text,
         ADD COLUMN "status_reason" text,
         ADD COLUMN "time_zone" text,
         ADD COLUMN "token_version" int NOT NULL DEFAULT 1,
         ADD COLUMN "refreshing_until" timestamptz,
         ADD COLUMN "last_used_at" timestamptz,
         ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT now(),
         ADD CONSTRAINT "platform_connections_status_check" CHECK ("status" IN ('active', 'reconnect_required'))`,
      `CREATE INDEX "platform_connections_account_idx" ON "${SCHEMA}"."platform_connections" ("platform", "account_id")`,
      `ALTER TABLE "${SCHEMA}"."publications" DROP CONSTRAINT "publications_status_check"`,
      `ALTER TABLE "${SCHEMA}"."publications"
         ADD CONSTRAINT "publications_status_check"
           CHECK ("status" IN ('queued', 'publishing', 'published', 'failed', 'unconfirmed', 'blocked', 'cancelled')),
         ADD COLUMN "connection_id" uuid,
         ADD COLUMN "account_name" text,
         ADD COLUMN "request" jsonb,
         ADD COLUMN "progress" jsonb,
         ADD COLUMN "next_attempt_at" timestamptz,
         ADD COLUMN "lease_until" timestamptz,
         ADD COLUMN "attempt_started_at" timestamptz,
         ADD COLUMN "needs_reconcile" boolean NOT NULL DEFAULT false,
         ADD COLUMN "sent_at" timestamptz,
         ADD COLUMN "error_code" text`,
      `CREATE INDEX "publications_due_idx" ON "${SCHEMA}"."publications" ("next_attempt_at") WHERE "status" = 'queued'`,
      `CREATE INDEX "publications_lease_idx" ON "${SCHEMA}"."publications" ("lease_until") WHERE "status" = 'publishing'`,
      `CREATE INDEX "publications_connection_idx" ON "${SCHEMA}"."publications" ("connection_id", "status")`,
      `CREATE TABLE "${SCHEMA}"."publication_attempts" (
         "post_id" uuid NOT NULL REFERENCES "${SCHEMA}"."publications" ("post_id") ON DELETE CASCADE,
         "attempt" int NOT NULL,
         "outcome" text NOT NULL,
         "detail" text,
         "http_status" int,
         "started_at" timestamptz NOT NULL,
         "finished_at" timestamptz NOT NULL,
         "next_attempt_at" timestamptz,
         PRIMARY KEY ("post_id", "attempt", "outcome")
       )`,
      `CREATE TABLE "${SCHEMA}"."rate_limits" (
         "scope" text PRIMARY KEY,
         "not_before" timestamptz,
         "remaining" int,
         "reset_at" timestamptz,
         "updated_at" timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE "${SCHEMA}"."oauth_states" (
         "state" text PRIMARY KEY,
         "user_id" uuid NOT NULL,
         "platform" text NOT NULL,
         "verifier_enc" text NOT NULL,
         "key_id" text NOT NULL,
         "server_url" text,
         "time_zone" text,
         "expires_at" timestamptz NOT NULL
       )`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['oauth_states', 'rate_limits', 'publication_attempts']) await q.query(`DROP TABLE "${SCHEMA}"."${table}"`);
    await q.query(`DROP INDEX "${SCHEMA}"."publications_due_idx", "${SCHEMA}"."publications_lease_idx", "${SCHEMA}"."publications_connection_idx", "${SCHEMA}"."platform_connections_account_idx"`);
    await q.query(`DELETE FROM "${SCHEMA}"."publications" WHERE "status" NOT IN ('publishing', 'published', 'failed')`);
    await q.query(`ALTER TABLE "${SCHEMA}"."publications" DROP CONSTRAINT "publications_status_check",
      DROP COLUMN "connection_id", DROP COLUMN "account_name", DROP COLUMN "request", DROP COLUMN "progress", DROP COLUMN "next_attempt_at",
      DROP COLUMN "lease_until", DROP COLUMN "attempt_started_at", DROP COLUMN "needs_reconcile", DROP COLUMN "sent_at", DROP COLUMN "error_code",
      ADD CONSTRAINT "publications_status_check" CHECK ("status" IN ('publishing', 'published', 'failed'))`);
    await q.query(`ALTER TABLE "${SCHEMA}"."platform_connections" DROP CONSTRAINT "platform_connections_status_check",
      DROP COLUMN "server_url", DROP COLUMN "scopes", DROP COLUMN "status_reason", DROP COLUMN "time_zone", DROP COLUMN "token_version",
      DROP COLUMN "refreshing_until", DROP COLUMN "last_used_at", DROP COLUMN "updated_at"`);
  }
}
