import { BusController, BusContext } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CollectionJobsRepository } from '../collection/collection-jobs.repository';
import type { AnalyticsConfig } from '../config/analytics.config';

/**
 * Analytics agent, first duty: record every publication outcome, and schedule the metric readings of
 * every published post (at `ANALYTICS_COLLECT_AT` after its publication).
 */
@BusController()
export class RecordPublicationHandler {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly jobs: CollectionJobsRepository,
  ) {}

  @EventPattern<string>(Events.PostPublished)
  async published(@Payload() envelope: Envelope<typeof Events.PostPublished>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    const connectionId = p.connectionId ?? null;
    const publishedAt = new Date(p.publishedAt);
    if (connectionId) {
      // A history import may have met this post first: the campaign's row replaces the imported one.
      await context.manager.query(
        `WITH imported AS (SELECT "id" FROM "analytics"."posts" WHERE "platform_connection_id" = $1 AND "platform_post_id" = $2 AND "source" = 'imported'),
              readings AS (DELETE FROM "analytics"."analytics" WHERE "post_id" IN (SELECT "id" FROM imported))
         DELETE FROM "analytics"."posts" WHERE "id" IN (SELECT "id" FROM imported)`,
        [connectionId, p.platformPostId],
      );
    }
    await context.manager.query(
      `INSERT INTO "analytics"."posts" ("id", "user_id", "campaign_id", "platform_connection_id", "platform", "status", "platform_post_id", "caption",
                                        "hashtags", "metrics", "published_at", "url", "account_name", "source")
       VALUES ($1, $2, $3, $4, $5, 'published', $6, $7, $8, '{}', $9, $10, $11, 'campaign')
       ON CONFLICT ("id") DO UPDATE SET "status" = 'published', "platform_post_id" = EXCLUDED."platform_post_id", "caption" = EXCLUDED."caption",
         "hashtags" = EXCLUDED."hashtags", "published_at" = EXCLUDED."published_at", "failure_reason" = NULL,
         "platform_connection_id" = EXCLUDED."platform_connection_id", "url" = EXCLUDED."url", "account_name" = EXCLUDED."account_name"`,
      [p.postId, p.userId, p.campaignId, connectionId, p.platform, p.platformPostId, p.text, JSON.stringify(p.hashtags), publishedAt, p.url ?? null, p.accountName ?? null],
    );
    await this.jobs.schedule(context.manager, {
      postId: p.postId,
      connectionId,
      platform: p.platform,
      platformPostId: p.platformPostId,
      publishedAt,
      dueAt: new Date(publishedAt.getTime() + this.config.collectOffsetsMs[0]),
    });
  }

  @EventPattern<string>(Events.PostFailed)
  async failed(@Payload() envelope: Envelope<typeof Events.PostFailed>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    await context.manager.query(
      `INSERT INTO "analytics"."posts" ("id", "user_id", "campaign_id", "platform", "status", "failure_reason")
       VALUES ($1, $2, $3, $4, 'failed', $5)
       ON CONFLICT ("id") DO UPDATE SET "failure_reason" = $5 WHERE "posts"."status" = 'failed'`,
      [p.postId, p.userId, p.campaignId, p.platform, p.reason],
    );
  }
}
