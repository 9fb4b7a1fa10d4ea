import { BusController } from '@app/bus';
import type { BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { completeCampaignIfSettled } from '../campaigns/campaign-completion';
import { CampaignPost } from '../posts/campaign-post.entity';
import { PostAttempt } from '../posts/post-attempt.entity';
import { OPEN_POST_STATUSES } from '../posts/post-status';
import { postTransition, waitsForReconnect } from './post-transitions';
import type { PostEvent } from './post-transitions';

const MAX_DETAIL_LENGTH = 2000;

/**
 * Publishing progress of single posts. Every handler locks the campaign first (the order every writer of a
 * campaign's posts uses, so they never deadlock), reads the post, and applies {@link postTransition}: each
 * transition names the states it may leave, so a late or redelivered event never moves a post backwards
 * (see there for the rules per event). Settling a post (published, failed, unconfirmed) may complete its
 * campaign; a post resuming after a reconnect re-opens a campaign that had completed meanwhile.
 */
@BusController()
export class PostLifecycleHandler {
  private readonly logger = new Logger(PostLifecycleHandler.name);

  @EventPattern<string>(Events.PostDue)
  async due(@Payload() envelope: Envelope<typeof Events.PostDue>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId, connectionId } = envelope.payload;
    await this.apply(context.manager, campaignId, postId, { kind: 'due', connectionId: text(connectionId) });
  }

  /** Records the attempt in the post's history (once per post, attempt and outcome), then moves the post. */
  @EventPattern<string>(Events.PostAttempted)
  async attempted(@Payload() envelope: Envelope<typeof Events.PostAttempted>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    const startedAt = instant(p.startedAt) ?? occurred(envelope);
    await this.apply(context.manager, p.campaignId, p.postId, { kind: 'attempted', startedAt, outcome: p.outcome }, async (manager) => {
      if (!Number.isInteger(p.attempt) || p.attempt < 1) {
        this.logger.error(`post.attempted for post ${p.postId} has attempt ${String(p.attempt)}, not a positive integer: not recorded in its history`);
        return;
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(PostAttempt)
        .values({
          postId: p.postId,
          attempt: p.attempt,
          outcome: p.outcome,
          detail: text(p.detail)?.slice(0, MAX_DETAIL_LENGTH) ?? null,
          httpStatus: Number.isInteger(p.httpStatus) ? p.httpStatus : null,
          startedAt,
          finishedAt: instant(p.finishedAt),
          nextAttemptAt: instant(p.nextAttemptAt),
        })
        .orIgnore()
        .execute();
    });
  }

  @EventPattern<string>(Events.PostPublished)
  async published(@Payload() envelope: Envelope<typeof Events.PostPublished>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    await this.apply(context.manager, p.campaignId, p.postId, {
      kind: 'published',
      platformPostId: p.platformPostId,
      publishedAt: instant(p.publishedAt) ?? occurred(envelope),
      url: text(p.url),
      accountName: text(p.accountName),
      connectionId: text(p.connectionId),
    });
  }

  @EventPattern<string>(Events.PostFailed)
  async failed(@Payload() envelope: Envelope<typeof Events.PostFailed>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    await this.apply(context.manager, p.campaignId, p.postId, {
      kind: 'failed',
      reason: p.reason,
      // Events from before failure codes existed carry none: the platform refused the post.
      code: text(p.code) ?? 'rejected',
      failedAt: instant(p.failedAt) ?? occurred(envelope),
      connectionId: text(p.connectionId),
    });
  }

  @EventPattern<string>(Events.PostUnconfirmed)
  async unconfirmed(@Payload() envelope: Envelope<typeof Events.PostUnconfirmed>, @Ctx() context: BusContext): Promise<void> {
    const p = envelope.payload;
    await this.apply(context.manager, p.campaignId, p.postId, { kind: 'unconfirmed', reason: p.reason, at: instant(p.at) ?? occurred(envelope) });
  }

  /**
   * Locks the campaign, runs `record` (history rows) once the post is known, moves the post if the event
   * allows it, then completes (or, on a resume, re-opens) the campaign.
   */
  private async apply(
    manager: EntityManager,
    campaignId: string,
    postId: string,
    event: PostEvent,
    record?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const name = `post.${event.kind}`;
    const campaign = await manager.findOne(Campaign, { where: { id: campaignId }, lock: { mode: 'pessimistic_write' } });
    if (!campaign) return this.logger.warn(`${name} for unknown campaign ${campaignId} (post ${postId}): skipped`);
    const post = await manager.findOneBy(CampaignPost, { id: postId, campaignId });
    if (!post) return this.logger.warn(`${name} for unknown post ${postId} of campaign ${campaignId}: skipped`);
    await record?.(manager);
    const changes = postTransition(post, event);
    if (!changes) return this.logger.log(`post ${postId} is ${post.status}${post.failureCode ? ` (${post.failureCode})` : ''}: ${name} not applied`);
    await manager.update(CampaignPost, { id: postId, campaignId }, changes);
    this.logger.log(`post ${postId} of campaign ${campaignId}: ${name} (${post.status} → ${changes.status})`);
    if (changes.status && OPEN_POST_STATUSES.includes(changes.status)) {
      if (waitsForReconnect(post) && campaign.status === 'completed') {
        await manager.update(Campaign, { id: campaignId }, { status: 'active' });
        this.logger.log(`campaign ${campaignId} active again: post ${postId} resumed after a reconnect`);
      }
      return;
    }
    await completeCampaignIfSettled(manager, campaign);
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** When the event happened, by its header (now, if that is unreadable). */
function occurred(envelope: Envelope): Date {
  return instant(envelope.occurredAt) ?? new Date();
}
