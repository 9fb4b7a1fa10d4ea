import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { analyticsLoopScenario } from './analytics-loop.scenario';
import { SystemUnderTest, campaignFlowScenario } from './campaign-flow.scenario';
import { EmbeddedProcess } from './embedded-process';

jest.setTimeout(120_000);

/** The same scenario as the distributed run, on `npm start`'s embedded defaults: one process, no services. */
describe('campaign flow: embedded (one process, PGlite, embedded bus)', () => {
  let dataDir: string;
  let system: EmbeddedProcess;
  let sql: Client;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-embedded-'));
    system = await EmbeddedProcess.create(dataDir, path.resolve(__dirname, '../../test-artifacts/logs', path.basename(dataDir)));
    await system.start();
    sql = new Client({ connectionString: system.databaseUrl });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    expect(await system?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sut: SystemUnderTest = {
    get gatewayUrl() {
      return system.gatewayUrl;
    },
    llmProvider: 'offline',
    images: false,
    count: async (query, params) => (await sql.query(query, params)).rows[0].n as number,
  };

  campaignFlowScenario(() => sut);
  describe('the analytics loop', () => analyticsLoopScenario(() => sut));
});
