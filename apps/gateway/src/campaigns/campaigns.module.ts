import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { CampaignsController } from './campaigns.controller';
import { CampaignsRepository } from './campaigns.repository';
import { CreateCampaign } from './use-cases/create-campaign.use-case';
import { ExecuteCampaign } from './use-cases/execute-campaign.use-case';
import { GetCampaign } from './use-cases/get-campaign.use-case';
import { ListCampaigns } from './use-cases/list-campaigns.use-case';

@Module({
  controllers: [CampaignsController],
  providers: [Clock, CampaignsRepository, CreateCampaign, ListCampaigns, GetCampaign, ExecuteCampaign],
  exports: [CampaignsRepository],
})
export class CampaignsModule {}
