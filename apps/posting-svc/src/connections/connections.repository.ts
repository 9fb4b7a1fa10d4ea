import type { ConnectionStatus, ConnectionView, Platform } from '@app/contracts';
import { queryRows } from '@app/database';
import type { AccountCredentials, TokenGrant } from '@app/platforms';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TokenCipher } from './token-cipher';

export interface ConnectionRow {
  id: string;
  user_id: string;
  platform: Platform;
  account_id: string;
  account_name: string | null;
  server_url: string | null;
  access_token_enc: string;
  refresh_token_enc: string | null;
  key_id: string;
  expires_at: Date | null;
  scopes: string | null;
  status: ConnectionStatus;
  status_reason: string | null;
  time_zone: string | null;
  kind: 'platform' | 'sandbox';
  token_version: number;
  created_at: Date;
}

/** A connection with its tokens decrypted, for the length of one publish. */
export interface OpenConnection {
  row: ConnectionRow;
  credentials: AccountCredentials;
  refreshToken?: string;
}

export interface NewConnection {
  userId: string;
  platform: Platform;
  accountId: string;
  accountName: string;
  serverUrl?: string;
  grant: TokenGrant;
  timeZone?: string;
  kind?: 'platform' | 'sandbox';
}

const T = '"posting"."platform_connections"';
const TOUCH_EVERY_MS = 60_000;

