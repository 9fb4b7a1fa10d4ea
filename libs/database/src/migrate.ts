import { DataSource } from 'typeorm';

/**
 * Runs the service's migrations under a transaction-scoped advisory lock keyed by its schema, so
 * replicas starting together do not race; each migration runs in its own transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** A service started with DATABASE_MIGRATE=verify found migrations not yet applied to its schema. */
export class MigrationsPendingError extends Error {
  constructor(readonly schema: string) {
    super(`DATABASE_MIGRATE=verify: schema "${schema}" has pending migrations; run the migrate step first (the image's \`migrate\` command, or \`npm run migrate\`)`);
  }
}

/** Names of the service's migrations not yet applied to its schema, read without any DDL (no table is created). */
export async function pendingMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${schema}"."migrations"`]);
  const executed = new Set<string>(present ? (await dataSource.query(`SELECT "name" FROM "${schema}"."migrations"`)).map((r: { name: string }) => r.name) : []);
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !executed.has(name));
}
