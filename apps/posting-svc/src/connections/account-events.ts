import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ConnectionRow } from './connections.repository';

/**
 * Announces connections on the bus (through the outbox, in the transaction that changed the row), so the
 * Analytics agent imports a new account's history and stops collecting for a removed one.
 */
@Injectable()
export class AccountEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
  ) {}

  async connected(manager: EntityManager, row: ConnectionRow, created: boolean): Promise<void> {
    await this.outbox.add(
      manager,
      Events.AccountConnected,
      {
        connectionId: row.id,
        userId: row.user_id,
        platform: row.platform,
        accountId: row.account_id,
        accountName: row.account_name ?? row.account_id,
        timeZone: row.time_zone ?? 'UTC',
        kind: row.kind,
        connectedAt: new Date(row.created_at).toISOString(),
        created,
      },
      { correlationId: row.id },
    );
  }

  async disconnected(manager: EntityManager, row: ConnectionRow): Promise<void> {
    await this.outbox.add(
      manager,
      Events.AccountDisconnected,
      { connectionId: row.id, userId: row.user_id, platform: row.platform, disconnectedAt: new Date().toISOString() },
      { correlationId: row.id },
    );
  }

  /** Publishes what the committed transaction queued. */
  flush(): void {
    this.relay.nudge();
  }
}
