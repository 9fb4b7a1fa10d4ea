import { BusServer, StartupError } from '@app/bus';
import { ConfigError, ServiceConfig, ServiceName } from '@app/config';
import { MigrationsPendingError } from '@app/database';
import { DynamicModule, INestApplication, LogLevel, Logger } from '@nestjs/common';
import { ServiceLogger, flushTracing, initTracing } from '@app/telemetry';
import { NestFactory } from '@nestjs/core';
import type { MigrationInterface } from 'typeorm';

export type Env = Record<string, string | undefined>;

/** Everything needed to run one service: used by its own main.ts and by the all-in-one process. */
export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: ServiceName;
  readConfig(env: Env): C;
  module(config: C): DynamicModule;
  /** The service's migrations in order (its module runs them at start; the migrate step runs them alone). */
  migrations: ReadonlyArray<new () => MigrationInterface>;
  /** HTTP setup beyond health (prefix, pipes, Swagger...). */
  configureHttp?(app: INestApplication, config: C): void;
}

/**
 * Creates and starts one service: config validated first, then database, broker, consumers and HTTP.
 * Throws ConfigError or StartupError (each one readable line) when it cannot start.
 */
export interface CreateOptions {
  /** Install Nest's signal handlers (not when several services share the process). */
  shutdownHooks: boolean;
  /** Log line prefix; Nest's logger is process-wide, so a shared process uses one name for all. */
  logPrefix: string;
  logLevels?: LogLevel[];
}

export async function createServiceApp<C extends ServiceConfig>(definition: ServiceDefinition<C>, env: Env, options?: CreateOptions): Promise<INestApplication> {
  const { shutdownHooks, logPrefix } = options ?? { shutdownHooks: true, logPrefix: definition.name };
  const config = definition.readConfig(env);
  initTracing({ serviceName: logPrefix, otlpTracesUrl: config.otlpTracesUrl });
  // Nest stays silent until the modules are up, so a failed start prints one line, not Nest's stack traces.
  const app = await NestFactory.create(definition.module(config), { abortOnError: false, logger: false });
  app.useLogger(new ServiceLogger({ service: logPrefix, format: config.logFormat, levels: options?.logLevels ?? logLevelsUpTo(config.logLevel) }));
  definition.configureHttp?.(app, config);
  // A process hosting several services closes them itself, in order (Nest's hooks would race to exit).
  if (shutdownHooks) app.enableShutdownHooks();
  app.connectMicroservice({ strategy: app.get(BusServer) });
  await app.startAllMicroservices();
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close().catch(() => undefined);
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    const variable = `${definition.name.replace('-svc', '').toUpperCase()}_PORT`;
    throw new ConfigError([`${variable} (or PORT) ${config.port} is already in use on ${config.host}: stop what uses it or choose another port`]);
  }
  new Logger('Bootstrap').log(`${definition.name} ready on http://${config.host}:${config.port}`);
  return app;
}

const LEVEL_ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The Nest levels written at LOG_LEVEL `level` (it and everything more severe). */
export function logLevelsUpTo(level: ServiceConfig['logLevel']): LogLevel[] {
  return LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(level) + 1);
}

/** One line for a start-up failure: the variable to fix, or the stack of an unexpected error. */
export function describeStartupFailure(service: string, error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof MigrationsPendingError) return `${service}: ${error.message}`;
  return `${service}: start-up failed: ${(error as Error).stack ?? String(error)}`;
}

/**
 * A service's own process (`main.ts`): on failure, one line naming the variable and exit status 1. On SIGTERM
 * or SIGINT it stops gracefully (readiness drops, consumption stops, in-flight messages finish within
 * SHUTDOWN_GRACE_MS or go back to the broker, the outbox is flushed, spans are exported) and exits 0.
 */
export async function bootstrapService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  let app: INestApplication;
  try {
    app = await createServiceApp(definition, process.env, { shutdownHooks: false, logPrefix: definition.name });
  } catch (error) {
    process.stderr.write(`${describeStartupFailure(definition.name, error)}\n`);
    process.exit(1);
  }
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopGracefully(app, definition.name, signal);
    });
  }
}

async function stopGracefully(app: INestApplication, service: string, signal: string): Promise<void> {
  const logger = new Logger('Shutdown');
  const started = Date.now();
  logger.log(`${signal}: ${service} stops taking messages and finishes in-flight work`);
  try {
    await app.close();
    await flushTracing();
    logger.log(`${service} stopped cleanly in ${Date.now() - started} ms`);
    process.exit(0);
  } catch (error) {
    logger.error(`${service} did not stop cleanly: ${(error as Error).message}`);
    process.exit(1);
  }
}
