import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';

import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

/** Remembers cancellations so a `post.due` already in flight for a cancelled post is dropped here too. */
@BusController()
export class CancelPostHandler {
  @EventPattern<string>(Events.PostCancelled)
  async handle(@Payload() envelope: Envelope<typeof Events.PostCancelled>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId, cancelledAt } = envelope.payload;
    await context.manager.query(
      `INSERT INTO "posting"."cancellations" ("post_id", "campaign_id", "cancelled_at") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [postId, campaignId, cancelledAt],
    );
  }
}
