import { BusController, BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import { queryRows } from '@app/database';
import type { Envelope } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { In } from 'typeorm';
import { ScheduledPost } from './scheduled-post.entity';

/**
 * Execution, ad-hoc posts, edits and cancellations reach the schedule here. A post that was already dispatched is not
 * changed (the gateway only allows edits before that); an edit older than the one held is ignored.
 */
@BusController()
export class PostChangesHandler {
  private readonly logger = new Logger(PostChangesHandler.name);

  @EventPattern<string>(Events.CampaignExecutionRequested)
  async arm(@Payload() envelope: Envelope<typeof Events.CampaignExecutionRequested>, @Ctx() context: BusContext): Promise<void> {
    const { campaignId } = envelope.payload;
    const rows = await queryRows<{ post_id: string }>(
      context.manager,
      `UPDATE "scheduler"."scheduled_posts" SET "status" = 'armed' WHERE "campaign_id" = $1 AND "status" = 'draft' RETURNING "post_id"`,
      [campaignId],
    );
    await context.publish(Events.CampaignArmed, { campaignId, armedPostIds: rows.map((r) => r.post_id), armedAt: new Date().toISOString() });
  }

  /** An ad-hoc post from the gateway: armed as it is, for its time, on the connection it names. */
  @EventPattern<string>(Events.PostRequested)
  async request(@Payload() envelope: Envelope<typeof Events.PostRequested>, @Ctx() context: BusContext): Promise<void> {
    const post = envelope.payload;
    await context.manager
      .getRepository(ScheduledPost)
      .createQueryBuilder()
      .insert()
      .values({
        postId: post.postId,
        campaignId: post.campaignId,
        userId: post.userId,
        platform: post.platform,
        contentType: post.contentType,
        content: { text: post.text, threadParts: post.threadParts, hashtags: post.hashtags, imageIds: post.imageIds, connectionId: post.connectionId },
        dueAt: new Date(post.scheduledTime),
        status: 'armed',
        editRevision: post.editRevision ?? 0,
        dispatchedAt: null,
      })
      .orIgnore()
      .execute();
  }

  @EventPattern<string>(Events.PostUpdated)
  async update(@Payload() envelope: Envelope<typeof Events.PostUpdated>, @Ctx() context: BusContext): Promise<void> {
    const change = envelope.payload;
    const repo = context.manager.getRepository(ScheduledPost);
    const post = await repo.findOneBy({ postId: change.postId, status: In(['draft', 'armed', 'missed']) });
    if (!post || post.editRevision >= change.editRevision) {
      this.logger.warn(`ignoring edit ${change.editRevision} of post ${change.postId} (${post ? `at edit ${post.editRevision}` : 'not editable'})`);
      return;
    }
    post.editRevision = change.editRevision;
    if (change.scheduledTime) post.dueAt = new Date(change.scheduledTime);
    // A missed post rescheduled by the user is armed again for its new time.
    if (post.status === 'missed' && change.scheduledTime) post.status = 'armed';
    post.content = {
      ...post.content,
      ...(change.text !== undefined ? { text: change.text } : {}),
      ...(change.threadParts !== undefined ? { threadParts: change.threadParts } : {}),
      ...(change.hashtags !== undefined ? { hashtags: change.hashtags } : {}),
    };
    await repo.save(post);
  }

  @EventPattern<string>(Events.PostCancelled)
  async cancel(@Payload() envelope: Envelope<typeof Events.PostCancelled>, @Ctx() context: BusContext): Promise<void> {
    const result = await context.manager.getRepository(ScheduledPost).update(
      { postId: envelope.payload.postId, status: In(['draft', 'armed', 'missed']) },
      { status: 'cancelled' },
    );
    if (!result.affected) this.logger.warn(`post ${envelope.payload.postId} could not be cancelled here (unknown or already dispatched)`);
  }
}
