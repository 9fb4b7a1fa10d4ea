import { Outbox, OutboxRelay } from '@app/bus';
import { Events } from '@app/contracts';
import type { PostRequestedPayload } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CampaignsRepository } from '../../campaigns/campaigns.repository';
import { Clock } from '../../common/clock';
import { ListConnections } from '../../platforms/use-cases/list-connections.use-case';
import { planAdhocPost } from '../adhoc-post.rules';
import { CampaignPost } from '../campaign-post.entity';
import { CreatePostDto } from '../dto/post-requests.dto';
import { CreatedPostsDto } from '../dto/post-view.dto';
import { toPostView } from '../post-view.mapper';

const GOAL_LENGTH = 80;

/**
 * A post the user wrote, on some of their connected accounts. Filed under an ad-hoc campaign of its own
 * (kind `adhoc`, already executing, so it completes when its posts settle) with one armed post per
 * connection; each is announced with `post.requested` (the Scheduler arms it for its time) in the same
 * transaction. Edit, reschedule and cancel work on these posts as on any other.
 */
@Injectable()
export class CreateAdhocPost {
  private readonly logger = new Logger(CreateAdhocPost.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly connections: ListConnections,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, input: CreatePostDto): Promise<CreatedPostsDto> {
    const now = this.clock.now();
    const plan = planAdhocPost(input, await this.connections.execute(userId), now);
    const campaignId = randomUUID();
    const posts = plan.targets.map((connection) => ({ id: randomUUID(), connection }));
    const scheduledTime = plan.scheduledTime.toISOString();
    await this.dataSource.transaction(async (manager) => {
      await this.campaigns.insert(manager, {
        id: campaignId,
        userId,
        kind: 'adhoc',
        name: 'Ad-hoc post',
        goal: [...input.text].slice(0, GOAL_LENGTH).join(''),
        targetPlatforms: [...new Set(plan.targets.map((c) => c.platform))],
        startDate: plan.scheduledTime,
        durationDays: 1,
        targetAudience: null,
        brandVoice: null,
        contentThemes: [],
        timezone: plan.timezone,
        status: 'active',
        revision: 1,
        stages: [],
        executionRequestedAt: now,
      });
      await manager.insert(
        CampaignPost,
        posts.map(({ id, connection }) => ({
          id,
          campaignId,
          userId,
          planId: 'adhoc',
          platform: connection.platform,
          contentType: plan.contentType,
          pillar: 'ad-hoc',
          content: plan.content,
          visual: null,
          scheduledTime: plan.scheduledTime,
          status: 'armed' as const,
          editRevision: 0,
          connectionId: connection.id,
        })),
      );
      for (const { id, connection } of posts) {
        const payload: PostRequestedPayload = {
          postId: id,
          campaignId,
          userId,
          platform: connection.platform,
          connectionId: connection.id,
          contentType: plan.contentType,
          text: plan.content.text,
          ...(plan.content.threadParts ? { threadParts: plan.content.threadParts } : {}),
          hashtags: plan.content.hashtags,
          scheduledTime,
          editRevision: 0,
        };
        await this.outbox.add(manager, Events.PostRequested, payload, { correlationId: campaignId });
      }
    });
    this.relay.nudge();
    this.logger.log(`ad-hoc campaign ${campaignId}: ${posts.length} post(s) requested by user ${userId} for ${scheduledTime}`);
    const stored = await this.dataSource.manager.findBy(CampaignPost, { id: In(posts.map((p) => p.id)) });
    const byId = new Map(stored.map((post) => [post.id, post]));
    return { campaignId, posts: posts.map(({ id }) => toPostView(byId.get(id)!)) };
  }
}
