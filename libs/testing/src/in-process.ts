import { BusServer } from '@app/bus';
import { EnvReader, ServiceConfig } from '@app/config';
import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TEST_RABBITMQ_URL, TestDatabase, createTestDatabase, deleteNamespace, uniqueNamespace } from './infra';

export const TEST_RETRY_DELAYS = [100, 200];

export interface InProcessOptions<C extends ServiceConfig> {
  /** Queue name of the service (for clean-up). */
  queue: string;
  readConfig: (reader: EnvReader) => C;
  module: (config: C) => DynamicModule;
  configureHttp?: (app: INestApplication, config: C) => void;
  env?: Record<string, string>;
  /** Join another instance's database and bus namespace (a second replica); it then cleans up neither. */
  replicaOf?: InProcessService;
}

export interface InProcessService {
  app: INestApplication;
  namespace: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

/**
 * One service's real module in this process, wired as bootstrapService wires it (HTTP + bus transport),
 * on a fresh database and bus namespace of its own, with fast retries.
 */
export async function startInProcess<C extends ServiceConfig>(options: InProcessOptions<C>): Promise<InProcessService> {
  const db = options.replicaOf?.db ?? (await createTestDatabase(options.queue.replace(/-/g, '_')));
  const namespace = options.replicaOf?.namespace ?? uniqueNamespace();
  const reader = new EnvReader({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    RABBITMQ_URL: TEST_RABBITMQ_URL,
    BUS_NAMESPACE: namespace,
    PORT: '0',
    BUS_RETRY_DELAYS_MS: TEST_RETRY_DELAYS.join(','),
    OUTBOX_POLL_INTERVAL_MS: '200',
    JWT_SECRET: 'in-process-test-secret',
    ...options.env,
  });
  const config = options.readConfig(reader);
  reader.done();
  const app = await NestFactory.create(options.module(config), { logger: ['error'], abortOnError: false });
  options.configureHttp?.(app, config);
  app.connectMicroservice({ strategy: app.get(BusServer) });
  await app.startAllMicroservices();
  await app.init();
  return {
    app,
    namespace,
    db,
    stop: async () => {
      await app.close();
      if (options.replicaOf) return;
      await deleteNamespace(namespace, [options.queue], TEST_RETRY_DELAYS);
      await db.drop();
    },
  };
}
