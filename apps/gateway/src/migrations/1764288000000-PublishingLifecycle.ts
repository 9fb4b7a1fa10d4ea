import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'gateway';

const OLD_POST_STATUSES = `'draft', 'armed', 'publishing', 'published', 'failed', 'cancelled'`;
const POST_STATUSES = `${OLD_POST_STATUSES}, 'unconfirmed'`;

/**
 * What publishing to real accounts adds to the read model: the `unconfirmed` post status; on each post the
 * failure code, the live URL, the account and connection it went out on, and when it failed (so a late
 * attempt event cannot resume a post that failed after it); the history of publishing attempts; and
 * campaigns of kind `adhoc` (a user's own post, not planned by the agents).
 *
 * `failure_code` and `outcome` take posting-svc's codes as they come (POST_FAILURE_CODES, ATTEMPT_OUTCOMES in
 * @app/contracts) without a CHECK: values added within `.v1` must not make the projection fail.
 */
export class PublishingLifecycle1764288000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE "${SCHEMA}"."campaign_posts" DROP CONSTRAINT "campaign_posts_status_check"`,
      `ALTER TABLE "${SCHEMA}"."campaign_posts" ADD CONSTRAINT "campaign_posts_status_check" CHECK ("status" IN (${POST_STATUSES}))`,
      `ALTER TABLE "${SCHEMA}"."campaign_posts"
        ADD COLUMN "failure_code" text,
        ADD COLUMN "failed_at" timestamptz,
        ADD COLUMN "url" text,
        ADD COLUMN "account_name" text,
        ADD COLUMN "connection_id" text`,
      `ALTER TABLE "${SCHEMA}"."campaigns"
        ADD COLUMN "kind" text NOT NULL DEFAULT 'agent' CONSTRAINT "campaigns_kind_check" CHECK ("kind" IN ('agent', 'adhoc'))`,
      `CREATE TABLE "${SCHEMA}"."post_attempts" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "post_id" uuid NOT NULL REFERENCES "${SCHEMA}"."campaign_posts" ("id") ON DELETE CASCADE,
        "attempt" int NOT NULL CHECK ("attempt" >= 1),
        "outcome" text NOT NULL,
        "detail" text,
        "http_status" int,
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz,
        "next_attempt_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "post_attempts_post_attempt_outcome_key" UNIQUE ("post_id", "attempt", "outcome")
      )`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  /** Back to the previous schema: an unconfirmed post becomes failed (the old model's nearest status). */
  async down(q: QueryRunner): Promise<void> {
    const statements = [
      `DROP TABLE "${SCHEMA}"."post_attempts"`,
      `ALTER TABLE "${SCHEMA}"."campaigns" DROP COLUMN "kind"`,
      `UPDATE "${SCHEMA}"."campaign_posts" SET "status" = 'failed', "error" = coalesce("error", 'unconfirmed') WHERE "status" = 'unconfirmed'`,
      `ALTER TABLE "${SCHEMA}"."campaign_posts" DROP CONSTRAINT "campaign_posts_status_check"`,
      `ALTER TABLE "${SCHEMA}"."campaign_posts" ADD CONSTRAINT "campaign_posts_status_check" CHECK ("status" IN (${OLD_POST_STATUSES}))`,
      `ALTER TABLE "${SCHEMA}"."campaign_posts"
        DROP COLUMN "failure_code",
        DROP COLUMN "failed_at",
        DROP COLUMN "url",
        DROP COLUMN "account_name",
        DROP COLUMN "connection_id"`,
    ];
    for (const sql of statements) await q.query(sql);
  }
}
