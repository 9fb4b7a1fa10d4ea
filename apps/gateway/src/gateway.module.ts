import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { User } from './auth/user.entity';
import { Campaign } from './campaigns/campaign.entity';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { GatewayConfig } from './config/gateway.config';
import { InitGateway1764028800000 } from './migrations/1764028800000-InitGateway';
import { CampaignPost } from './posts/campaign-post.entity';
import { PostsModule } from './posts/posts.module';
import { ProjectionModule } from './projection/projection.module';

export const GATEWAY_ENTITIES = [User, Campaign, CampaignPost];

/**
 * The gateway: REST API for users (auth, campaigns, posts) and the bus consumer that keeps its campaign
 * read model current. Owns schema `gateway`: users, campaigns, campaign_posts (+ inbox/outbox).
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: GATEWAY_ENTITIES, migrations: [InitGateway1764028800000] }),
        AuthModule.forRoot(config),
        CampaignsModule,
        PostsModule,
        ProjectionModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
    };
  }
}
