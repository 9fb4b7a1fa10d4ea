import { Module } from '@nestjs/common';
import { CampaignLifecycleHandler } from './campaign-lifecycle.handler';
import { CampaignStateHandler } from './campaign-state.handler';
import { CampaignStateProjector } from './campaign-state.projector';
import { PostLifecycleHandler } from './post-lifecycle.handler';

/** The bus consumer of the gateway: keeps the campaign and post read model in step with the agents. */
@Module({
  controllers: [CampaignStateHandler, CampaignLifecycleHandler, PostLifecycleHandler],
  providers: [CampaignStateProjector],
})
export class ProjectionModule {}
