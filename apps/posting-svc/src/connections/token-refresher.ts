import { PlatformError } from '@app/platforms';
import type { PlatformAdapter } from '@app/platforms';
import { Injectable, Logger } from '@nestjs/common';
import { PlatformRegistry } from '../platforms/platform-registry';
import { ConnectionsRepository, OpenConnection } from './connections.repository';

const REFRESH_LEASE_MS = 30_000;
const WAIT_FOR_PEER_MS = 250;
/** Refresh ahead of expiry by this much, so a token never dies between the check and the call. */
export const REFRESH_AHEAD_MS = 120_000;

/**
 * Refreshes a connection's access token the way its platform works, once across all replicas: the refresh
 * is leased on the connection row (a rotating refresh token spent twice would kill the grant), and a replica
 * that finds the lease taken waits for the other's result. A refresh the platform refuses marks the
 * connection `reconnect_required`; a refresh that only failed for now (network, 5xx) is retried later.
 */
@Injectable()
export class TokenRefresher {
  private readonly logger = new Logger(TokenRefresher.name);

  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly registry: PlatformRegistry,
  ) {}

  /** Whether the connection's token is close enough to expiry to refresh before using it. */
  isExpiring(connection: OpenConnection): boolean {
    const expiresAt = connection.row.expires_at ? new Date(connection.row.expires_at).getTime() : undefined;
    return expiresAt !== undefined && expiresAt - Date.now() < REFRESH_AHEAD_MS && this.canRefresh(connection);
  }

  canRefresh(connection: OpenConnection): boolean {
    const adapter = this.registry.adapter(connection.row.platform);
    return typeof adapter.refresh === 'function';
  }

  /**
   * Returns the connection with a fresh token. Throws PlatformError `refresh` when the user must reconnect
   * (the connection is marked), or `retry` when the refresh should be tried again later.
   */
  async refresh(connection: OpenConnection): Promise<OpenConnection> {
    const { row } = connection;
    const adapter: PlatformAdapter = this.registry.adapter(row.platform);
    if (!adapter.refresh) return this.reconnect(connection, `${row.platform} tokens cannot be refreshed; reconnect the account`);
    if (!(await this.connections.leaseRefresh(row.id, row.token_version, REFRESH_LEASE_MS))) return this.awaitPeer(connection);
    try {
      const grant = await adapter.refresh({
        http: this.registry.http(row.platform, row.account_id),
        serverUrl: row.server_url ?? undefined,
        client: this.registry.client(row.platform),
        accessToken: connection.credentials.accessToken,
        refreshToken: connection.refreshToken,
      });
      await this.connections.storeRefreshed(row, grant, connection.refreshToken);
      this.logger.log(`refreshed the ${row.platform} token of connection ${row.id}${grant.refreshToken ? ' (refresh token rotated)' : ''}`);
    } catch (error) {
      if (PlatformError.is(error, 'refresh') || PlatformError.is(error, 'permanent')) return this.reconnect(connection, `the ${row.platform} refresh was refused: ${error.message}`);
      await this.connections.releaseRefresh(row.id);
      throw error instanceof PlatformError ? error : new PlatformError('retry', `token refresh failed: ${(error as Error).message}`);
    }
    return this.reload(row.id);
  }

  private async awaitPeer(connection: OpenConnection): Promise<OpenConnection> {
    const deadline = Date.now() + REFRESH_LEASE_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_FOR_PEER_MS));
      const row = await this.connections.get(connection.row.id);
      if (!row) throw new PlatformError('permanent', 'the connected account was removed');
      if (row.status === 'reconnect_required') throw new PlatformError('refresh', row.status_reason ?? 'the account must be reconnected');
      if (row.token_version !== connection.row.token_version) return this.connections.open(row);
    }
    throw new PlatformError('retry', 'another replica is still refreshing this token');
  }

  private async reconnect(connection: OpenConnection, reason: string): Promise<never> {
    await this.connections.markReconnectRequired(connection.row.id, reason);
    throw new PlatformError('refresh', reason);
  }

  private async reload(id: string): Promise<OpenConnection> {
    const row = await this.connections.get(id);
    if (!row) throw new PlatformError('permanent', 'the connected account was removed');
    return this.connections.open(row);
  }
}
