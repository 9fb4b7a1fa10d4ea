import { BusServer, StartupError } from '@app/bus';
import { ConfigError, ServiceConfig, ServiceName } from '@app/config';
import { ConsoleLogger, DynamicModule, INestApplication, LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export type Env = Record<string, string | undefined>;

/** Everything needed to run one service: used by its own main.ts and by the all-in-one process. */
export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  name: ServiceName;
  readConfig(env: Env): C;
  module(config: C): DynamicModule;
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
  const { shutdownHooks, logPrefix, logLevels = ['log', 'warn', 'error'] } = options ?? { shutdownHooks: true, logPrefix: definition.name };
  const config = definition.readConfig(env);
  // Nest stays silent until the modules are up, so a failed start prints one line, not Nest's stack traces.
  const app = await NestFactory.create(definition.module(config), { abortOnError: false, logger: false });
  app.useLogger(new ConsoleLogger({ prefix: logPrefix, logLevels }));
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

/** One line for a start-up failure: the variable to fix, or the stack of an unexpected error. */
export function describeStartupFailure(service: string, error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError) return `${service}: ${error.message}`;
  return `${service}: start-up failed: ${(error as Error).stack ?? String(error)}`;
}

/** A service's own process (`main.ts`): on failure, one line naming the variable and exit status 1. */
export async function bootstrapService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  try {
    await createServiceApp(definition, process.env);
  } catch (error) {
    process.stderr.write(`${describeStartupFailure(definition.name, error)}\n`);
    process.exit(1);
  }
}
