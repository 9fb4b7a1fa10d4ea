import { EnvReader } from '@app/config';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from './launcher';

/** Environment variables, as process.env. */
type Env = Record<string, string | undefined>;

/** The web dashboard beside the services (`npm start`, `npm run start:distributed`, the e2e tests): Next.js's production server in a child process. */
export interface DashboardProcess {
  url: string;
  stop(): Promise<void>;
}

export interface DashboardSettings {
  enabled: boolean;
  port: number;
  /** Interface to listen on; unset: every interface, as the gateway. */
  host?: string;
}

export const DASHBOARD_DIR = path.join(REPO_ROOT, 'apps/dashboard');

export function readDashboardSettings(env: Env): DashboardSettings {
  const reader = new EnvReader(env);
  const settings: DashboardSettings = {
    enabled: reader.oneOf('DASHBOARD', ['on', 'off'], 'on') === 'on',
    port: reader.int('DASHBOARD_PORT', 3001, { min: 1, max: 65535 }),
    host: env.DASHBOARD_HOST || undefined,
  };
  reader.done();
  return settings;
}

/** Whether `next build` has run (`npm install` runs it; so does `npm run build:dashboard`). */
export function dashboardBuilt(): boolean {
  return existsSync(path.join(DASHBOARD_DIR, '.next', 'BUILD_ID'));
}

/** GET /healthz on a connection of its own that closes after the answer: a kept-alive one would hold up Next's stop. */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the dashboard exited (${child.exitCode ?? child.signalCode}) while starting`);
    if (await healthy(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`the dashboard did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/**
 * Starts the dashboard talking to `gatewayUrl`, and resolves once it answers. Its errors go to this process's
 * stderr, or everything to `output` (an open file descriptor). It is stopped with SIGTERM by `stop()`, and killed if this process exits first.
 */
export async function startDashboard(settings: DashboardSettings, gatewayUrl: string, env: Env, output: 'inherit' | number = 'inherit'): Promise<DashboardProcess> {
  const args = [require.resolve('next/dist/bin/next'), 'start', DASHBOARD_DIR, '--port', String(settings.port)];
  if (settings.host) args.push('--hostname', settings.host);
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...env, GATEWAY_URL: gatewayUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', PORT: String(settings.port), NODE_OPTIONS: '' },
    // Next's banner repeats the URL printed by the caller: only its errors go to the terminal; a log file gets both.
    stdio: ['ignore', output === 'inherit' ? 'ignore' : output, output],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://localhost:${settings.port}`;
  try {
    await waitHealthy(`http://127.0.0.1:${settings.port}`, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // Next waits for open connections (a browser's live stream never ends); it holds no state, so 2 s is plenty.
        const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
