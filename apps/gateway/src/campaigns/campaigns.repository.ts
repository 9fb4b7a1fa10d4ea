import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignPost } from '../posts/campaign-post.entity';
import { Campaign } from './campaign.entity';

/** Reads and writes of the campaign read model; methods taking a manager run inside the caller's transaction. */
@Injectable()
export class CampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findOwned(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<Campaign | null> {
    return manager.findOneBy(Campaign, { id, userId });
  }

  /** The campaign row locked until the transaction ends; serializes everything that changes one campaign. */
  lock(manager: EntityManager, id: string): Promise<Campaign | null> {
    return manager.findOne(Campaign, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async listOwned(userId: string, page: number, pageSize: number): Promise<[Campaign[], number]> {
    return this.dataSource.getRepository(Campaign).findAndCount({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  postsOf(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<CampaignPost[]> {
    return manager
      .createQueryBuilder(CampaignPost, 'p')
      .where('p.campaign_id = :campaignId', { campaignId })
      .orderBy('p.scheduled_time', 'ASC', 'NULLS LAST')
      .addOrderBy('p.platform', 'ASC')
      .addOrderBy('p.plan_id', 'ASC')
      .getMany();
  }

  async insert(manager: EntityManager, campaign: Partial<Campaign> & { id: string }): Promise<Campaign> {
    await manager.insert(Campaign, campaign);
    return manager.findOneByOrFail(Campaign, { id: campaign.id });
  }
}
