import 'reflect-metadata';
import { StartupError } from '@app/bus';
import { ConfigError, EnvReader, SERVICES, readServiceConfig } from '@app/config';
import { dataSourceOptions, ensureDatabase, runMigrationsLocked } from '@app/database';
import { DataSource } from 'typeorm';
import { ALL_SERVICES } from './services';

/**
 * The one-off migration step (`npm run migrate`, the image's `migrate` command, the Kubernetes Job): applies
 * every service's pending migrations to DATABASE_URL, each schema under its advisory lock, then exits. The
 * services can then start with DATABASE_MIGRATE=verify and need no DDL at start.
 */
export async function migrateAll(env: Record<string, string | undefined>, log: (line: string) => void): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const definition of ALL_SERVICES) {
    const reader = new EnvReader(env);
    const config = readServiceConfig(definition.name, reader);
    reader.done();
    const dataSource = new DataSource(
      dataSourceOptions({ url: config.databaseUrl, schema: SERVICES[definition.name].schema, poolSize: 2, entities: [], migrations: [...definition.migrations] }),
    );
    try {
      if (config.databaseAutoCreate) await ensureDatabase(config.databaseUrl);
      await dataSource.initialize();
    } catch (error) {
      throw new StartupError('DATABASE_URL', config.databaseUrl, error);
    }
    try {
      applied[definition.name] = await runMigrationsLocked(dataSource, config.schema);
    } finally {
      await dataSource.destroy();
    }
    const done = applied[definition.name];
    log(`${definition.name}: schema "${config.schema}" ${done.length ? `migrated (${done.join(', ')})` : 'up to date'}`);
  }
  return applied;
}

if (require.main === module) {
  migrateAll(process.env, (line) => process.stdout.write(`${line}\n`)).then(
    () => process.exit(0),
    (error: Error) => {
      const known = error instanceof ConfigError || error instanceof StartupError;
      process.stderr.write(`migrate: ${known ? error.message : (error.stack ?? error.message)}\n`);
      process.exit(1);
    },
  );
}
