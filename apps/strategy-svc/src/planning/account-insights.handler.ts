import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

/** Keeps the latest insights of each connected account (never replaced by an older run), forgets removed accounts. */
@BusController()
export class AccountInsightsHandler {
  @EventPattern<string>(Events.OptimizationUpdated)
  async updated(@Payload() envelope: Envelope<typeof Events.OptimizationUpdated>, @Ctx() context: BusContext): Promise<void> {
    const m = envelope.payload;
    await context.manager.query(
      `INSERT INTO "strategy"."account_insights" ("connection_id", "user_id", "platform", "account_name", "run_id", "computed_at", "best_slots", "content_insights")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("connection_id") DO UPDATE SET "account_name" = EXCLUDED."account_name", "run_id" = EXCLUDED."run_id", "computed_at" = EXCLUDED."computed_at",
         "best_slots" = EXCLUDED."best_slots", "content_insights" = EXCLUDED."content_insights"
       WHERE "account_insights"."computed_at" < EXCLUDED."computed_at"`,
      [m.connectionId, m.userId, m.platform, m.accountName, m.runId, m.computedAt, JSON.stringify(m.bestSlots), JSON.stringify(m.contentInsights)],
    );
  }

  @EventPattern<string>(Events.AccountDisconnected)
  async disconnected(@Payload() envelope: Envelope<typeof Events.AccountDisconnected>, @Ctx() context: BusContext): Promise<void> {
    await context.manager.query(`DELETE FROM "strategy"."account_insights" WHERE "connection_id" = $1`, [envelope.payload.connectionId]);
  }
}
