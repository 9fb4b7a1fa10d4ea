import { BusController, BusContext } from '@app/bus';
import { ServiceConfig } from '@app/config';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { InitBusTest1764028800000, TEST_SCHEMA } from './bus-test.module';

/** Post ids the handler refuses until a test "fixes" them (removes them). */
@Injectable()
export class BrokenPosts extends Set<string> {}

/** post.cancelled: refused while the post is broken, else records an effect (once per message, in its transaction). */
@BusController()
export class FlakyHandler {
  constructor(private readonly broken: BrokenPosts) {}

  @EventPattern<string>(Events.PostCancelled)
  async handle(@Payload() envelope: Envelope<typeof Events.PostCancelled>, @Ctx() context: BusContext): Promise<void> {
    const { postId } = envelope.payload;
    if (this.broken.has(postId)) throw new Error(`post ${postId} is broken`);
    await context.manager.query(`INSERT INTO "${TEST_SCHEMA}"."effects" ("message_id", "post_id") VALUES ($1, $2)`, [envelope.messageId, postId]);
  }
}

/** A service with the real core (database, bus, health, admin API) and the flaky handler. */
@Module({})
export class DeadLettersTestModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: DeadLettersTestModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [], migrations: [InitBusTest1764028800000] })],
      controllers: [FlakyHandler],
      providers: [BrokenPosts],
    };
  }
}
