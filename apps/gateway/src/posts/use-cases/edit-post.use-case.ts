import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Campaign } from '../../campaigns/campaign.entity';
import { CampaignPost } from '../campaign-post.entity';
import { EditPostDto } from '../dto/post-requests.dto';
import { PostViewDto } from '../dto/post-view.dto';
import { planPostEdit } from '../post-edit.rules';
import { toPostView } from '../post-view.mapper';
import { PostTransaction } from './post-transaction';

/** A user's change to a post's text or time: stored and announced (post.updated) in one transaction. */
@Injectable()
export class EditPost {
  private readonly logger = new Logger(EditPost.name);

  constructor(
    private readonly transaction: PostTransaction,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, id: string, input: EditPostDto): Promise<PostViewDto> {
    const updated = await this.transaction.run(userId, id, async ({ manager, post }) => {
      const plan = planPostEdit(post, input, this.clock.now());
      const rearm = plan.rearm ? { status: 'armed' as const, error: null, failureCode: null, failedAt: null } : {};
      await manager.update(CampaignPost, { id }, { content: plan.content, scheduledTime: plan.scheduledTime, editRevision: plan.editRevision, ...rearm });
      if (plan.rearm) await manager.update(Campaign, { id: post.campaignId, status: 'completed' }, { status: 'active' });
      await this.outbox.add(manager, Events.PostUpdated, plan.event, { correlationId: post.campaignId });
      return manager.findOneByOrFail(CampaignPost, { id });
    });
    this.relay.nudge();
    this.logger.log(`post ${id} of campaign ${updated.campaignId} edited (revision ${updated.editRevision})`);
    return toPostView(updated);
  }
}
