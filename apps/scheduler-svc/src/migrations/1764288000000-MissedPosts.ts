import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scheduled posts can be `missed` (due while the Scheduler was down for longer than the grace period). */
export class MissedPosts1764288000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scheduler"."scheduled_posts" DROP CONSTRAINT "scheduled_posts_status_check",
      ADD CONSTRAINT "scheduled_posts_status_check" CHECK ("status" IN ('draft', 'armed', 'dispatched', 'cancelled', 'missed'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE "scheduler"."scheduled_posts" SET "status" = 'cancelled' WHERE "status" = 'missed'`);
    await q.query(`ALTER TABLE "scheduler"."scheduled_posts" DROP CONSTRAINT "scheduled_posts_status_check",
      ADD CONSTRAINT "scheduled_posts_status_check" CHECK ("status" IN ('draft', 'armed', 'dispatched', 'cancelled'))`);
  }
}
