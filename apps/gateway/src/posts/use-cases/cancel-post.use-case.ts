import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import type { PostCancelledPayload } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { completeCampaignIfSettled } from '../../campaigns/campaign-completion';
import { Clock } from '../../common/clock';
import { CampaignPost } from '../campaign-post.entity';
import { assertChangeable } from '../post-edit.rules';
import { PostTransaction } from './post-transaction';

/** Withdraws a draft or armed post (post.cancelled). Cancelling a cancelled post is a no-op. */
@Injectable()
export class CancelPost {
  private readonly logger = new Logger(CancelPost.name);

  constructor(
    private readonly transaction: PostTransaction,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, id: string): Promise<void> {
    const cancelled = await this.transaction.run(userId, id, async ({ manager, campaign, post }) => {
      if (post.status === 'cancelled') return false;
      assertChangeable(post, 'cancelled');
      await manager.update(CampaignPost, { id }, { status: 'cancelled' });
      const payload: PostCancelledPayload = { postId: id, campaignId: post.campaignId, cancelledAt: this.clock.now().toISOString() };
      await this.outbox.add(manager, Events.PostCancelled, payload, { correlationId: post.campaignId });
      await completeCampaignIfSettled(manager, campaign);
      return true;
    });
    if (cancelled) {
      this.relay.nudge();
      this.logger.log(`post ${id} cancelled`);
    }
  }
}
