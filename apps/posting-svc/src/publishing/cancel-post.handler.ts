import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PublicationsRepository } from './publications.repository';

/**
 * Cancellations and edits that reach posting-svc: a cancelled post is remembered (so a `post.due` still in
 * flight is dropped) and a queued publication is cancelled; an edit applies to a publication that is
 * waiting in the queue (for a retry, a rate limit or a reconnect) and has not sent anything yet.
 */
@BusController()
export class CancelPostHandler {
  constructor(private readonly publications: PublicationsRepository) {}

  @EventPattern<string>(Events.PostCancelled)
  async cancelled(@Payload() envelope: Envelope<typeof Events.PostCancelled>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId, cancelledAt } = envelope.payload;
    await context.manager.query(
      `INSERT INTO "posting"."cancellations" ("post_id", "campaign_id", "cancelled_at") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [postId, campaignId, cancelledAt],
    );
    await this.publications.cancelQueued(context.manager, postId);
  }

  @EventPattern<string>(Events.PostUpdated)
  async updated(@Payload() envelope: Envelope<typeof Events.PostUpdated>, @Ctx() context: BusContext): Promise<void> {
    const { postId, editRevision, text, threadParts, hashtags, scheduledTime } = envelope.payload;
    await this.publications.applyEdit(context.manager, postId, editRevision, { text, threadParts, hashtags, scheduledTime });
  }
}
