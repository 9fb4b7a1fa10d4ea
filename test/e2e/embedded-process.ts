import { EMBEDDED_NODE_FLAGS, REPO_ROOT, freePort } from '@app/launcher';
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '@app/testing';

/**
 * `npm start`'s entry point as a user runs it: one process, no DATABASE_URL or RABBITMQ_URL, so the
 * embedded PostgreSQL and bus under `dataDir`. Fixed ports let a test reach the API and the database.
 */
export class EmbeddedProcess {
  private child?: ChildProcess;
  /** HTTP port of each service in the process (`STRATEGY_PORT`, …), chosen at the first start. */
  readonly servicePorts: Record<string, number> = {};

  private constructor(
    readonly dataDir: string,
    readonly gatewayPort: number,
    readonly pgPort: number,
    readonly logFile: string,
    private readonly extraEnv: Record<string, string>,
    /** The web dashboard `npm start` serves beside the API (unless DASHBOARD=off in `env`). */
    readonly dashboardPort: number,
  ) {}

  /** `env`: more environment for the process (e.g. LOG_FORMAT, an OTLP endpoint). */
  static async create(dataDir: string, logDir: string, env: Record<string, string> = {}): Promise<EmbeddedProcess> {
    mkdirSync(logDir, { recursive: true });
    return new EmbeddedProcess(dataDir, await freePort(), await freePort(), path.join(logDir, 'all-in-one.log'), env, await freePort());
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  get dashboardUrl(): string {
    return `http://127.0.0.1:${this.dashboardPort}`;
  }

  get databaseUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.pgPort}/postgres`;
  }

  async start(): Promise<void> {
    const ports: Record<string, string> = {};
    for (const name of ['STRATEGY', 'CONTENT', 'CREATIVE', 'SCHEDULER', 'POSTING', 'ANALYTICS']) {
      this.servicePorts[name] ??= await freePort();
      ports[`${name}_PORT`] = String(this.servicePorts[name]);
    }
    const log = createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, [...EMBEDDED_NODE_FLAGS, path.join(REPO_ROOT, 'dist/apps/all-in-one/src/main.js')], {
      cwd: this.dataDir,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        DATA_DIR: this.dataDir,
        GATEWAY_PORT: String(this.gatewayPort),
        EMBEDDED_PG_PORT: String(this.pgPort),
        DASHBOARD_PORT: String(this.dashboardPort),
        SCHEDULER_TICK_MS: '200',
        OUTBOX_POLL_INTERVAL_MS: '500',
        BUS_RETRY_DELAYS_MS: '200,500',
        ...ports,
        ...this.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.pipe(log);
    this.child.stderr!.pipe(log);
    const child = this.child;
    await eventually('embedded system ready', async () => {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}; see ${this.logFile}`);
      const res = await fetch(`${this.gatewayUrl}/health/ready`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    }, 60_000, 200);
  }

  /** SIGTERM, as Ctrl-C or an orchestrator would; resolves when the process has exited. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      child.kill('SIGTERM');
    });
  }
}
