import { SERVICE_CONFIG } from '@app/config';
import { PlatformError } from '@app/platforms';
import type { PlatformAdapter, PublishContext, PublishReceipt, PublishRequest } from '@app/platforms';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PostingConfig } from '../config/posting.config';
import { ConnectionsRepository, OpenConnection } from '../connections/connections.repository';
import { TokenRefresher } from '../connections/token-refresher';
import { CreativeMediaSource } from '../platforms/creative-media-source';
import { PlatformRegistry } from '../platforms/platform-registry';
import { SandboxAdapter } from '../sandbox/sandbox.adapter';
import { PublicationOutcomes } from './publication-outcome';
import { PublicationRow, PublicationsRepository } from './publications.repository';
import { RateLimitStore } from './rate-limit-store';

const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * One attempt at one claimed publication: resolve the account, respect the platform's rate limit, refresh
 * an expiring token, reconcile first when an earlier attempt's outcome is unknown, publish, and settle.
 * Errors are mapped by kind: `retry` waits (until the platform's reset, else exponential back-off) up to
 * the attempt limit; `refresh` refreshes once and tries again, else blocks the post until the user
 * reconnects; `permanent` fails it with the platform's reason (a duplicate rejection reconciles instead);
 * `unknown` never resends blindly: the next attempt reconciles, and a post it cannot settle is `unconfirmed`.
 */
@Injectable()
export class PublishAttempt {
  private readonly logger = new Logger(PublishAttempt.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: PostingConfig,
    private readonly publications: PublicationsRepository,
    private readonly outcomes: PublicationOutcomes,
    private readonly connections: ConnectionsRepository,
    private readonly refresher: TokenRefresher,
    private readonly registry: PlatformRegistry,
    private readonly rateLimits: RateLimitStore,
    private readonly sandbox: SandboxAdapter,
  ) {}

  async run(row: PublicationRow): Promise<void> {
    try {
      await this.attempt(row);
    } catch (error) {
      await this.settleError(row, error).catch((settleError: Error) =>
        this.logger.error(`post ${row.post_id}: could not record the outcome of attempt ${row.attempts}: ${settleError.message}; the lease will expire and it is reconciled`),
      );
    }
  }

  private async attempt(row: PublicationRow): Promise<void> {
    if (await this.publications.isCancelled(row.post_id)) return this.outcomes.cancelled(row);
    let connection = await this.openConnection(row);
    if (connection === 'missing') return this.outcomes.failed(row, 'no_account', 'the connected account was removed before the post went out', { outcome: 'rejected' });
    if (connection?.row.status === 'reconnect_required') throw new PlatformError('refresh', connection.row.status_reason ?? 'the account must be reconnected');
    const accountId = connection?.row.account_id ?? 'sandbox';
    const notBefore = connection ? await this.rateLimits.notBefore(row.platform, accountId) : null;
    if (notBefore) return this.outcomes.postpone(row, notBefore);
    if (connection && this.refresher.isExpiring(connection)) connection = await this.refresher.refresh(connection);
    if (!(await this.publications.renewLease({ postId: row.post_id, attempts: row.attempts }, this.config.worker.leaseMs))) {
      return this.logger.warn(`post ${row.post_id}: claim taken over by another replica; attempt ${row.attempts} stops`);
    }
    const adapter = connection && connection.row.kind !== 'sandbox' ? this.registry.adapter(row.platform) : this.sandbox;
    const request = toPublishRequest(row);
    const call = (open: OpenConnection | null) => this.context(row, open);
    const accountName = connection?.row.account_name ?? undefined;
    if (row.needs_reconcile) {
      const sentAt = new Date(row.sent_at ?? row.attempt_started_at);
      const verdict = await adapter.reconcile(call(connection) as PublishContext, request, sentAt);
      if ('found' in verdict) return this.outcomes.published(row, verdict.found, accountName, { outcome: 'reconciled', detail: 'found on the platform after an unknown outcome' });
      if ('unsure' in verdict) return this.outcomes.unconfirmed(row, `the platform may have the post and it could not be confirmed: ${verdict.unsure}`, { outcome: 'unconfirmed', detail: verdict.unsure });
    }
    const receipt = await this.publishRefreshingOnce(adapter as PlatformAdapter, row, connection, request);
    if (connection) void this.connections.touch(connection.row.id).catch(() => undefined);
    await this.outcomes.published(row, receipt, accountName, { outcome: 'published' });
  }

  private async publishRefreshingOnce(adapter: PlatformAdapter, row: PublicationRow, connection: OpenConnection | null, request: PublishRequest): Promise<PublishReceipt> {
    try {
      return await adapter.publish(this.context(row, connection), request);
    } catch (error) {
      if (!connection || !PlatformError.is(error, 'refresh')) throw error;
      const refreshed = await this.refresher.refresh(connection);
      return adapter.publish(this.context(row, refreshed), request);
    }
  }

  private async settleError(row: PublicationRow, error: unknown): Promise<void> {
    const platformError = error instanceof PlatformError ? error : new PlatformError('retry', `internal error: ${(error as Error).message}`);
    if (!(error instanceof PlatformError)) this.logger.error(`post ${row.post_id}: ${(error as Error).stack ?? String(error)}`);
    const { kind, message, details } = platformError;
    const record = { detail: message, httpStatus: details.status };
    if (kind === 'refresh') {
      return this.outcomes.failed(row, 'reconnect_required', `reconnect required: ${message}`, { ...record, outcome: 'reconnect_required' }, 'blocked');
    }
    if (kind === 'permanent' && details.duplicate && row.attempts > 1 && !row.needs_reconcile) {
      // The platform already has this content and an earlier attempt of ours may have sent it: reconcile.
      // On a first attempt it is the user's own earlier post, and the refusal stands.
      return this.outcomes.requeue(row, { ...record, outcome: 'unknown', nextAttemptAt: this.later(this.config.worker.reconcileDelayMs) }, { sentAt: new Date(row.sent_at ?? row.attempt_started_at) });
    }
    if (kind === 'permanent') return this.outcomes.failed(row, 'rejected', message, { ...record, outcome: 'rejected' });
    if (kind === 'unknown') {
      if (row.attempts >= this.config.worker.maxAttempts) return this.outcomes.unconfirmed(row, `no answer from the platform after ${row.attempts} attempts: ${message}`, { ...record, outcome: 'unconfirmed' });
      return this.outcomes.requeue(row, { ...record, outcome: 'unknown', nextAttemptAt: this.later(this.config.worker.reconcileDelayMs) }, { sentAt: new Date(row.attempt_started_at) });
    }
    if (details.retryAt && details.scope && row.connection_id) {
      const connection = await this.connections.get(row.connection_id);
      if (connection) await this.rateLimits.block(row.platform, details.scope, connection.account_id, details.retryAt);
    }
    if (row.attempts >= this.config.worker.maxAttempts) {
      return this.outcomes.failed(row, 'gave_up', `publishing gave up after ${row.attempts} attempts: ${message}`, { ...record, outcome: 'gave_up' });
    }
    const backoff = this.later(Math.min(this.config.worker.retryBaseMs * 2 ** (row.attempts - 1), MAX_BACKOFF_MS));
    const nextAttemptAt = details.retryAt && details.retryAt > backoff ? details.retryAt : backoff;
    await this.outcomes.requeue(row, { ...record, outcome: 'retry', nextAttemptAt });
  }

  private async openConnection(row: PublicationRow): Promise<OpenConnection | null | 'missing'> {
    if (!row.connection_id) return null;
    const connection = await this.connections.get(row.connection_id);
    return connection ? this.connections.open(connection) : 'missing';
  }

  private context(row: PublicationRow, connection: OpenConnection | null): PublishContext {
    const fence = { postId: row.post_id, attempts: row.attempts };
    const context: PublishContext = {
      credentials: connection?.credentials ?? { accountId: 'sandbox', accessToken: '' },
      http: this.registry.http(row.platform, connection?.row.account_id ?? 'sandbox'),
      progress: row.progress,
      saveProgress: async (progress) => {
        await this.publications.saveProgress(fence, progress);
        row.progress = progress;
        context.progress = progress;
      },
      media: new CreativeMediaSource(this.config, row.request.altText, this.config.platforms.timeoutMs),
    };
    return context;
  }

  private later(ms: number): Date {
    return new Date(Date.now() + ms);
  }
}

export function toPublishRequest(row: PublicationRow): PublishRequest {
  const due = row.request;
  return {
    idempotencyKey: due.postId,
    platform: due.platform,
    contentType: due.contentType,
    text: due.text,
    threadParts: due.threadParts,
    hashtags: due.hashtags,
    altText: due.altText,
    mediaIds: due.imageIds ?? [],
    imagePrompt: due.imagePrompt,
  };
}
