import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';

export const SERVICE_NAMES = ['gateway', 'strategy-svc', 'content-svc', 'creative-svc', 'scheduler-svc', 'posting-svc', 'analytics-svc'] as const;
export type ServiceProcessName = (typeof SERVICE_NAMES)[number];

/** Repository root (this file is at libs/launcher/src or dist/libs/launcher/src). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../../..' : '../../..');

export interface LaunchOptions {
  /** Environment for every service (DATABASE_URL, RABBITMQ_URL, BUS_NAMESPACE, ...). */
  env: Record<string, string | undefined>;
  /** Fixed ports, or free ports picked at random when absent. */
  ports?: Partial<Record<ServiceProcessName, number>>;
  /** Where each service's output goes: a folder of log files, or the terminal with a name prefix. */
  output: { logDir: string } | 'prefixed';
  readyTimeoutMs?: number;
  /** Which services to run (default: all seven). */
  only?: readonly ServiceProcessName[];
  /** More than one process of a service (replicas share database and queue); extra ones are named `name#2`, … */
  replicas?: Partial<Record<ServiceProcessName, number>>;
}

/** Ports this process already handed out: the kernel may offer a just-closed port again. */
const handedOut = new Set<number>();

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A port nothing listens on now, and never one this process returned before: two services of one group given
 * the same port would have the second fail to listen while the first answered the readiness probes for both.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function prefixed(name: string): Writable {
  let rest = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${name.padEnd(13)} | ${line}\n`);
      done();
    },
  });
}

/**
 * Runs the seven services from the build as separate processes, as in production, and waits until each
 * reports ready (database, broker and its consumers). Used by `npm start`, the e2e tests and the benchmark.
 */
export class ServiceGroup {
  private constructor(
    /** The port of each service's first process. */
    readonly ports: Record<ServiceProcessName, number>,
    /** Every process by instance name (`posting-svc`, `posting-svc#2`, …). */
    readonly children: Map<string, ChildProcess>,
    private readonly instancePorts: Map<string, number>,
    private readonly logDir?: string,
  ) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  static async launch(options: LaunchOptions): Promise<ServiceGroup> {
    const logDir = options.output === 'prefixed' ? undefined : options.output.logDir;
    if (logDir) mkdirSync(logDir, { recursive: true });
    const services = options.only ?? SERVICE_NAMES;
    const ports = {} as Record<ServiceProcessName, number>;
    for (const name of SERVICE_NAMES) ports[name] = options.ports?.[name] ?? (await freePort());
    const instances: Array<{ name: ServiceProcessName; instance: string; port: number }> = [];
    for (const name of services) {
      for (let i = 1; i <= (options.replicas?.[name] ?? 1); i++) instances.push({ name, instance: i === 1 ? name : `${name}#${i}`, port: i === 1 ? ports[name] : await freePort() });
    }
    const group = new ServiceGroup(ports, new Map(), new Map(instances.map((i) => [i.instance, i.port])), logDir);
    for (const { name, instance, port } of instances) {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/apps', name, 'src/main.js')], {
        cwd: REPO_ROOT,
        env: { CREATIVE_URL: `http://127.0.0.1:${ports['creative-svc']}`, POSTING_URL: `http://127.0.0.1:${ports['posting-svc']}`, ANALYTICS_URL: `http://127.0.0.1:${ports['analytics-svc']}`, ...options.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const sink = logDir ? createWriteStream(path.join(logDir, `${instance.replace('#', '-')}.log`)) : prefixed(instance);
      child.stdout!.pipe(sink);
      child.stderr!.pipe(sink);
      group.children.set(instance, child);
    }
    try {
      await Promise.all(instances.map(({ instance }) => group.waitReady(instance, options.readyTimeoutMs ?? 60_000)));
    } catch (error) {
      await group.stop();
      throw error;
    }
    return group;
  }

  /** The port of one process (`posting-svc#2`, …). */
  portOf(instance: string): number {
    return this.instancePorts.get(instance)!;
  }

  async waitReady(name: string, timeoutMs: number): Promise<void> {
    const child = this.children.get(name)!;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${name} exited with status ${child.exitCode}\n${this.logTail(name)}`);
      const res = await fetch(`http://127.0.0.1:${this.portOf(name)}/health/ready`).catch(() => undefined);
      if (res?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${name} not ready after ${timeoutMs} ms\n${this.logTail(name)}`);
  }

  logTail(name: string, lines = 40): string {
    if (!this.logDir) return '';
    try {
      return readFileSync(path.join(this.logDir, `${name.replace('#', '-')}.log`), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** SIGTERM to every service (graceful drain), SIGKILL to any still running after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    await Promise.all([...this.children.values()].map((child) => stopChild(child, graceMs)));
  }
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Node flags for a process that runs the embedded PostgreSQL (package.json's start and demo scripts use the
 * same): V8's baseline WebAssembly compiler only. Tiering PGlite's large module up to optimised code made
 * memory peak above 1 GiB; with Liftoff only it stays under 200 MiB at about half the query speed.
 */
export const EMBEDDED_NODE_FLAGS = ['--liftoff-only'];
