import { BusServer } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import { Events, PostDuePayload } from '@app/contracts';
import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import type { PostingConfig } from './config/posting.config';
import { ConnectionsController } from './connections/connections.controller';
import { ConnectionsRepository } from './connections/connections.repository';
import { ConnectionsService } from './connections/connections.service';
import { TokenCipher } from './connections/token-cipher';
import { TokenRefresher } from './connections/token-refresher';
import { AccountEvents } from './connections/account-events';
import { InsightsController } from './insights/insights.controller';
import { InsightsService } from './insights/insights.service';
import { SandboxInsights } from './sandbox/sandbox-insights';
import { PlatformRegistry } from './platforms/platform-registry';
import { CancelPostHandler } from './publishing/cancel-post.handler';
import { PublicationOutcomes } from './publishing/publication-outcome';
import { PublicationWorker } from './publishing/publication-worker';
import { PublicationsRepository } from './publishing/publications.repository';
import { PublishAttempt } from './publishing/publish-attempt';
import { PublishDuePostHandler } from './publishing/publish-due-post.handler';
import { RateLimitStore } from './publishing/rate-limit-store';
import { SandboxPost } from './sandbox/sandbox-post.entity';
import { SandboxAdapter } from './sandbox/sandbox.adapter';
import { POSTING_MIGRATIONS } from './migrations';

/**
 * posting-svc: the Posting agent. Owns schema `posting`: platform_connections (tokens sealed with
 * AES-256-GCM), oauth_states, publications (durable publish jobs) and publication_attempts, rate_limits,
 * cancellations, sandbox_posts. Also serves the platforms' insights (metrics, history) to analytics-svc.
 */
@Module({})
export class PostingModule implements OnModuleInit {
  constructor(
    private readonly server: BusServer,
    private readonly outcomes: PublicationOutcomes,
  ) {}

  static forRoot(config: PostingConfig): DynamicModule {
    return {
      module: PostingModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [SandboxPost], migrations: POSTING_MIGRATIONS })],
      controllers: [PublishDuePostHandler, CancelPostHandler, ConnectionsController, InsightsController],
      providers: [
        { provide: TokenCipher, inject: [SERVICE_CONFIG], useFactory: (c: PostingConfig) => TokenCipher.fromConfig(c.tokenKeys) },
        ConnectionsRepository,
        ConnectionsService,
        TokenRefresher,
        PlatformRegistry,
        RateLimitStore,
        SandboxAdapter,
        SandboxInsights,
        AccountEvents,
        InsightsService,
        PublicationsRepository,
        PublicationOutcomes,
        PublishAttempt,
        PublicationWorker,
      ],
    };
  }

  /** A post.due that could not even be queued (retries used up) is marked failed with the reason, never left hanging. */
  onModuleInit(): void {
    this.server.setDeadLetterHook(async (envelope, reason, context) => {
      if (envelope.routingKey !== Events.PostDue) return;
      const due = envelope.payload as PostDuePayload;
      await this.outcomes.emitFailed(context.manager, due, 'gave_up', `publishing gave up: ${reason}`, null);
      this.outcomes.countFailed(due.platform, 'gave_up');
    });
  }
}
