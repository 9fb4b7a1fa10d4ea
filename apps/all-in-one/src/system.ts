import { randomBytes } from 'node:crypto';
import { EnvReader, SERVICES, redact } from '@app/config';
import { EmbeddedPostgres, pgliteTemplatePath, startEmbeddedPostgres } from '@app/database';
import { Env, createServiceApp } from '@app/service-kit';
import { INestApplication, LogLevel } from '@nestjs/common';
import path from 'node:path';
import { ALL_SERVICES } from './services';

export interface AllInOne {
  gatewayUrl: string;
  /** What runs underneath, for the start-up banner. */
  database: string;
  bus: string;
  stop(): Promise<void>;
}

export interface AllInOneSettings {
  dataDir: string;
  embeddedPgPort: number;
  embeddedPgSharedBuffers: string;
}

export function readAllInOneSettings(env: Env): AllInOneSettings {
  const reader = new EnvReader(env);
  const settings = {
    dataDir: path.resolve(reader.string('DATA_DIR', './data')),
    embeddedPgPort: reader.int('EMBEDDED_PG_PORT', 0, { min: 0, max: 65535 }),
    embeddedPgSharedBuffers: reader.string('EMBEDDED_PG_SHARED_BUFFERS', '16MB'),
  };
  reader.done();
  return settings;
}

/**
 * All seven services in this process. With no DATABASE_URL, an embedded PostgreSQL (PGlite) under
 * DATA_DIR; with no RABBITMQ_URL, the embedded bus stored in that database. Given either URL, the real
 * server is used: the services run the same code in every combination.
 */
export async function startAllInOne(env: Env, logLevels?: LogLevel[]): Promise<AllInOne> {
  const settings = readAllInOneSettings(env);
  const serviceEnv: Env = { ...env, PORT: undefined };
  let embedded: EmbeddedPostgres | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(settings.dataDir, 'pglite'),
      port: settings.embeddedPgPort,
      sharedBuffers: settings.embeddedPgSharedBuffers,
      templatePath: pgliteTemplatePath(path.resolve(__dirname, '../../../../node_modules/.cache/agentic-social')),
    });
    serviceEnv.DATABASE_URL = embedded.url;
  }
  if (!env.RABBITMQ_URL) serviceEnv.RABBITMQ_URL = 'embedded:';
  // A person at a terminal reads these lines; LOG_FORMAT=json gives the services' JSON lines.
  serviceEnv.LOG_FORMAT ??= 'text';
  // The gateway reads generated images from creative-svc, in this same process.
  serviceEnv.CREATIVE_URL ??= `http://127.0.0.1:${new EnvReader(serviceEnv).int('CREATIVE_PORT', SERVICES['creative-svc'].port)}`;
  serviceEnv.POSTING_URL ??= `http://127.0.0.1:${new EnvReader(serviceEnv).int('POSTING_PORT', SERVICES['posting-svc'].port)}`;
  serviceEnv.ANALYTICS_URL ??= `http://127.0.0.1:${new EnvReader(serviceEnv).int('ANALYTICS_PORT', SERVICES['analytics-svc'].port)}`;
  // posting-svc signs the media URLs Instagram and Facebook fetch, the gateway verifies them: one key for both.
  serviceEnv.MEDIA_SIGNING_KEY ??= randomBytes(32).toString('base64url');
  const apps: Array<{ name: string; app: INestApplication }> = [];
  const stop = async () => {
    for (const { app } of [...apps].reverse()) await app.close();
    await embedded?.stop();
  };
  try {
    for (const definition of ALL_SERVICES) {
      apps.push({ name: definition.name, app: await createServiceApp(definition, serviceEnv, { shutdownHooks: false, logPrefix: 'agentic-social', logLevels }) });
    }
  } catch (error) {
    (error as { service?: string }).service = ALL_SERVICES[apps.length].name;
    await stop().catch(() => undefined);
    throw error;
  }
  const gatewayPort = Number(new EnvReader(serviceEnv).int('GATEWAY_PORT', SERVICES.gateway.port));
  return {
    gatewayUrl: `http://localhost:${gatewayPort}`,
    database: embedded ? `embedded PostgreSQL (PGlite) in ${path.join(settings.dataDir, 'pglite')}, served at ${redact(embedded.url)}` : `PostgreSQL at ${redact(env.DATABASE_URL!)}`,
    bus: env.RABBITMQ_URL ? `RabbitMQ at ${redact(env.RABBITMQ_URL)}` : 'embedded bus (stored in the database)',
    stop,
  };
}
