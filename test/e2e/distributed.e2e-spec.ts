import { freePort, startDashboard } from '@app/launcher';
import type { DashboardProcess, ServiceGroup } from '@app/launcher';
import { FakeGeminiServer } from '@app/llm';
import { FakeOtlpCollector, SERVICE_NAMES, TestDatabase, createTestDatabase, deleteNamespace, startSystem, uniqueNamespace } from '@app/testing';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { analyticsLoopScenario } from './analytics-loop.scenario';
import { campaignFlowScenario } from './campaign-flow.scenario';
import { dashboardScenario } from './dashboard.scenario';
import { ObservedSystem, operationsScenario } from './operations.scenario';

const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret';

jest.setTimeout(120_000);

interface ModelSetup {
  provider: string;
  images: boolean;
  /** Run the browser scenario against this setup (once per mode is enough: it is the slowest). */
  dashboard: boolean;
  /** Starts whatever the provider needs and returns the services' extra environment. */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

const offline: ModelSetup = { provider: 'offline', images: false, dashboard: false, start: async () => ({}), stop: async () => undefined };

const gemini = (): ModelSetup => {
  const server = new FakeGeminiServer();
  return {
    provider: 'gemini',
    images: true,
    dashboard: true,
    start: async () => ({ LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'e2e-key', GEMINI_BASE_URL: await server.start(), GEMINI_IMAGE_MODEL: 'gemini-image-e2e' }),
    stop: () => server.close(),
  };
};

/** Seven processes from the build, on the real RabbitMQ and PostgreSQL, with each model provider. */
describe.each([
  ['offline model', offline],
  ['Gemini (real SDK against a local fake of the REST API)', gemini()],
])('campaign flow: distributed (seven processes, RabbitMQ, PostgreSQL), %s', (_name, model) => {
  let db: TestDatabase;
  let namespace: string;
  let system: ServiceGroup;
  let sql: Client;
  let logDir: string;
  let modelEnv: Record<string, string>;
  let dashboard: DashboardProcess | undefined;
  let dashboardLog: number | undefined;
  const collector = new FakeOtlpCollector();

  beforeAll(async () => {
    db = await createTestDatabase('e2e');
    namespace = uniqueNamespace();
    logDir = path.resolve(__dirname, '../../test-artifacts/logs', namespace);
    modelEnv = await model.start();
    system = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir,
      env: { ...modelEnv, JWT_SECRET, OTEL_EXPORTER_OTLP_ENDPOINT: await collector.start() },
    });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    if (model.dashboard) {
      // Beside the services' folder: the operations scenario reads every file in it as JSON log records.
      dashboardLog = openSync(`${logDir}-dashboard.log`, 'a');
      dashboard = await startDashboard({ enabled: true, port: await freePort(), host: '127.0.0.1' }, system.gatewayUrl, { PATH: process.env.PATH }, dashboardLog);
    }
  }, 120_000);

  afterAll(async () => {
    await dashboard?.stop();
    if (dashboardLog !== undefined) closeSync(dashboardLog);
    await sql?.end();
    await system?.stop();
    await model.stop();
    await collector.close();
    await deleteNamespace(namespace, [...SERVICE_NAMES], [200, 500]);
    await db?.drop();
  });

  const sut: ObservedSystem = {
    get gatewayUrl() {
      return system.gatewayUrl;
    },
    llmProvider: model.provider,
    images: model.images,
    count: async (query, params) => (await sql.query(query, params)).rows[0].n as number,
    serviceUrl: (service) => `http://127.0.0.1:${system.ports[service]}`,
    collector,
    logLines: () => readdirSync(logDir).flatMap((file) => readFileSync(path.join(logDir, file), 'utf8').split('\n')),
    onlyLogRecords: true,
    get secrets() {
      return [JWT_SECRET, ...(modelEnv.GEMINI_API_KEY ? [modelEnv.GEMINI_API_KEY] : [])];
    },
  };

  campaignFlowScenario(() => sut);
  describe('the analytics loop', () => analyticsLoopScenario(() => sut));
  describe('operations: traces, logs, metrics', () => operationsScenario(() => sut));
  if (model.dashboard) {
    describe('the web dashboard in Chromium', () =>
      dashboardScenario(() => ({ dashboardUrl: dashboard!.url.replace('localhost', '127.0.0.1'), gatewayUrl: system.gatewayUrl, mode: 'distributed', images: model.images })));
  }
});
