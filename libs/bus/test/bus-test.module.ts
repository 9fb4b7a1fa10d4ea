import { BusController, BusContext, BusServer, MANUAL_TRANSACTION, busTablesUpSql } from '@app/bus';
import { EnvReader, ServiceConfig, ServiceName, readServiceConfig } from '@app/config';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';
import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MigrationInterface, QueryRunner } from 'typeorm';

export const TEST_SCHEMA = 'bustest';

export class InitBusTest1764028800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    for (const sql of busTablesUpSql(TEST_SCHEMA)) await q.query(sql);
    await q.query(`CREATE TABLE "${TEST_SCHEMA}"."effects" ("id" bigserial PRIMARY KEY, "message_id" text NOT NULL, "post_id" text NOT NULL)`);
    await q.query(`CREATE TABLE "${TEST_SCHEMA}"."attempts" ("id" bigserial PRIMARY KEY, "post_id" text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

/**
 * A test service: for each post.cancelled it records an effect and publishes campaign.armed in the same
 * transaction. Post ids starting with "fail" throw after writing, so nothing of theirs may persist; every
 * attempt is counted outside the transaction.
 */
@BusController()
export class TestHandler {
  @EventPattern<string>(Events.PostCancelled)
  async handle(@Payload() envelope: Envelope<typeof Events.PostCancelled>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId } = envelope.payload;
    await context.manager.connection.query(`INSERT INTO "${TEST_SCHEMA}"."attempts" ("post_id") VALUES ($1)`, [postId]);
    await context.manager.query(`INSERT INTO "${TEST_SCHEMA}"."effects" ("message_id", "post_id") VALUES ($1, $2)`, [envelope.messageId, postId]);
    await context.publish(Events.CampaignArmed, { campaignId, armedPostIds: [postId], armedAt: new Date().toISOString() });
    if (postId.startsWith('fail')) throw new Error(`handler refused ${postId}`);
  }
}

/** A manual-transaction handler: counts the attempt outside any transaction, then commits its effect. */
@BusController()
export class ManualTestHandler {
  @EventPattern<string>(Events.PostFailed, MANUAL_TRANSACTION)
  async handle(@Payload() envelope: Envelope<typeof Events.PostFailed>, @Ctx() context: BusContext): Promise<void> {
    const { postId, campaignId } = envelope.payload;
    expect(() => context.manager).toThrow(/no open transaction/);
    await context.dataSource.query(`INSERT INTO "${TEST_SCHEMA}"."attempts" ("post_id") VALUES ($1)`, [postId]);
    await context.transaction(async (manager) => {
      await manager.query(`INSERT INTO "${TEST_SCHEMA}"."effects" ("message_id", "post_id") VALUES ($1, $2)`, [envelope.messageId, postId]);
      await context.publish(Events.CampaignArmed, { campaignId, armedPostIds: [postId], armedAt: new Date().toISOString() });
    });
  }
}

@Module({})
export class BusTestModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: BusTestModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [], migrations: [InitBusTest1764028800000] })],
      controllers: [TestHandler, ManualTestHandler],
    };
  }
}

/** The test service as a Nest app named `service` (schema TEST_SCHEMA), consuming, from the given environment. */
export async function startBusTestApp(service: string, env: Record<string, string>): Promise<INestApplication> {
  const reader = new EnvReader(env);
  const config: ServiceConfig = { ...readServiceConfig('analytics-svc', reader), service: service as ServiceName, schema: TEST_SCHEMA };
  reader.done();
  const app = await NestFactory.create(BusTestModule.forRoot(config), { logger: ['error'], abortOnError: false });
  app.connectMicroservice({ strategy: app.get(BusServer) });
  await app.startAllMicroservices();
  await app.init();
  return app;
}
