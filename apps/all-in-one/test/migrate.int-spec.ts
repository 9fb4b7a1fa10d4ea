import 'reflect-metadata';
import { MigrationsPendingError } from '@app/database';
import { createServiceApp, describeStartupFailure } from '@app/service-kit';
import { TEST_RABBITMQ_URL, TestDatabase, createTestDatabase, deleteNamespace, uniqueNamespace } from '@app/testing';
import { Client } from 'pg';
import { strategyService } from '../../strategy-svc/src/service-definition';
import { migrateAll } from '../src/migrate';
import { ALL_SERVICES } from '../src/services';

/** The one-off migration step on a real PostgreSQL, and services that refuse to start before it ran. */
describe('the migrate step (npm run migrate, the image’s `migrate` command)', () => {
  let db: TestDatabase;
  const namespace = uniqueNamespace();
  const env = () => ({ NODE_ENV: 'test', DATABASE_URL: db.url, RABBITMQ_URL: TEST_RABBITMQ_URL, BUS_NAMESPACE: namespace, PORT: '0', DATABASE_MIGRATE: 'verify' });

  beforeAll(async () => {
    db = await createTestDatabase('migrate');
  });

  afterAll(async () => {
    await deleteNamespace(namespace, ['strategy-svc'], []);
    await db?.drop();
  });

  it('refuses to start a service with DATABASE_MIGRATE=verify while its migrations are pending, naming the step to run', async () => {
    const failure = await createServiceApp(strategyService, env(), { shutdownHooks: false, logPrefix: 'strategy-svc', logLevels: ['error'] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MigrationsPendingError);
    expect(describeStartupFailure('strategy-svc', failure)).toBe(
      'strategy-svc: DATABASE_MIGRATE=verify: schema "strategy" has pending migrations; run the migrate step first (the image\'s `migrate` command, or `npm run migrate`)',
    );
  });

  it('applies every service’s migrations once, each schema on its own, and is a no-op the second time', async () => {
    const lines: string[] = [];
    const applied = await migrateAll({ DATABASE_URL: db.url, NODE_ENV: 'test' }, (line) => lines.push(line));
    expect(Object.keys(applied).sort()).toEqual(ALL_SERVICES.map((s) => s.name).sort());
    for (const definition of ALL_SERVICES) expect(applied[definition.name]).toHaveLength(definition.migrations.length);
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      const { rows } = await sql.query(`SELECT table_schema AS schema, count(*)::int AS n FROM information_schema.tables WHERE table_name = 'migrations' GROUP BY 1 ORDER BY 1`);
      expect(rows).toEqual(['analytics', 'content', 'creative', 'gateway', 'posting', 'scheduler', 'strategy'].map((schema) => ({ schema, n: 1 })));
    } finally {
      await sql.end();
    }
    const again = await migrateAll({ DATABASE_URL: db.url, NODE_ENV: 'test' }, (line) => lines.push(line));
    expect(Object.values(again).every((names) => names.length === 0)).toBe(true);
    expect(lines.slice(-7).every((line) => line.endsWith('up to date'))).toBe(true);
  });

  it('then starts the service with DATABASE_MIGRATE=verify', async () => {
    const app = await createServiceApp(strategyService, env(), { shutdownHooks: false, logPrefix: 'strategy-svc', logLevels: ['error'] });
    try {
      const res = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health/ready`);
      expect(res.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
