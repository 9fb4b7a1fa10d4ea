import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Campaign } from '../../campaigns/campaign.entity';
import { CampaignsRepository } from '../../campaigns/campaigns.repository';
import type { CampaignPost } from '../campaign-post.entity';
import { PostsRepository } from '../posts.repository';

export interface LockedPost {
  manager: EntityManager;
  campaign: Campaign;
  post: CampaignPost;
}

/**
 * Runs a user's change to one post in a transaction holding the post and its campaign locked, campaign
 * first (the same order as the bus projection, so the two never deadlock). 404 when the post is not the caller's.
 */
@Injectable()
export class PostTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly posts: PostsRepository,
  ) {}

  async run<T>(userId: string, postId: string, work: (locked: LockedPost) => Promise<T>): Promise<T> {
    const found = await this.posts.findOwned(userId, postId);
    if (!found) throw new NotFoundException(`Post ${postId} not found`);
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.lock(manager, found.campaignId);
      const post = await this.posts.lock(manager, postId);
      if (!campaign || !post || post.userId !== userId) throw new NotFoundException(`Post ${postId} not found`);
      return work({ manager, campaign, post });
    });
  }
}
