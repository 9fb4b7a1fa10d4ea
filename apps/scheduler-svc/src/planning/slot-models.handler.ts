import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope, Platform } from '@app/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import type { SlotModelInput } from './schedule-planner';

/**
 * Keeps the Optimization agent's latest slot model of each connected account (an older run arriving late
 * never replaces a newer one), and forgets an account when it is disconnected.
 */
@BusController()
export class SlotModelsHandler {
  @EventPattern<string>(Events.OptimizationUpdated)
  async updated(@Payload() envelope: Envelope<typeof Events.OptimizationUpdated>, @Ctx() context: BusContext): Promise<void> {
    const m = envelope.payload;
    await context.manager.query(
      `INSERT INTO "scheduler"."slot_models" ("connection_id", "user_id", "platform", "time_zone", "run_id", "computed_at", "observations", "slots")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("connection_id") DO UPDATE SET "time_zone" = EXCLUDED."time_zone", "run_id" = EXCLUDED."run_id", "computed_at" = EXCLUDED."computed_at",
         "observations" = EXCLUDED."observations", "slots" = EXCLUDED."slots"
       WHERE "slot_models"."computed_at" < EXCLUDED."computed_at"`,
      [m.connectionId, m.userId, m.platform, m.timeZone, m.runId, m.computedAt, m.observations, JSON.stringify(m.slots)],
    );
  }

  @EventPattern<string>(Events.AccountDisconnected)
  async disconnected(@Payload() envelope: Envelope<typeof Events.AccountDisconnected>, @Ctx() context: BusContext): Promise<void> {
    await context.manager.query(`DELETE FROM "scheduler"."slot_models" WHERE "connection_id" = $1`, [envelope.payload.connectionId]);
  }
}

/** The user's most recently computed model per platform. */
export async function loadSlotModels(dataSource: DataSource, userId: string, platforms: Platform[]): Promise<Map<Platform, SlotModelInput>> {
  const rows: Array<{ platform: Platform; run_id: string; time_zone: string; slots: SlotModelInput['slots'] }> = await dataSource.query(
    `SELECT DISTINCT ON ("platform") "platform", "run_id", "time_zone", "slots" FROM "scheduler"."slot_models"
      WHERE "user_id" = $1 AND "platform" = ANY($2) ORDER BY "platform", "computed_at" DESC`,
    [userId, platforms],
  );
  return new Map(rows.map((r) => [r.platform, { runId: r.run_id, timeZone: r.time_zone, slots: r.slots }]));
}
