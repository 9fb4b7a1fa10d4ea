import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CollectionJobsRepository } from '../collection/collection-jobs.repository';

/**
 * Connected accounts, as posting-svc announces them: a new (or reconnected) account gets its history
 * imported now, and its paused readings resume; a removed one stops being read.
 */
@BusController()
export class AccountEventsHandler {
  constructor(private readonly jobs: CollectionJobsRepository) {}

  @EventPattern<string>(Events.AccountConnected)
  async connected(@Payload() envelope: Envelope<typeof Events.AccountConnected>, @Ctx() context: BusContext): Promise<void> {
    const a = envelope.payload;
    await context.manager.query(
      `INSERT INTO "analytics"."accounts" ("connection_id", "user_id", "platform", "account_id", "account_name", "time_zone", "kind", "connected_at", "next_import_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT ("connection_id") DO UPDATE SET "account_name" = EXCLUDED."account_name", "time_zone" = EXCLUDED."time_zone",
         "status" = 'active', "status_reason" = NULL, "next_import_at" = now(), "updated_at" = now()`,
      [a.connectionId, a.userId, a.platform, a.accountId, a.accountName, a.timeZone, a.kind, a.connectedAt],
    );
    await this.jobs.resume(context.manager, a.connectionId);
  }

  @EventPattern<string>(Events.AccountDisconnected)
  async disconnected(@Payload() envelope: Envelope<typeof Events.AccountDisconnected>, @Ctx() context: BusContext): Promise<void> {
    const { connectionId } = envelope.payload;
    await context.manager.query(
      `UPDATE "analytics"."accounts" SET "status" = 'disconnected', "status_reason" = 'the account was disconnected', "next_import_at" = NULL, "updated_at" = now()
        WHERE "connection_id" = $1`,
      [connectionId],
    );
    await this.jobs.stopFor(context.manager, connectionId, 'the account was disconnected');
  }
}
