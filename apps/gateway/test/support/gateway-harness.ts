import { BusServer, RpcPassthroughFilter } from '@app/bus';
import { EnvReader } from '@app/config';
import { Events } from '@app/contracts';
import { BusObserver, TEST_RABBITMQ_URL, createTestDatabase, deleteNamespace, uniqueNamespace } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import amqplib from 'amqplib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readGatewayConfig } from '../../src/config/gateway.config';
import type { GatewayConfig } from '../../src/config/gateway.config';
import { GatewayModule } from '../../src/gateway.module';
import { configureGatewayHttp } from '../../src/http-setup';

const RETRY_DELAYS = [100, 200];
const PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  token: string;
}

export interface HarnessOptions {
  /** Extra gateway environment (POSTING_URL, CREATIVE_URL, OAUTH_RESULT_URL, MEDIA_SIGNING_KEY, ...). */
  env?: Record<string, string>;
}

/** What the gateway publishes, observed on the broker. */
const OBSERVED = [Events.CampaignRequested, Events.CampaignExecutionRequested, Events.PostUpdated, Events.PostCancelled, Events.PostRequested];

/**
 * The real GatewayModule in-process, on a fresh database and bus namespace, wired like bootstrapService
 * (HTTP setup, BusServer microservice), plus a bus observer listening to what the gateway publishes.
 */
export class GatewayHarness {
  private constructor(
    readonly app: INestApplication,
    readonly observer: BusObserver,
    readonly namespace: string,
    readonly config: GatewayConfig,
    private readonly db: TestDatabase,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<GatewayHarness> {
    const db = await createTestDatabase('gateway');
    const namespace = uniqueNamespace();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      RABBITMQ_URL: TEST_RABBITMQ_URL,
      BUS_NAMESPACE: namespace,
      GATEWAY_PORT: '0',
      BUS_RETRY_DELAYS_MS: RETRY_DELAYS.join(','),
      OUTBOX_POLL_INTERVAL_MS: '200',
      JWT_SECRET: 'int-spec-secret',
      ...options.env,
    };
    const config = readGatewayConfig(new EnvReader(env));
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forRoot(config)] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    configureGatewayHttp(app, config);
    app.connectMicroservice({ strategy: app.get(BusServer) }).useGlobalFilters(new RpcPassthroughFilter());
    await app.startAllMicroservices();
    await app.init();
    const observer = await BusObserver.start(namespace, OBSERVED);
    return new GatewayHarness(app, observer, namespace, config, db);
  }

  async stop(): Promise<void> {
    await this.observer.close();
    await this.app.close();
    await this.db.drop();
    await deleteNamespace(this.namespace, ['gateway'], RETRY_DELAYS);
  }

  http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  static auth(user: { token: string }): { Authorization: string } {
    return { Authorization: `Bearer ${user.token}` };
  }

  async signUp(email: string): Promise<TestUser> {
    const registered = await this.http().post('/api/v1/auth/register').send({ email, password: PASSWORD }).expect(201);
    const login = await this.http().post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
    return { id: registered.body.id, token: login.body.accessToken };
  }

  /** True once the gateway committed its handling of this message (the inbox row shares the transaction). */
  async inboxHas(messageId: string): Promise<true | undefined> {
    const rows: unknown[] = await this.app.get(DataSource).query(`SELECT 1 FROM "gateway"."inbox" WHERE "message_id" = $1`, [messageId]);
    return rows.length > 0 ? true : undefined;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }
}

/** Messages waiting in a queue of the namespace (e.g. the gateway's dead-letter queue). */
export async function queueDepth(queue: string): Promise<number> {
  const connection = await amqplib.connect(TEST_RABBITMQ_URL);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}
