import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the Optimization agent learned per connected account (from optimization.updated.v1), for the plan prompt. */
export class AccountInsights1764374400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "strategy"."account_insights" (
      "connection_id" uuid PRIMARY KEY,
      "user_id" uuid NOT NULL,
      "platform" text NOT NULL,
      "account_name" text NOT NULL,
      "run_id" uuid NOT NULL,
      "computed_at" timestamptz NOT NULL,
      "best_slots" jsonb NOT NULL,
      "content_insights" jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX "account_insights_user_idx" ON "strategy"."account_insights" ("user_id", "platform")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "strategy"."account_insights"`);
  }
}
