import { Injectable, NotFoundException } from '@nestjs/common';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { CampaignPost } from '../posts/campaign-post.entity';
import { PostsRepository } from '../posts/posts.repository';

/**
 * analytics-svc serves any id it is asked about; the gateway asks only about the caller's own campaigns and
 * posts, per its read model. Another user's is indistinguishable from a missing one: 404.
 */
@Injectable()
export class OwnedResources {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly posts: PostsRepository,
  ) {}

  async campaign(userId: string, id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findOwned(userId, id);
    if (!campaign) throw new NotFoundException(`Campaign ${id} not found`);
    return campaign;
  }

  async post(userId: string, id: string): Promise<CampaignPost> {
    const post = await this.posts.findOwned(userId, id);
    if (!post) throw new NotFoundException(`Post ${id} not found`);
    return post;
  }
}
