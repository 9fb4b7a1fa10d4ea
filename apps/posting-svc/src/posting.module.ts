import { BusServer } from '@app/bus';
import { ServiceConfig } from '@app/config';
import { Events, PostDuePayload } from '@app/contracts';
import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { InitPosting1764028800000 } from './migrations/1764028800000-InitPosting';
import { CancelPostHandler } from './publishing/cancel-post.handler';
import { PLATFORM_ADAPTERS } from './publishing/platform-adapter';
import type { AdapterResolver } from './publishing/platform-adapter';
import { Publication } from './publishing/publication.entity';
import { recordFailure } from './publishing/publication-outcome';
import { PublishDuePostHandler } from './publishing/publish-due-post.handler';
import { SandboxPost } from './sandbox/sandbox-post.entity';
import { SandboxAdapter } from './sandbox/sandbox.adapter';

@Module({})
export class PostingModule implements OnModuleInit {
  constructor(private readonly server: BusServer) {}

  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: PostingModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [Publication, SandboxPost], migrations: [InitPosting1764028800000] })],
      controllers: [PublishDuePostHandler, CancelPostHandler],
      providers: [
        SandboxAdapter,
        { provide: PLATFORM_ADAPTERS, inject: [SandboxAdapter], useFactory: (sandbox: SandboxAdapter): AdapterResolver => () => sandbox },
      ],
    };
  }

  /** A post whose publishing gave up (retries used up) is marked failed with the reason, never left hanging. */
  onModuleInit(): void {
    this.server.setDeadLetterHook(async (envelope, reason, context) => {
      if (envelope.routingKey !== Events.PostDue) return;
      await recordFailure(context, envelope.payload as PostDuePayload, `publishing gave up: ${reason}`);
    });
  }
}
