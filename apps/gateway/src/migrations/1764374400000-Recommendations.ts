import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model keeps which optimization recommendations a campaign used, and why each post got its time. */
export class Recommendations1764374400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."campaigns" ADD COLUMN "recommendations" jsonb`);
    await q.query(`ALTER TABLE "gateway"."campaign_posts" ADD COLUMN "slot_choice" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."campaign_posts" DROP COLUMN "slot_choice"`);
    await q.query(`ALTER TABLE "gateway"."campaigns" DROP COLUMN "recommendations"`);
  }
}
