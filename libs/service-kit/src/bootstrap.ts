import { BusServer, StartupError } from '@app/bus';
import { ConfigError, ServiceConfig } from '@app/config';
import { ConsoleLogger, DynamicModule, INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

export interface BootstrapOptions<C extends ServiceConfig> {
  /** Names the service in start-up errors, before its configuration is read. */
  service: string;
  readConfig: () => C;
  module: (config: C) => DynamicModule;
  /** HTTP setup beyond health (prefix, pipes, Swagger...). */
  configureHttp?: (app: INestApplication, config: C) => void;
}

/**
 * Starts one service: config validated first, then database, broker, consumers and HTTP. A start-up
 * failure prints one line naming the variable to fix and exits with status 1, never a stack trace.
 */
export async function bootstrapService<C extends ServiceConfig>(options: BootstrapOptions<C>): Promise<INestApplication> {
  let config: C | undefined;
  try {
    config = options.readConfig();
    // Nest stays silent until the modules are up, so a failed start prints one line, not Nest's stack traces.
    const app = await NestFactory.create(options.module(config), { abortOnError: false, logger: false });
    app.useLogger(new ConsoleLogger({ logLevels: ['log', 'warn', 'error'] }));
    options.configureHttp?.(app, config);
    app.enableShutdownHooks();
    app.connectMicroservice({ strategy: app.get(BusServer) });
    await app.startAllMicroservices();
    await app.listen(config.port, config.host);
    new Logger('Bootstrap').log(`${config.service} ready on http://${config.host}:${config.port}`);
    return app;
  } catch (error) {
    const name = options.service;
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: start-up failed: ${(error as Error).stack ?? String(error)}\n`);
    }
    process.exit(1);
  }
}
