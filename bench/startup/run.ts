import { EMBEDDED_NODE_FLAGS, Progress, REPO_ROOT, freePort, peakRssMiB } from '@app/launcher';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from '../pipeline/stats';

/**
 * `npm start` with nothing configured (embedded PostgreSQL and bus): time from process start to a ready
 * API, cold (empty data folder: initdb and every migration) and warm (restart on existing data), and the
 * process's peak memory after it has run CAMPAIGNS campaigns to scheduled.
 */
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const CAMPAIGNS = Number(process.env.BENCH_STARTUP_CAMPAIGNS ?? 20);

async function startOnce(dataDir: string, port: number): Promise<{ child: ChildProcess; readyMs: number }> {
  const ports: Record<string, string> = {};
  for (const name of ['STRATEGY', 'CONTENT', 'CREATIVE', 'SCHEDULER', 'POSTING', 'ANALYTICS']) ports[`${name}_PORT`] = String(await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, [...EMBEDDED_NODE_FLAGS, path.join(REPO_ROOT, 'dist/apps/all-in-one/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, GATEWAY_PORT: String(port), ...ports },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr.trim()}`);
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    if (res?.status === 200) return { child, readyMs: Math.round(performance.now() - started) };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function runCampaigns(base: string): Promise<void> {
  const call = async (route: string, body?: object, token?: string) => {
    const res = await fetch(`${base}${route}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${route}: ${res.status}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  await call('/api/v1/auth/register', { email: 'bench@example.com', password: 'bench-password' });
  const { accessToken } = (await call('/api/v1/auth/login', { email: 'bench@example.com', password: 'bench-password' })) as { accessToken: string };
  const ids: string[] = [];
  for (let i = 0; i < CAMPAIGNS; i++) {
    const body = { name: `Startup bench ${i}`, goal: 'Grow sign-ups for our coworking space', targetPlatforms: ['x', 'instagram', 'facebook'], durationDays: 7 };
    ids.push((await call('/api/v1/campaigns', body, accessToken)).id as string);
  }
  const progress = new Progress('campaigns scheduled', CAMPAIGNS);
  for (;;) {
    const views = await Promise.all(ids.map((id) => call(`/api/v1/campaigns/${id}`, undefined, accessToken)));
    const done = views.filter((v) => v.status === 'scheduled').length;
    progress.update(done);
    if (done === CAMPAIGNS) break;
    if (views.some((v) => v.status === 'failed')) throw new Error('a campaign failed');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  progress.finish();
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentic-startup-'));
  const port = await freePort();
  const cold: number[] = [];
  const warm: number[] = [];
  const progress = new Progress('start-ups', RUNS * 2);
  try {
    for (let i = 0; i < RUNS; i++) {
      rmSync(dataDir, { recursive: true, force: true });
      const first = await startOnce(dataDir, port);
      cold.push(first.readyMs);
      await stop(first.child);
      const second = await startOnce(dataDir, port);
      warm.push(second.readyMs);
      await stop(second.child);
      progress.update((i + 1) * 2);
    }
    progress.finish();
    const { child, readyMs } = await startOnce(dataDir, port);
    const idle = peakRssMiB(child.pid);
    await runCampaigns(`http://127.0.0.1:${port}`);
    const peak = peakRssMiB(child.pid);
    await stop(child);
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    console.log(`\nstart-up benchmark: npm start's entry point, embedded PostgreSQL (PGlite) and bus, ${RUNS} runs each`);
    console.log(`  cold start (empty data folder): median ${percentile(cold, 50)} ms (min ${cold[0]}, max ${cold[cold.length - 1]})`);
    console.log(`  warm start (existing data):     median ${percentile(warm, 50)} ms (min ${warm[0]}, max ${warm[warm.length - 1]}; last run ${readyMs} ms)`);
    console.log(`  memory: ${idle} MiB peak RSS when ready, ${peak} MiB after ${CAMPAIGNS} campaigns to scheduled`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
