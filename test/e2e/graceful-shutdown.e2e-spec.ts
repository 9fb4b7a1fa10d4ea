import { Events } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import type { ServiceGroup } from '@app/launcher';
import { FakeGeminiServer } from '@app/llm';
import { BusObserver, TestDatabase, createTestDatabase, deleteNamespace, eventually, requestedState, startSystem, uniqueNamespace } from '@app/testing';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

jest.setTimeout(120_000);

/**
 * SIGTERM while a message is being handled, on the real broker and database, with strategy-svc as its own
 * process and a slow model (a local fake of the Gemini REST API holding its answer): the in-flight message
 * either finishes within the grace period, its events flushed from the outbox before the process exits 0, or
 * goes back to the broker and is handled by the next process. Nothing is lost and nothing runs twice.
 */
describe('graceful shutdown of a service process (RabbitMQ, PostgreSQL)', () => {
  let db: TestDatabase;
  let namespace: string;
  let gemini: FakeGeminiServer;
  let geminiUrl: string;
  let observer: BusObserver;
  let sql: Client;
  let logDir: string;
  const groups: ServiceGroup[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('shutdown');
    namespace = uniqueNamespace();
    logDir = path.resolve(__dirname, '../../test-artifacts/logs', namespace);
    gemini = new FakeGeminiServer();
    geminiUrl = await gemini.start();
    observer = await BusObserver.start(namespace, [Events.CampaignPlanned, Events.CampaignFailed]);
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    for (const group of groups) await group.stop();
    await sql?.end();
    await observer?.close();
    await gemini?.close();
    await deleteNamespace(namespace, ['strategy-svc'], [200, 500]);
    await db?.drop();
  });

  const startStrategy = async (graceMs: number): Promise<ChildProcess> => {
    const group = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir,
      only: ['strategy-svc'],
      env: { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'shutdown-key', GEMINI_BASE_URL: geminiUrl, SHUTDOWN_GRACE_MS: String(graceMs), LLM_TIMEOUT_MS: '30000' },
    });
    groups.push(group);
    return group.children.get('strategy-svc')!;
  };
  const exited = (child: ChildProcess) =>
    new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, at: Date.now() });
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }));
    });
  /** Model calls made since `before` (the prompt carries the campaign's brief, not its id; one campaign at a time here). */
  const modelCallsSince = (before: number) => gemini.requests.length - before;
  const stageRuns = async (campaignId: string) => (await sql.query(`SELECT count(*)::int AS n FROM strategy.stage_runs WHERE campaign_id = $1`, [campaignId])).rows[0].n as number;
  const outboxRows = async () => (await sql.query(`SELECT count(*)::int AS n FROM strategy.outbox`)).rows[0].n as number;
  const planned = (campaignId: string) => observer.of(Events.CampaignPlanned).filter((m) => (m.payload as CampaignStatePayload).state.campaignId === campaignId);

  it('finishes the in-flight message within the grace period, publishes its event, then exits 0', async () => {
    const child = await startStrategy(20_000);
    gemini.defaultDelayMs = 2_500;
    const state = requestedState();
    const before = gemini.requests.length;
    await observer.publish(Events.CampaignRequested, { state }, state.campaignId);
    await eventually('model call in flight', async () => (modelCallsSince(before) === 1 ? true : undefined));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const exit = await exited(child);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan(20_000);
    // Done before the process left: the stage committed and its event was confirmed by the broker.
    expect(await stageRuns(state.campaignId)).toBe(1);
    expect(await outboxRows()).toBe(0);
    await eventually('campaign.planned observed', async () => (planned(state.campaignId).length === 1 ? true : undefined), 5_000);
    const log = readFileSync(path.join(logDir, 'strategy-svc.log'), 'utf8');
    expect(log).toMatch(/SIGTERM: strategy-svc stops taking messages/);
    expect(log).toMatch(/strategy-svc stopped cleanly in \d+ ms/);
  });

  it('hands an in-flight message back when the grace period runs out; the next process handles it once', async () => {
    const child = await startStrategy(1_000);
    gemini.defaultDelayMs = 8_000;
    const state = requestedState();
    const before = gemini.requests.length;
    await observer.publish(Events.CampaignRequested, { state }, state.campaignId);
    await eventually('model call in flight', async () => (modelCallsSince(before) === 1 ? true : undefined));
    child.kill('SIGTERM');
    const exit = await exited(child);
    expect(exit.code).toBe(0);
    expect(await stageRuns(state.campaignId)).toBe(0);
    expect(planned(state.campaignId)).toHaveLength(0);
    // Back in the queue, not lost: a new process picks it up.
    gemini.defaultDelayMs = 0;
    await startStrategy(20_000);
    await eventually('planned by the next process', async () => (planned(state.campaignId).length === 1 ? true : undefined), 30_000);
    expect(await stageRuns(state.campaignId)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(planned(state.campaignId)).toHaveLength(1);
    expect(observer.of(Events.CampaignFailed).filter((m) => m.correlationId === state.campaignId)).toHaveLength(0);
  });
});
