import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDatabase {
  url: string;
  schema: string;
  poolSize: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/**
 * PostgreSQL options for one service: its own schema (entities without an explicit schema land there, and
 * so does its migrations table), migrations only (never synchronize), a bounded pool.
 */
export function dataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension is created, so any server (or PGlite) works.
    installExtensions: false,
    extra: { max: db.poolSize, connectionTimeoutMillis: 10_000 },
    logging: ['error'],
  };
}
