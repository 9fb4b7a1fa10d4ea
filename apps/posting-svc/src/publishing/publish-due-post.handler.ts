import { BusController, BusContext, MANUAL_TRANSACTION } from '@app/bus';
import { Events, PostDuePayload } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { PLATFORM_ADAPTERS, PlatformError, PublishReceipt } from './platform-adapter';
import type { AdapterResolver } from './platform-adapter';
import { recordFailure, recordPublished } from './publication-outcome';

/**
 * Posting agent: post.due → post.published | post.failed. The claim (status `publishing`) commits before
 * the platform is called, so a crash mid-call leaves evidence: the redelivered message then looks the post
 * up on the platform by idempotency key before it would ever publish again. A cancelled post never goes out.
 * The platform call runs outside any transaction; the outcome commits with the message's inbox row.
 */
@BusController()
export class PublishDuePostHandler {
  private readonly logger = new Logger(PublishDuePostHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_ADAPTERS) private readonly adapters: AdapterResolver,
  ) {}

  @EventPattern<string>(Events.PostDue, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.PostDue>, @Ctx() context: BusContext): Promise<void> {
    const due = envelope.payload;
    const attempts = await this.claim(due);
    if (attempts === null) {
      this.logger.warn(`post ${due.postId} is cancelled or already settled; not publishing`);
      return;
    }
    const adapter = this.adapters(due.platform);
    let receipt: PublishReceipt | null = attempts > 1 ? await adapter.findByIdempotencyKey(due.platform, due.postId) : null;
    if (receipt) this.logger.warn(`post ${due.postId} was already live on ${due.platform} (${receipt.platformPostId}); not publishing again`);
    try {
      receipt ??= await adapter.publish({ idempotencyKey: due.postId, ...due });
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'permanent') {
        await context.transaction(() => recordFailure(context, due, error.message));
        return;
      }
      throw error;
    }
    await context.transaction(() => recordPublished(context, due, receipt));
  }

  /** Marks the post `publishing` (counting attempts) unless it was cancelled or settled; null then. */
  private async claim(due: PostDuePayload): Promise<number | null> {
    const rows: Array<{ attempts: number }> = await this.dataSource.query(
      `INSERT INTO "posting"."publications" ("post_id", "campaign_id", "user_id", "platform", "status", "attempts")
       SELECT $1, $2, $3, $4, 'publishing', 1
        WHERE NOT EXISTS (SELECT 1 FROM "posting"."cancellations" WHERE "post_id" = $1)
       ON CONFLICT ("post_id") DO UPDATE SET "attempts" = "publications"."attempts" + 1, "updated_at" = now()
        WHERE "publications"."status" = 'publishing'
       RETURNING "attempts"`,
      [due.postId, due.campaignId, due.userId, due.platform],
    );
    return rows.length > 0 ? rows[0].attempts : null;
  }
}
