import type { ContentInsight, OptimizationUpdatedPayload, RecommendedSlot } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface StoredRun {
  runId: string;
  bestSlots: RecommendedSlot[];
  contentInsights: ContentInsight[];
}

/** Every model the optimizer computed (`analytics.optimization_runs`), newest last. */
@Injectable()
export class OptimizationRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async latest(connectionId: string): Promise<StoredRun | null> {
    const [row] = await this.dataSource.query(
      `SELECT "id", "best_slots", "content_insights" FROM "analytics"."optimization_runs" WHERE "connection_id" = $1 ORDER BY "computed_at" DESC LIMIT 1`,
      [connectionId],
    );
    return row ? { runId: row.id, bestSlots: row.best_slots, contentInsights: row.content_insights } : null;
  }

  async insert(manager: EntityManager, run: OptimizationUpdatedPayload): Promise<void> {
    await manager.query(
      `INSERT INTO "analytics"."optimization_runs" ("id", "connection_id", "user_id", "platform", "computed_at", "observations", "basis", "slots", "best_slots", "content_insights", "changes")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        run.runId,
        run.connectionId,
        run.userId,
        run.platform,
        run.computedAt,
        run.observations,
        run.basis,
        JSON.stringify(run.slots),
        JSON.stringify(run.bestSlots),
        JSON.stringify(run.contentInsights),
        JSON.stringify(run.changes),
      ],
    );
  }
}
