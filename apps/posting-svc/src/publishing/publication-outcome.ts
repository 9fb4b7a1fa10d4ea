import { BusContext } from '@app/bus';
import { Events, PostDuePayload } from '@app/contracts';
import { PublishReceipt } from './platform-adapter';

/** Settles a publication as published and announces it, in the message's transaction. */
export async function recordPublished(context: BusContext, due: PostDuePayload, receipt: PublishReceipt): Promise<void> {
  await context.manager.query(
    `UPDATE "posting"."publications" SET "status" = 'published', "platform_post_id" = $2, "url" = $3,
            "published_at" = $4, "error" = NULL, "updated_at" = now() WHERE "post_id" = $1`,
    [due.postId, receipt.platformPostId, receipt.url ?? null, receipt.publishedAt],
  );
  await context.publish(Events.PostPublished, {
    postId: due.postId,
    campaignId: due.campaignId,
    userId: due.userId,
    platform: due.platform,
    platformPostId: receipt.platformPostId,
    url: receipt.url,
    text: due.text,
    hashtags: due.hashtags,
    publishedAt: receipt.publishedAt.toISOString(),
  });
}

/** Settles a publication as failed, with the reason the user will see on the post. */
export async function recordFailure(context: BusContext, due: PostDuePayload, reason: string): Promise<void> {
  await context.manager.query(
    `INSERT INTO "posting"."publications" ("post_id", "campaign_id", "user_id", "platform", "status", "attempts", "error")
     VALUES ($1, $2, $3, $4, 'failed', 1, $5)
     ON CONFLICT ("post_id") DO UPDATE SET "status" = 'failed', "error" = $5, "updated_at" = now()
      WHERE "publications"."status" <> 'published'`,
    [due.postId, due.campaignId, due.userId, due.platform, reason],
  );
  await context.publish(Events.PostFailed, {
    postId: due.postId,
    campaignId: due.campaignId,
    userId: due.userId,
    platform: due.platform,
    reason,
    failedAt: new Date().toISOString(),
  });
}
