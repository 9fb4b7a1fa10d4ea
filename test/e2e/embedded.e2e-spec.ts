import { FakeOtlpCollector } from '@app/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { analyticsLoopScenario } from './analytics-loop.scenario';
import { campaignFlowScenario } from './campaign-flow.scenario';
import { dashboardScenario } from './dashboard.scenario';
import { EmbeddedProcess } from './embedded-process';
import { ObservedSystem, ServiceKey, operationsScenario } from './operations.scenario';

jest.setTimeout(120_000);

/** The same scenario as the distributed run, on `npm start`'s embedded defaults: one process, no services. */
describe('campaign flow: embedded (one process, PGlite, embedded bus)', () => {
  let dataDir: string;
  let system: EmbeddedProcess;
  let sql: Client;
  const collector = new FakeOtlpCollector();

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-embedded-'));
    const env = { LOG_FORMAT: 'json', OTEL_EXPORTER_OTLP_ENDPOINT: await collector.start() };
    system = await EmbeddedProcess.create(dataDir, path.resolve(__dirname, '../../test-artifacts/logs', path.basename(dataDir)), env);
    await system.start();
    sql = new Client({ connectionString: system.databaseUrl });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    expect(await system?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
    await collector.close();
  });

  const portVariable: Record<Exclude<ServiceKey, 'gateway'>, string> = {
    'strategy-svc': 'STRATEGY',
    'content-svc': 'CONTENT',
    'creative-svc': 'CREATIVE',
    'scheduler-svc': 'SCHEDULER',
    'posting-svc': 'POSTING',
    'analytics-svc': 'ANALYTICS',
  };
  const sut: ObservedSystem = {
    get gatewayUrl() {
      return system.gatewayUrl;
    },
    llmProvider: 'offline',
    images: false,
    count: async (query, params) => (await sql.query(query, params)).rows[0].n as number,
    serviceUrl: (service) => (service === 'gateway' ? system.gatewayUrl : `http://127.0.0.1:${system.servicePorts[portVariable[service]]}`),
    collector,
    logLines: () => readFileSync(system.logFile, 'utf8').split('\n'),
    onlyLogRecords: false,
    secrets: [],
  };

  campaignFlowScenario(() => sut);
  describe('the analytics loop', () => analyticsLoopScenario(() => sut));
  describe('operations: traces, logs, metrics', () => operationsScenario(() => sut));
  describe('the web dashboard in Chromium', () =>
    dashboardScenario(() => ({ dashboardUrl: system.dashboardUrl, gatewayUrl: system.gatewayUrl, mode: 'embedded', images: false })));
});
