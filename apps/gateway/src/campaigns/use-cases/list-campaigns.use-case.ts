import { Injectable } from '@nestjs/common';
import { PageQueryDto } from '../../common/pagination';
import { toCampaignSummary } from '../campaign-view.mapper';
import { CampaignsRepository } from '../campaigns.repository';
import { CampaignPageDto } from '../dto/campaign-view.dto';

@Injectable()
export class ListCampaigns {
  constructor(private readonly campaigns: CampaignsRepository) {}

  async execute(userId: string, query: PageQueryDto): Promise<CampaignPageDto> {
    const [rows, total] = await this.campaigns.listOwned(userId, query.page, query.pageSize);
    return { items: rows.map(toCampaignSummary), page: query.page, pageSize: query.pageSize, total };
  }
}
