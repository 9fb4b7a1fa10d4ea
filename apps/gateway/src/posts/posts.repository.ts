import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Platform } from '@app/contracts';
import { CampaignPost } from './campaign-post.entity';
import { PostAttempt } from './post-attempt.entity';
import type { PostStatus } from './post-status';

export interface PostFilter {
  campaignId?: string;
  status?: PostStatus;
  platform?: Platform;
}

@Injectable()
export class PostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOwned(userId: string, id: string): Promise<CampaignPost | null> {
    return this.dataSource.manager.findOneBy(CampaignPost, { id, userId });
  }

  /** A post's publishing attempts, oldest first. */
  attemptsOf(postId: string): Promise<PostAttempt[]> {
    return this.dataSource.manager.find(PostAttempt, { where: { postId }, order: { attempt: 'ASC', startedAt: 'ASC', id: 'ASC' } });
  }

  /** The post row locked until the transaction ends (lock its campaign first: same order as the projection). */
  lock(manager: EntityManager, id: string): Promise<CampaignPost | null> {
    return manager.findOne(CampaignPost, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  listOwned(userId: string, filter: PostFilter, page: number, pageSize: number): Promise<[CampaignPost[], number]> {
    const query = this.dataSource.manager.createQueryBuilder(CampaignPost, 'p').where('p.user_id = :userId', { userId });
    if (filter.campaignId) query.andWhere('p.campaign_id = :campaignId', { campaignId: filter.campaignId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.platform) query.andWhere('p.platform = :platform', { platform: filter.platform });
    return query
      .orderBy('p.scheduled_time', 'ASC', 'NULLS LAST')
      .addOrderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
