import type { ServiceGroup } from '@app/launcher';
import { SERVICE_NAMES, TestDatabase, createTestDatabase, deleteNamespace, startSystem, uniqueNamespace } from '@app/testing';
import path from 'node:path';
import { Client } from 'pg';
import { SystemUnderTest, campaignFlowScenario } from './campaign-flow.scenario';

jest.setTimeout(120_000);

/** Seven processes from the build, on the real RabbitMQ and PostgreSQL. */
describe('campaign flow: distributed (seven processes, RabbitMQ, PostgreSQL)', () => {
  let db: TestDatabase;
  let namespace: string;
  let system: ServiceGroup;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase('e2e');
    namespace = uniqueNamespace();
    system = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir: path.resolve(__dirname, '../../test-artifacts/logs', namespace),
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await system?.stop();
    await deleteNamespace(namespace, [...SERVICE_NAMES], [200, 500]);
    await db?.drop();
  });

  const sut: SystemUnderTest = {
    get gatewayUrl() {
      return system.gatewayUrl;
    },
    count: async (query, params) => (await sql.query(query, params)).rows[0].n as number,
  };

  campaignFlowScenario(() => sut);
});
