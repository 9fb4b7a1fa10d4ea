import { BusModule, StartupError } from '@app/bus';
import { SERVICE_CONFIG, ServiceConfig } from '@app/config';
import { MigrationsPendingError, ServiceDatabase, pendingMigrations, dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@app/database';
import { ServiceMetrics } from '@app/telemetry';
import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { DeadLettersAdminController } from './admin/dead-letters.controller';
import { HealthController } from './health.controller';
import { InboxPruner } from './inbox-pruner';
import { BusGauges } from './observability/bus-gauges';
import { HttpTelemetryMiddleware } from './observability/http-telemetry.middleware';
import { MetricsController } from './observability/metrics.controller';
import { Readiness } from './readiness';

export interface ServiceCoreOptions {
  entities: ServiceDatabase['entities'];
  migrations: ServiceDatabase['migrations'];
}

async function openDatabase(config: ServiceConfig, options: DataSourceOptions): Promise<DataSource> {
  let dataSource: DataSource;
  try {
    if (config.databaseAutoCreate) await ensureDatabase(config.databaseUrl);
    dataSource = await new DataSource(options).initialize();
  } catch (error) {
    throw new StartupError('DATABASE_URL', config.databaseUrl, error);
  }
  if (config.databaseMigrate === 'run') {
    await runMigrationsLocked(dataSource, config.schema);
  } else if ((await pendingMigrations(dataSource, config.schema)).length > 0) {
    await dataSource.destroy();
    throw new MigrationsPendingError(config.schema);
  }
  return dataSource;
}

/** Everything every service has: its config, its database schema with migrations, the bus, health. */
@Global()
@Module({})
export class ServiceCoreModule implements NestModule {
  static forRoot(config: ServiceConfig, options: ServiceCoreOptions): DynamicModule {
    const metrics = new ServiceMetrics(config.service);
    const dbOptions = dataSourceOptions({
      url: config.databaseUrl,
      schema: config.schema,
      poolSize: config.databasePoolSize,
      entities: options.entities,
      migrations: options.migrations,
    });
    return {
      module: ServiceCoreModule,
      imports: [
        // Named after the service so several services can share a process (the all-in-one start).
        TypeOrmModule.forRootAsync({
          name: config.service,
          useFactory: () => ({ ...dbOptions, name: config.service, retryAttempts: 0 }),
          dataSourceFactory: () => openDatabase(config, dbOptions),
        }),
        BusModule.forService(config, metrics),
      ],
      controllers: [HealthController, MetricsController, DeadLettersAdminController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: DataSource, useExisting: getDataSourceToken(config.service) },
        { provide: ServiceMetrics, useValue: metrics },
        Readiness,
        InboxPruner,
        BusGauges,
      ],
      exports: [SERVICE_CONFIG, DataSource, Readiness, InboxPruner, ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTelemetryMiddleware).forRoutes('*');
  }
}
