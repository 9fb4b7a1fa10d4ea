import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredImage {
  id: string;
  campaignId: string;
  postId: string;
  mimeType: string;
  data: Buffer;
  model: string;
}

/** creative-svc's images (table creative.images). */
@Injectable()
export class ImageStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, image: StoredImage): Promise<void> {
    await manager.query(
      `INSERT INTO "creative"."images" ("id", "campaign_id", "post_id", "mime_type", "data", "model") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("id") DO NOTHING`,
      [image.id, image.campaignId, image.postId, image.mimeType, image.data, image.model],
    );
  }

  async find(id: string): Promise<{ mimeType: string; data: Buffer } | null> {
    const rows: Array<{ mime_type: string; data: Buffer }> = await this.dataSource.query(`SELECT "mime_type", "data" FROM "creative"."images" WHERE "id" = $1`, [id]);
    return rows[0] ? { mimeType: rows[0].mime_type, data: rows[0].data } : null;
  }
}
