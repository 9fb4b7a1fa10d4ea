import { MigrationInterface, QueryRunner } from 'typeorm';

const SCHEMA = 'posting';

/**
 * Analytics support: a connection is a real platform account or a sandbox account (simulated audience,
 * development only); sandbox posts remember the account and the kind of media, which the audience simulator
 * reads to give them metrics.
 */
export class AccountInsights1764374400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "${SCHEMA}"."platform_connections"
         ADD COLUMN "kind" text NOT NULL DEFAULT 'platform' CONSTRAINT "platform_connections_kind_check" CHECK ("kind" IN ('platform', 'sandbox'))`,
    );
    await q.query(
      `ALTER TABLE "${SCHEMA}"."sandbox_posts"
         ADD COLUMN "account_id" text NOT NULL DEFAULT 'sandbox',
         ADD COLUMN "media_type" text NOT NULL DEFAULT 'text'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${SCHEMA}"."sandbox_posts" DROP COLUMN "media_type", DROP COLUMN "account_id"`);
    await q.query(`ALTER TABLE "${SCHEMA}"."platform_connections" DROP COLUMN "kind"`);
  }
}