/** The only reader and writer of `posting.platform_connections`; tokens are sealed on the way in. */
@Injectable()
export class ConnectionsRepository {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TokenCipher) private readonly cipher: TokenCipher,
  ) {}

  /** Inserts, or on reconnect of the same account replaces the tokens and reactivates; `created` tells which. */
  async upsert(connection: NewConnection, manager: EntityManager = this.dataSource.manager): Promise<{ row: ConnectionRow; created: boolean }> {
    const access = this.cipher.seal(connection.grant.accessToken);
    const refresh = connection.grant.refreshToken ? this.cipher.seal(connection.grant.refreshToken).ciphertext : null;
    const rows: Array<ConnectionRow & { inserted: boolean }> = await manager.query(
      `INSERT INTO ${T} ("user_id", "platform", "account_id", "account_name", "server_url", "access_token_enc", "refresh_token_enc", "key_id",
                         "expires_at", "scopes", "time_zone", "kind")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT ("user_id", "platform", "account_id") DO UPDATE SET
         "account_name" = EXCLUDED."account_name", "server_url" = EXCLUDED."server_url",
         "access_token_enc" = EXCLUDED."access_token_enc",
         "refresh_token_enc" = COALESCE(EXCLUDED."refresh_token_enc", CASE WHEN ${T}."key_id" = EXCLUDED."key_id" THEN ${T}."refresh_token_enc" END),
         "key_id" = EXCLUDED."key_id", "expires_at" = EXCLUDED."expires_at", "scopes" = COALESCE(EXCLUDED."scopes", ${T}."scopes"),
         "time_zone" = COALESCE(EXCLUDED."time_zone", ${T}."time_zone"), "status" = 'active', "status_reason" = NULL,
         "token_version" = ${T}."token_version" + 1, "refreshing_until" = NULL, "updated_at" = now()
       RETURNING *, (xmax = 0) AS "inserted"`,
      [
        connection.userId,
        connection.platform,
        connection.accountId,
        connection.accountName,
        connection.serverUrl ?? null,
        access.ciphertext,
        refresh,
        access.keyId,
        connection.grant.expiresAt ?? null,
        connection.grant.scope ?? null,
        connection.timeZone ?? null,
        connection.kind ?? 'platform',
      ],
    );
    const { inserted, ...row } = rows[0];
    return { row, created: inserted };
  }

  /** Whether another user already connected this account. */
  async ownedByAnotherUser(userId: string, platform: Platform, accountId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${T} WHERE "platform" = $1 AND "account_id" = $2 AND "user_id" <> $3 LIMIT 1`, [platform, accountId, userId]);
    return rows.length > 0;
  }

  async get(id: string): Promise<ConnectionRow | null> {
    const rows: ConnectionRow[] = await this.dataSource.query(`SELECT * FROM ${T} WHERE "id" = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The account a post without an explicit connection goes out on: the user's most recently connected one.
   * Runs on `manager` (a message's transaction) so it never waits for a second connection meanwhile.
   */
  async defaultFor(userId: string, platform: Platform, manager: EntityManager = this.dataSource.manager): Promise<ConnectionRow | null> {
    const rows: ConnectionRow[] = await manager.query(
      `SELECT * FROM ${T} WHERE "user_id" = $1 AND "platform" = $2 ORDER BY ("status" = 'active') DESC, "created_at" DESC LIMIT 1`,
      [userId, platform],
    );
    return rows[0] ?? null;
  }

  async list(userId: string): Promise<ConnectionView[]> {
    const rows: Array<ConnectionRow & { blocked: number }> = await this.dataSource.query(
      `SELECT c.*, (SELECT count(*)::int FROM "posting"."publications" p WHERE p."connection_id" = c."id" AND p."status" = 'blocked') AS "blocked"
         FROM ${T} c WHERE c."user_id" = $1 ORDER BY c."created_at"`,
      [userId],
    );
    return rows.map((row) => toView(row, row.blocked));
  }

  async view(row: ConnectionRow): Promise<ConnectionView> {
    const [{ blocked }] = await this.dataSource.query(
      `SELECT count(*)::int AS "blocked" FROM "posting"."publications" WHERE "connection_id" = $1 AND "status" = 'blocked'`,
      [row.id],
    );
    return toView(row, blocked);
  }

  async delete(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<ConnectionRow | null> {
    const [deleted] = await queryRows<ConnectionRow>(manager, `DELETE FROM ${T} WHERE "id" = $1 AND "user_id" = $2 RETURNING *`, [id, userId]);
    return deleted ?? null;
  }

  open(row: ConnectionRow): OpenConnection {
    const refreshToken = row.refresh_token_enc ? this.cipher.open({ ciphertext: row.refresh_token_enc, keyId: row.key_id }) : undefined;
    return {
      row,
      refreshToken,
      credentials: {
        accountId: row.account_id,
        accountName: row.account_name ?? undefined,
        serverUrl: row.server_url ?? undefined,
        accessToken: this.cipher.open({ ciphertext: row.access_token_enc, keyId: row.key_id }),
      },
    };
  }

  /**
   * Takes the right to refresh this connection (a lease, so two replicas never spend one rotating refresh
   * token twice). False when another process holds it or the tokens changed since `tokenVersion`.
   */
  async leaseRefresh(id: string, tokenVersion: number, leaseMs: number): Promise<boolean> {
    const leased = await queryRows(
      this.dataSource.manager,
      `UPDATE ${T} SET "refreshing_until" = now() + ($3 || ' milliseconds')::interval
        WHERE "id" = $1 AND "token_version" = $2 AND ("refreshing_until" IS NULL OR "refreshing_until" < now()) RETURNING "id"`,
      [id, tokenVersion, String(leaseMs)],
    );
    return leased.length > 0;
  }

  /** Stores refreshed tokens; a grant without a refresh token keeps the stored one (never overwritten with nothing). */
  async storeRefreshed(row: ConnectionRow, grant: TokenGrant, currentRefreshToken: string | undefined): Promise<void> {
    const access = this.cipher.seal(grant.accessToken);
    const refresh = grant.refreshToken ?? currentRefreshToken;
    await this.dataSource.query(
      `UPDATE ${T} SET "access_token_enc" = $2, "refresh_token_enc" = $3, "key_id" = $4, "expires_at" = $5, "scopes" = COALESCE($6, "scopes"),
              "token_version" = "token_version" + 1, "refreshing_until" = NULL, "status" = 'active', "status_reason" = NULL, "updated_at" = now()
        WHERE "id" = $1`,
      [row.id, access.ciphertext, refresh ? this.cipher.seal(refresh).ciphertext : null, access.keyId, grant.expiresAt ?? null, grant.scope ?? null],
    );
  }

  async releaseRefresh(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${T} SET "refreshing_until" = NULL WHERE "id" = $1`, [id]);
  }

  async markReconnectRequired(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${T} SET "status" = 'reconnect_required', "status_reason" = $2, "refreshing_until" = NULL, "updated_at" = now() WHERE "id" = $1`,
      [id, reason],
    );
  }

  /** Records that the connection published (at most once a minute per connection: it is on the publish path). */
  async touch(id: string): Promise<void> {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    await this.dataSource.query(`UPDATE ${T} SET "last_used_at" = now() WHERE "id" = $1`, [id]);
  }
}

function toView(row: ConnectionRow, blockedPosts: number): ConnectionView {
  return {
    id: row.id,
    platform: row.platform,
    accountId: row.account_id,
    accountName: row.account_name ?? row.account_id,
    serverUrl: row.server_url ?? undefined,
    status: row.status,
    statusReason: row.status_reason ?? undefined,
    expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : undefined,
    scopes: row.scopes ?? undefined,
    timeZone: row.time_zone ?? undefined,
    connectedAt: new Date(row.created_at).toISOString(),
    blockedPosts,
    kind: row.kind,
  };
}
