import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Optimization agent's latest slot model per connected account (from optimization.updated.v1). */
export class SlotModels1764374400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "scheduler"."slot_models" (
      "connection_id" uuid PRIMARY KEY,
      "user_id" uuid NOT NULL,
      "platform" text NOT NULL,
      "time_zone" text NOT NULL,
      "run_id" uuid NOT NULL,
      "computed_at" timestamptz NOT NULL,
      "observations" int NOT NULL,
      "slots" jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX "slot_models_user_idx" ON "scheduler"."slot_models" ("user_id", "platform", "computed_at" DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "scheduler"."slot_models"`);
  }
}
