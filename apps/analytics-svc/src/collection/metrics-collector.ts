import { SERVICE_CONFIG } from '@app/config';
import type { InsightsMetricsResponse } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnalyticsConfig } from '../config/analytics.config';
import { InsightsReadError, PostingInsightsClient } from '../insights/posting-insights.client';
import { nextStep, retryTime } from './backoff';
import { CollectionJob, CollectionJobsRepository } from './collection-jobs.repository';
import { recordReading } from './readings';

const MAX_IDS_PER_CALL = 100;
const MAX_REJECTED_ATTEMPTS = 5;

/**
 * The Analytics agent's collection duty: reads due posts' metrics (batched per account through posting-svc,
 * which holds the tokens), stores each reading, and moves the post to its next reading. A rate limit waits
 * for the platform's reset, an account that needs reconnecting pauses its posts until it is reconnected,
 * a post the platform no longer has stops being read; every failure stays visible in `last_error`.
 */
@Injectable()
export class MetricsCollector {
  private readonly logger = new Logger(MetricsCollector.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly dataSource: DataSource,
    private readonly jobs: CollectionJobsRepository,
    private readonly insights: PostingInsightsClient,
  ) {}

  /** One round: the readings due now. Returns how many posts were read. */
  async collectDue(): Promise<number> {
    const due = await this.jobs.claim(this.config.batchSize);
    let read = 0;
    for (const batch of batches(due)) read += await this.collect(batch);
    return read;
  }

  private async collect(batch: CollectionJob[]): Promise<number> {
    const { connection_id: connectionId, platform } = batch[0];
    let answer: InsightsMetricsResponse;
    try {
      answer = await this.insights.metrics({ connectionId: connectionId ?? undefined, platform, platformPostIds: batch.map((j) => j.platform_post_id) });
    } catch (error) {
      await this.failed(batch, error);
      return 0;
    }
    const at = new Date();
    await this.dataSource.transaction(async (manager) => {
      for (const job of batch) {
        const metrics = answer.metrics[job.platform_post_id];
        if (!metrics) continue;
        await recordReading(manager, { id: job.post_id, campaignId: job.campaign_id }, metrics, at);
        const next = nextStep(this.config.collectOffsetsMs, new Date(job.published_at), job.step, at.getTime());
        await this.jobs.advance(manager, job.post_id, next ? next.step - 1 : job.step, next?.dueAt ?? null);
      }
      if (connectionId) await manager.query(`UPDATE "analytics"."accounts" SET "model_dirty" = true WHERE "connection_id" = $1`, [connectionId]);
    });
    const missing = batch.filter((job) => !answer.metrics[job.platform_post_id]).map((j) => j.post_id);
    if (missing.length > 0) await this.jobs.setStatus(missing, 'stopped', 'the platform no longer has the post (deleted)');
    return batch.length - missing.length;
  }

  private async failed(batch: CollectionJob[], error: unknown): Promise<void> {
    const ids = batch.map((j) => j.post_id);
    const attempts = Math.max(...batch.map((j) => j.attempts));
    if (!(error instanceof InsightsReadError)) {
      this.logger.error(`reading ${ids.length} post(s) failed: ${(error as Error).stack ?? String(error)}`);
      return this.jobs.retryAt(ids, retryTime(attempts), `internal error: ${(error as Error).message}`);
    }
    const context = `${batch[0].platform} metrics of ${ids.length} post(s)`;
    switch (error.code) {
      case 'reconnect_required':
        this.logger.warn(`${context}: paused until the account is reconnected (${error.message})`);
        return this.jobs.setStatus(ids, 'paused', `reconnect required: ${error.message}`);
      case 'not_found':
        return this.jobs.setStatus(ids, 'stopped', `the connected account was removed: ${error.message}`);
      case 'rejected':
        if (attempts + 1 >= MAX_REJECTED_ATTEMPTS) return this.jobs.setStatus(ids, 'stopped', `the platform refused the read ${attempts + 1} times: ${error.message}`);
        return this.jobs.retryAt(ids, retryTime(attempts), `the platform refused the read: ${error.message}`);
      default:
        this.logger.warn(`${context}: ${error.code}, retrying${error.retryAt ? ` at ${error.retryAt.toISOString()}` : ''} (${error.message})`);
        return this.jobs.retryAt(ids, retryTime(attempts, error.retryAt), `${error.code}: ${error.message}`);
    }
  }
}

/** Groups due readings per account and platform, at most one platform call's worth each. */
function batches(jobs: CollectionJob[]): CollectionJob[][] {
  const groups = new Map<string, CollectionJob[]>();
  for (const job of jobs) {
    const key = `${job.connection_id ?? 'sandbox'}|${job.platform}`;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  const out: CollectionJob[][] = [];
  for (const group of groups.values()) for (let i = 0; i < group.length; i += MAX_IDS_PER_CALL) out.push(group.slice(i, i + MAX_IDS_PER_CALL));
  return out;
}
