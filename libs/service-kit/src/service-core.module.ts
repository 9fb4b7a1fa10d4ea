import { BusModule, StartupError } from '@app/bus';
import { SERVICE_CONFIG, ServiceConfig } from '@app/config';
import { ServiceDatabase, dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@app/database';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { HealthController } from './health.controller';
import { InboxPruner } from './inbox-pruner';
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
  await runMigrationsLocked(dataSource, config.schema);
  return dataSource;
}

/** Everything every service has: its config, its database schema with migrations, the bus, health. */
@Global()
@Module({})
export class ServiceCoreModule {
  static forRoot(config: ServiceConfig, options: ServiceCoreOptions): DynamicModule {
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
        BusModule.forService(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: DataSource, useExisting: getDataSourceToken(config.service) },
        Readiness,
        InboxPruner,
      ],
      exports: [SERVICE_CONFIG, DataSource, Readiness, InboxPruner],
    };
  }
}
