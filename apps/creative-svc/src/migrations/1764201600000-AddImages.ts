import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated images, owned by creative-svc (served at GET /images/{id}). */
export class AddImages1764201600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "creative"."images" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "post_id" uuid NOT NULL,
      "mime_type" text NOT NULL,
      "data" bytea NOT NULL,
      "model" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "images_post_idx" ON "creative"."images" ("post_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "creative"."images"`);
  }
}
