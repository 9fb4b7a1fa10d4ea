import { REPO_ROOT } from '@app/launcher';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { createTestDatabase, deleteNamespace, uniqueNamespace } from '@app/testing';
import path from 'node:path';

/** A misconfigured service stops with one readable line naming the variable, never a stack trace. */
function start(app: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/apps', app, 'src/main.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${result.stdout}${result.stderr}`.trim();
  return { status: result.status, output, lines: output.split('\n') };
}

describe('start-up errors', () => {
  it('names a malformed DATABASE_URL', () => {
    const run = start('strategy-svc', { DATABASE_URL: 'mysql://db.example/social' });
    expect(run.status).toBe(1);
    expect(run.lines).toEqual(['strategy-svc: invalid configuration: DATABASE_URL must be a URL starting with postgres:// or postgresql://, got "mysql://db.example/social"']);
  });

  it('names an unreachable database', () => {
    const run = start('posting-svc', { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/social' });
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.output).toMatch(/^posting-svc: DATABASE_URL: cannot reach postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/social: .*ECONNREFUSED/);
  });

  it('names an unreachable broker', () => {
    const run = start('analytics-svc', { RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:1', BUS_CONNECT_TIMEOUT_MS: '1000' });
    expect(run.status).toBe(1);
    expect(run.lines).toEqual(['analytics-svc: RABBITMQ_URL: cannot reach amqp://guest:***@127.0.0.1:1: no connection within 1000 ms']);
  });

  it('requires JWT_SECRET in production and lists every bad variable at once', () => {
    const run = start('gateway', { NODE_ENV: 'production', BUS_PREFETCH: 'lots' });
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.output).toContain('JWT_SECRET is required in production');
    expect(run.output).toContain('BUS_PREFETCH must be an integer');
  });

  it('npm start (all services in one process) names a malformed DATABASE_URL the same way', () => {
    const run = start('all-in-one', { DATABASE_URL: 'mysql://db.example/social' });
    expect(run.status).toBe(1);
    expect(run.lines).toEqual(['analytics-svc: invalid configuration: DATABASE_URL must be a URL starting with postgres:// or postgresql://, got "mysql://db.example/social"']);
  });

  it('npm start names a malformed RABBITMQ_URL', () => {
    const run = start('all-in-one', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x', RABBITMQ_URL: 'kafka://broker' });
    expect(run.status).toBe(1);
    expect(run.lines).toHaveLength(1);
    expect(run.output).toMatch(/^analytics-svc: invalid configuration: RABBITMQ_URL must be /);
  });

  it('names the port variable when the port is taken', async () => {
    const db = await createTestDatabase('port');
    const namespace = uniqueNamespace();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = start('analytics-svc', { ANALYTICS_PORT: String(port), DATABASE_URL: db.url, BUS_NAMESPACE: namespace });
      expect(run.status).toBe(1);
      // It got as far as the HTTP listener, so its start-up log precedes the error: the error is the last
      // line, and no stack trace is printed.
      expect(run.lines[run.lines.length - 1]).toBe(`analytics-svc: invalid configuration: ANALYTICS_PORT (or PORT) ${port} is already in use on 127.0.0.1: stop what uses it or choose another port`);
      expect(run.output).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
      await deleteNamespace(namespace, ['analytics-svc'], [1000, 5000, 30000, 120000]);
      await db.drop();
    }
  });
});
