import type { InsightsHistoryRequest, InsightsHistoryResponse, InsightsMetricsRequest, InsightsMetricsResponse, Platform } from '@app/contracts';
import { PlatformError } from '@app/platforms';
import type { CallContext, InsightsApi } from '@app/platforms';
import { Injectable } from '@nestjs/common';
import { ConnectionsRepository, OpenConnection } from '../connections/connections.repository';
import { TokenRefresher } from '../connections/token-refresher';
import { PlatformRegistry } from '../platforms/platform-registry';
import { RateLimitStore } from '../publishing/rate-limit-store';
import { SandboxInsights } from '../sandbox/sandbox-insights';
import { fromPlatformError, insightsError } from './insights-errors';

/** Reads get their own rate-limit bucket per account, so collecting metrics never delays a publish. */
const READ_BUCKET = '#insights';

/**
 * Reading metrics and history for the Analytics agent, with the account's tokens (which only posting-svc
 * holds): the same shared rate-limit store, token refresh (once, then the account needs a reconnect) and
 * error classes as publishing. Sandbox accounts and sandbox posts are answered by the audience simulator.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly refresher: TokenRefresher,
    private readonly registry: PlatformRegistry,
    private readonly rateLimits: RateLimitStore,
    private readonly sandbox: SandboxInsights,
  ) {}

  async metrics(request: InsightsMetricsRequest): Promise<InsightsMetricsResponse> {
    if (!request.connectionId) return respond(request.platformPostIds, await this.sandbox.metrics(request.platform, null, request.platformPostIds));
    const connection = await this.open(request.connectionId);
    if (connection.row.kind === 'sandbox') return respond(request.platformPostIds, await this.sandbox.metrics(request.platform, connection.row, request.platformPostIds));
    const found = await this.read(connection, (api, call) => api.metrics(call, request.platformPostIds));
    return respond(request.platformPostIds, found);
  }

  async history(request: InsightsHistoryRequest): Promise<InsightsHistoryResponse> {
    const connection = await this.open(request.connectionId);
    const query = { since: new Date(request.since), cursor: request.cursor, limit: request.limit };
    const page =
      connection.row.kind === 'sandbox'
        ? this.sandbox.historyPage(connection.row, query)
        : await this.read(connection, (api, call) => api.history(call, query));
    return {
      posts: page.posts.map((p) => ({ platformPostId: p.platformPostId, text: p.text, publishedAt: p.publishedAt.toISOString(), url: p.url, mediaType: p.mediaType, metrics: p.metrics })),
      nextCursor: page.nextCursor,
    };
  }

  private async open(connectionId: string): Promise<OpenConnection> {
    const row = await this.connections.get(connectionId);
    if (!row) throw insightsError('not_found', `no connection ${connectionId}`);
    if (row.status === 'reconnect_required') throw insightsError('reconnect_required', row.status_reason ?? 'the account must be reconnected');
    return this.connections.open(row);
  }

  /** One read on the platform: rate limit first, refresh an expiring token, and refresh once on an auth failure. */
  private async read<T>(connection: OpenConnection, call: (api: InsightsApi, context: CallContext) => Promise<T>): Promise<T> {
    const { platform, account_id: accountId } = connection.row;
    const api = this.registry.adapter(platform).insights;
    if (!api) throw insightsError('rejected', `${platform} has no insights API in this product`);
    const bucket = accountId + READ_BUCKET;
    const notBefore = await this.rateLimits.notBefore(platform, bucket);
    if (notBefore) throw insightsError('rate_limited', `the ${platform} read limit is exhausted`, notBefore);
    try {
      let open = this.refresher.isExpiring(connection) ? await this.refresher.refresh(connection) : connection;
      try {
        return await call(api, this.context(platform, bucket, open));
      } catch (error) {
        if (!PlatformError.is(error, 'refresh')) throw error;
        open = await this.refresher.refresh(open);
        return await call(api, this.context(platform, bucket, open));
      }
    } catch (error) {
      if (error instanceof PlatformError && error.details.retryAt && error.details.scope) await this.rateLimits.block(platform, error.details.scope, bucket, error.details.retryAt);
      throw fromPlatformError(error);
    }
  }

  private context(platform: Platform, bucket: string, connection: OpenConnection): CallContext {
    return { credentials: connection.credentials, http: this.registry.http(platform, bucket) };
  }
}

function respond(requested: string[], found: Map<string, InsightsMetricsResponse['metrics'][string]>): InsightsMetricsResponse {
  const metrics: InsightsMetricsResponse['metrics'] = {};
  for (const [id, value] of found) metrics[id] = value;
  return { metrics, missing: requested.filter((id) => !found.has(id)) };
}
