import { dataSourceOptions, runMigrationsLocked } from '@app/database';
import { createTestDatabase } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES } from '../gateway.module';
import { InitGateway1764028800000 } from './1764028800000-InitGateway';

describe('InitGateway migration (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const tables = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'gateway' ORDER BY table_name`)).map(
      (r: { table_name: string }) => r.table_name,
    );

  beforeAll(async () => {
    db = await createTestDatabase('gateway_migration');
    const options = dataSourceOptions({ url: db.url, schema: 'gateway', poolSize: 2, entities: GATEWAY_ENTITIES, migrations: [InitGateway1764028800000] });
    dataSource = await new DataSource(options).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('creates the gateway tables in schema gateway, matching the entities, and drops them again', async () => {
    expect(await runMigrationsLocked(dataSource, 'gateway')).toEqual(['InitGateway1764028800000']);
    expect(await tables()).toEqual(['campaign_posts', 'campaigns', 'inbox', 'migrations', 'outbox', 'users']);
    // Every entity column exists: a select through the entity metadata fails otherwise.
    for (const entity of GATEWAY_ENTITIES) await dataSource.getRepository(entity).find({ take: 1 });
    const constraints = await dataSource.query(`SELECT conname FROM pg_constraint WHERE connamespace = 'gateway'::regnamespace AND contype IN ('u', 'c') ORDER BY conname`);
    expect(constraints.map((c: { conname: string }) => c.conname)).toEqual(
      expect.arrayContaining(['users_email_key', 'users_email_lowercase', 'campaigns_status_check', 'campaign_posts_status_check']),
    );

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
  });
});
