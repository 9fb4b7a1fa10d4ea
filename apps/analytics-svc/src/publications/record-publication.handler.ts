import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';

import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PublishedPost } from './published-post.entity';

/**
 * Analytics agent, first duty: record every publication outcome, so metric collection and the
 * optimizer have the post, its platform id and its content to work from.
 */
@BusController()
export class RecordPublicationHandler {
  @EventPattern<string>(Events.PostPublished)
  async published(@Payload() envelope: Envelope<typeof Events.PostPublished>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    await context.manager
      .createQueryBuilder()
      .insert()
      .into(PublishedPost)
      .values({
        id: p.postId,
        userId: p.userId,
        campaignId: p.campaignId,
        platformConnectionId: null,
        platform: p.platform,
        status: 'published',
        platformPostId: p.platformPostId,
        caption: p.text,
        hashtags: p.hashtags,
        metrics: {},
        failureReason: null,
        publishedAt: new Date(p.publishedAt),
      })
      .orUpdate(['status', 'platform_post_id', 'caption', 'hashtags', 'published_at', 'failure_reason'], ['id'])
      .execute();
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
