import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { LiveModule } from './live/live.module';
import { User } from './auth/user.entity';
import { Campaign } from './campaigns/campaign.entity';
import { CampaignsModule } from './campaigns/campaigns.module';
import type { GatewayConfig } from './config/gateway.config';
import { MediaModule } from './media/media.module';
import { PlatformsModule } from './platforms/platforms.module';
import { CampaignPost } from './posts/campaign-post.entity';
import { PostAttempt } from './posts/post-attempt.entity';
import { PostsModule } from './posts/posts.module';
import { ProjectionModule } from './projection/projection.module';
import { GATEWAY_MIGRATIONS } from './migrations';

export const GATEWAY_ENTITIES = [User, Campaign, CampaignPost, PostAttempt];

/**
 * The gateway: REST API for users (auth, campaigns, posts, connected platforms, analytics, signed media) and the bus
 * consumer that keeps its campaign read model current. Owns schema `gateway`: users, campaigns,
 * campaign_posts, post_attempts (+ inbox/outbox). Connected accounts live in posting-svc (POSTING_URL),
 * images in creative-svc (CREATIVE_URL), metrics and recommendations in analytics-svc (ANALYTICS_URL).
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS }),
        AuthModule.forRoot(config),
        CampaignsModule,
        PostsModule,
        PlatformsModule,
        MediaModule,
        AnalyticsModule,
        LiveModule,
        ProjectionModule,
      ],
      providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
    };
  }
}
