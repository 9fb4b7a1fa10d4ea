/**
 * Static validation of the deployables: Dockerfile, scripts/docker-entrypoint.sh, docker-compose.yml and the
 * Kustomize overlays in k8s/. Real tools on the real files (deploy-tools.ts says which and why); every check
 * has a negative test showing it rejects a broken input. No container engine, no cluster, no network.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERVICES, ServiceName } from '@app/config';
import { DockerfileParser, Env, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parse } from 'yaml';
import {
  Kustomize,
  Obj,
  REPO,
  composeSchemaPath,
  describeAjvErrors,
  findKustomize,
  interpolate,
  parseCompose,
  quantity,
  renderKustomize,
  repoFile,
  strictKubernetesTypes,
  validateCompose,
  validateKubernetesSchemas,
} from './deploy-tools';

const APPS = Object.keys(SERVICES) as ServiceName[];
/** The agent services (everything but the gateway): each must scale horizontally. */
const AGENTS = APPS.filter((a) => a !== 'gateway');
/** `<SVC>_PORT`, as libs/config reads it. */
const portVar = (app: ServiceName) => `${app.replace('-svc', '').toUpperCase()}_PORT`;
const SHUTDOWN_GRACE_MS_DEFAULT = 25_000;
const SECRET_NAME = 'agentic-social-secrets';
/**
 * The web dashboard (apps/dashboard, Next.js `next start`): the eighth long-running deployable of the image, not
 * one of the NestJS services of SERVICES. Port 3001, GET /healthz, no database, broker or secret; its server
 * calls the gateway at GATEWAY_URL. Next.js may write to apps/dashboard/.next/cache under the image's WORKDIR.
 */
const DASHBOARD = 'dashboard';
const DASHBOARD_PORT = 3001;
const DASHBOARD_CACHE = '/app/apps/dashboard/.next/cache';
/** What runs as a long-lived container (compose service, Kubernetes Deployment): the seven services and the dashboard. */
const DEPLOYABLES: string[] = [...APPS, DASHBOARD];
const portOf = (deployable: string) => (deployable === DASHBOARD ? DASHBOARD_PORT : SERVICES[deployable as ServiceName].port);
const packageJson = () => JSON.parse(repoFile('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

// ==========================================================================================================
describe('Dockerfile', () => {
  const text = repoFile('Dockerfile');
  const dockerfile = DockerfileParser.parse(text);
  const instructions = dockerfile.getInstructions();
  const args = (i: Instruction) => i.getArguments().map((a) => a.getValue());
  /** `--name=value` flags of COPY, RUN…, e.g. flag(copy, 'from'). */
  const flag = (i: Instruction, name: string) =>
    i instanceof ModifiableInstruction ? i.getFlags().find((f) => f.getName() === name)?.getValue() ?? undefined : undefined;

  /** Instructions grouped by stage (each starts at its FROM). */
  const stages: { name: string | null; image: string; body: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, , name] = args(instruction);
      stages.push({ name: name ?? null, image, body: [] });
    } else if (stages.length > 0) stages[stages.length - 1].body.push(instruction);
  }
  const finalStage = stages[stages.length - 1];
  const initialArgs = new Map(dockerfile.getInitialARGs().map((a) => [a.getProperty()?.getName(), a.getProperty()?.getValue()]));
  const resolve = (image: string) => image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, n: string) => initialArgs.get(n) ?? '');
  const run = (stage: (typeof stages)[number]) => stage.body.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '').join('\n');

  it('passes dockerfile-utils validation (and that validator rejects a broken Dockerfile)', () => {
    expect(validateDockerfile(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    const broken = text.replace(/^EXPOSE .*$/m, 'EXPOSE http').replace('COPY --chmod=', 'COPY --chmood=');
    const problems = validateDockerfile(broken).map((d) => d.message);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/Invalid containerPort: http/), expect.stringMatching(/Unknown flag: chmood/)]));
  });

  it('is multi-stage on a Node 24 slim base pinned by tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nvmrc = repoFile('.nvmrc').trim();
    for (const stage of stages) {
      const image = resolve(stage.image);
      // node:<major>.<minor>.<patch>-<debian>-slim, never a floating major or latest.
      expect(image).toMatch(new RegExp(`^node:${nvmrc}\\.\\d+\\.\\d+-[a-z]+-slim(@sha256:[0-9a-f]{64})?$`));
    }
  });

  it('builds with npm ci + npm run build and ships production dependencies only', () => {
    const build = stages.find((s) => /npm run build/.test(run(s)));
    expect(build).toBeDefined();
    expect(run(build!)).toMatch(/npm ci\b/);
    expect(run(build!)).toMatch(/make-pglite-template\.js/);
    // The final stage's node_modules come from a stage that installed with --omit=dev.
    const nodeModulesCopy = finalStage.body.find((i) => i.getKeyword() === 'COPY' && args(i).some((a) => /node_modules$/.test(a)) && flag(i, 'from'));
    expect(nodeModulesCopy).toBeDefined();
    const deps = stages.find((s) => s.name === flag(nodeModulesCopy!, 'from'));
    expect(run(deps!)).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(run(deps!)).toMatch(/--ignore-scripts/);
    expect(text).not.toMatch(/npm install\b/);
    expect(run(finalStage)).not.toMatch(/npm (ci|install)/);
  });

  it('builds the dashboard (npm run build:dashboard) after npm ci and ships its .next without the cache, with next.config.mjs', () => {
    // The script the build stage runs: `next build apps/dashboard`, telemetry off (no network in the build).
    expect(packageJson().scripts['build:dashboard']).toMatch(/^NEXT_TELEMETRY_DISABLED=1 next build apps\/dashboard$/);
    // `next start` runs on production dependencies only: next, react and react-dom must be among them.
    for (const dependency of ['next', 'react', 'react-dom']) {
      expect([dependency, packageJson().dependencies[dependency] !== undefined, packageJson().devDependencies[dependency]]).toEqual([dependency, true, undefined]);
    }
    // In the stage with every dependency (tailwindcss and postcss are dev dependencies), after npm ci.
    const build = stages.find((s) => /npm run build:dashboard\b/.test(run(s)));
    expect(build).toBeDefined();
    const commands = run(build!);
    expect(commands).toMatch(/npm ci\b/);
    expect(commands).not.toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(commands.indexOf('npm ci')).toBeLessThan(commands.indexOf('npm run build:dashboard'));
    // Telemetry off in the build stage too (whatever the script says).
    const buildEnv = new Map<string, string | null>();
    for (const i of build!.body) if (i instanceof Env) for (const p of i.getProperties()) buildEnv.set(p.getName(), p.getValue());
    expect(buildEnv.get('NEXT_TELEMETRY_DISABLED')).toBe('1');
    // The final stage gets the dashboard from that stage: a staged copy of apps/dashboard with .next (its cache
    // removed) and next.config.mjs, and never node_modules from it (dev dependencies stay out).
    const fromBuild = finalStage.body.filter((i) => i.getKeyword() === 'COPY' && flag(i, 'from') === build!.name);
    expect(fromBuild.some((i) => /node_modules/.test(args(i).slice(0, -1).join(' ')))).toBe(false);
    const dashboardCopy = fromBuild.find((i) => /^(\.\/|\/app\/)?apps\/dashboard\/?$/.test(args(i)[args(i).length - 1]));
    expect(dashboardCopy).toBeDefined();
    const [staged] = args(dashboardCopy!);
    const stagedDir = staged.replace(/\/+$/, '');
    expect(stagedDir).not.toBe('/app/apps/dashboard'); // not the build tree itself: it holds the cache and the sources
    const escaped = stagedDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(commands).toMatch(new RegExp(`cp -R apps/dashboard/\\.next ${escaped}/\\.next\\b`));
    expect(commands).toMatch(new RegExp(`rm -rf ${escaped}/\\.next/cache\\b`));
    expect(commands).toMatch(new RegExp(`cp apps/dashboard/next\\.config\\.mjs ${escaped}/`));
    // apps/dashboard/package.json if there is one (there is none now: conditional copy).
    expect(commands).toMatch(new RegExp(`if \\[ -f apps/dashboard/package\\.json \\]; then cp apps/dashboard/package\\.json ${escaped}/`));
    expect(commands).toMatch(/test -f apps\/dashboard\/\.next\/BUILD_ID/);
    expect(existsSync(path.join(REPO, 'apps/dashboard/next.config.mjs'))).toBe(true);
  });

  it('prepares the dashboard for a read-only root filesystem: its cache directory under WORKDIR is writable by uid 10001', () => {
    const workdirs = finalStage.body.filter((i) => i.getKeyword() === 'WORKDIR').map((i) => args(i)[0]);
    expect(workdirs[workdirs.length - 1]).toBe('/app');
    expect(DASHBOARD_CACHE).toBe(`${workdirs[workdirs.length - 1]}/apps/dashboard/.next/cache`);
    const commands = run(finalStage);
    expect(commands).toMatch(new RegExp(`mkdir -p [^\\n&]*${DASHBOARD_CACHE.replace(/\./g, '\\.')}`));
    expect(commands).toMatch(new RegExp(`chown 10001:10001 [^\\n&]*${DASHBOARD_CACHE.replace(/\./g, '\\.')}`));
    const env = new Map<string, string | null>();
    for (const i of finalStage.body) if (i instanceof Env) for (const p of i.getProperties()) env.set(p.getName(), p.getValue());
    expect(env.get('NEXT_TELEMETRY_DISABLED')).toBe('1');
    const exposed = finalStage.body.filter((i) => i.getKeyword() === 'EXPOSE').flatMap((i) => args(i).map(Number));
    expect(exposed.sort((a, b) => a - b)).toEqual(DEPLOYABLES.map(portOf).sort((a, b) => a - b));
  });

  it('runs as a non-root user with NODE_ENV=production and HOST=0.0.0.0, through the entrypoint script', () => {
    const users = finalStage.body.filter((i) => i.getKeyword() === 'USER').map((i) => args(i)[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).toMatch(/^(10001(:10001)?|node)$/);
    const env = new Map<string, string | null>();
    for (const i of finalStage.body) if (i instanceof Env) for (const p of i.getProperties()) env.set(p.getName(), p.getValue());
    expect(env.get('NODE_ENV')).toBe('production');
    expect(env.get('HOST')).toBe('0.0.0.0');
    const entrypoint = finalStage.body.filter((i) => i.getKeyword() === 'ENTRYPOINT').pop();
    // Exec form (JSON array): the script is PID 1 and execs node, so SIGTERM reaches node.
    expect(JSON.parse(entrypoint!.getArgumentsContent()!)).toEqual(['/app/scripts/docker-entrypoint.sh']);
    const copied = finalStage.body.find((i) => i.getKeyword() === 'COPY' && args(i).includes('scripts/docker-entrypoint.sh'));
    expect(copied).toBeDefined();
  });

  it('copies only files that exist and that .dockerignore keeps in the build context', () => {
    const ignore = repoFile('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    // Docker's matching, for the patterns used: `*` within a path segment, `**/` any leading directories.
    const segment = (part: string) => part.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
    const globToRegExp = (glob: string) => new RegExp(`^${glob.split('**/').map(segment).join('(?:.*/)?')}(?:/.*)?$`);
    const ignored = (file: string) => ignore.some((pattern) => globToRegExp(pattern.replace(/^\/+|\/+$/g, '')).test(file));
    const sources = instructions
      .filter((i) => i.getKeyword() === 'COPY' && !flag(i, 'from'))
      .flatMap((i) => args(i).slice(0, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect([source, existsSync(path.join(REPO, source))]).toEqual([source, true]);
      expect([source, ignored(source)]).toEqual([source, false]);
    }
    // The matcher itself: the local state and secrets are excluded, a local dashboard build too.
    for (const file of ['node_modules/x', 'dist/apps/x.js', 'data/pglite', '.git/HEAD', '.env', 'test-artifacts/logs/a.log', 'apps/gateway/src/a.spec.ts', 'apps/dashboard/.next/BUILD_ID', 'apps/dashboard/.next/cache/images/x']) {
      expect([file, ignored(file)]).toEqual([file, true]);
    }
    // Everything `next build apps/dashboard` reads stays in the context (sources, styles, next/postcss/ts configs);
    // only its tests may be left out.
    const dashboardFiles: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
        const relative = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (!['.next', 'node_modules'].includes(entry.name)) walk(relative);
        } else dashboardFiles.push(relative);
      }
    };
    walk('apps/dashboard');
    expect(dashboardFiles).toEqual(expect.arrayContaining(['apps/dashboard/next.config.mjs', 'apps/dashboard/postcss.config.mjs', 'apps/dashboard/tsconfig.json']));
    for (const file of dashboardFiles) expect([file, ignored(file)]).toEqual([file, /\.(spec|test)\.tsx?$/.test(file)]);
    // The dashboard imports libs/contracts: copied with libs/.
    expect(sources).toEqual(expect.arrayContaining(['apps', 'libs']));
  });
});

// ==========================================================================================================
describe('scripts/docker-entrypoint.sh', () => {
  const script = path.join(REPO, 'scripts/docker-entrypoint.sh');
  let fakeBin: string;

  beforeAll(() => {
    // A stand-in `node` that prints its pid and arguments: with `exec`, its pid is the shell's.
    fakeBin = mkdtempSync(path.join(os.tmpdir(), 'entrypoint-'));
    writeFileSync(path.join(fakeBin, 'node'), '#!/bin/sh\necho "$$ $*"\n');
    chmodSync(path.join(fakeBin, 'node'), 0o755);
  });
  afterAll(() => rmSync(fakeBin, { recursive: true, force: true }));

  const entryWith = (env: Record<string, string | undefined>, ...argv: string[]) => {
    const result = spawnSync('/bin/sh', [script, ...argv], { encoding: 'utf8', env: { ...process.env, ...env, PATH: `${fakeBin}${path.delimiter}${process.env.PATH}` } });
    return { ...result, stdout: result.stdout.trim() };
  };
  const entry = (...argv: string[]) => entryWith({}, ...argv);

  it('is POSIX sh (checked by /bin/sh -n, dash on Debian) and executable', () => {
    const check = spawnSync('/bin/sh', ['-n', script], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(readFileSync(script, 'utf8')).toMatch(/^#!\/bin\/sh\n/);
    // And `sh -n` does catch a syntax error.
    const brokenFile = path.join(fakeBin, 'broken.sh');
    writeFileSync(brokenFile, readFileSync(script, 'utf8').replace('esac', ''));
    expect(spawnSync('/bin/sh', ['-n', brokenFile]).status).not.toBe(0);
  });

  it.each([
    ...APPS.map((app) => [app, [], `dist/apps/${app}/src/main.js`] as const),
    ['all-in-one', [], '--liftoff-only dist/apps/all-in-one/src/main.js'] as const,
    ['migrate', [], 'dist/apps/all-in-one/src/migrate.js'] as const,
    ['dlq', ['posting-svc', 'list', '5'], 'dist/libs/launcher/src/dlq.js posting-svc list 5'] as const,
  ])('%s execs node %s', (command, extra, expected) => {
    const result = entry(command, ...extra);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // "<pid> <args>": the pid is the shell's own (exec: node replaces it and receives the signals).
    expect(result.stdout).toBe(`${result.pid} ${expected}`);
    // The script it runs is built from a source file of the repository (tsconfig rootDir "." -> dist/).
    const target = expected.split(' ').find((a) => a.endsWith('.js'))!;
    const source = target.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect([source, existsSync(path.join(REPO, source))]).toEqual([source, true]);
  });

  it('dashboard execs `next start apps/dashboard` on PORT (default 3001), on every interface', () => {
    // PORT unset (spawnSync leaves out undefined variables), then set.
    const run = (port: string | undefined) => entryWith({ PORT: port }, 'dashboard');
    const byDefault = run(undefined);
    expect(byDefault.stderr).toBe('');
    expect(byDefault.status).toBe(0);
    expect(byDefault.stdout).toBe(`${byDefault.pid} node_modules/next/dist/bin/next start apps/dashboard --port ${DASHBOARD_PORT} --hostname 0.0.0.0`);
    const onPort = run('4000');
    expect(onPort.stdout).toBe(`${onPort.pid} node_modules/next/dist/bin/next start apps/dashboard --port 4000 --hostname 0.0.0.0`);
    // What it runs exists (relative to the application directory, like dist/): next's CLI and the app's config.
    expect(existsSync(path.join(REPO, 'node_modules/next/dist/bin/next'))).toBe(true);
    expect(existsSync(path.join(REPO, 'apps/dashboard/next.config.mjs'))).toBe(true);
    // Same default port as `npm run start:dashboard`.
    const start = packageJson().scripts['start:dashboard'];
    if (start !== undefined) expect(/--port \$\{[A-Z_]+:-(\d+)\}/.exec(start)?.[1]).toBe(String(DASHBOARD_PORT));
  });

  it.each([['bogus'], ['Gateway'], ['Dashboard'], ['']])('rejects %j with the usage and exit status 2', (command) => {
    const result = command === '' ? entry() : entry(command);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/usage:/);
    expect(result.stderr).toMatch(/gateway \| strategy-svc/);
    expect(result.stderr).toMatch(/^  dashboard /m);
  });

  it('prints the usage on help, exit 0', () => {
    const result = entry('help');
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/migrate/);
    expect(result.stderr).toMatch(/dashboard[^\n]*PORT[^\n]*3001[^\n]*\/healthz/);
    expect(result.stderr).toMatch(/GATEWAY_URL/);
  });
});

// ==========================================================================================================
describe('docker-compose.yml', () => {
  const text = repoFile('docker-compose.yml');
  const compose = parseCompose(text);
  const services = compose.services as Record<string, Obj>;
  const env = (service: string): Record<string, string> => {
    const raw = services[service].environment as Obj;
    expect(Array.isArray(raw)).toBe(false); // map form everywhere
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
  };
  const durationMs = (value: string) => {
    const match = /^(\d+)(ms|s|m)$/.exec(value);
    if (!match) throw new Error(`unsupported duration ${value}`);
    return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
  };

  it('validates against the Compose Specification schema (and the schema rejects broken documents)', () => {
    expect(describeAjvErrors(validateCompose(compose))).toBe('');
    // The schema is the Compose Specification (title and current keys), not the old v3 file format.
    const schema = JSON.parse(readFileSync(composeSchemaPath(), 'utf8')) as Obj;
    expect(schema.title).toBe('Compose Specification');
    const broken = (mutate: (doc: Obj) => void) => {
      const doc = parseCompose(text);
      mutate(doc);
      return validateCompose(doc);
    };
    expect(broken((d) => (d.services.gateway.depends_on.migrate.condition = 'service_finished'))).not.toEqual([]);
    expect(broken((d) => (d.services.gateway.restart_policy = 'always'))).not.toEqual([]);
    expect(broken((d) => (d.services.gateway.ports = 3000))).not.toEqual([]);
    expect(broken((d) => (d.services.postgres.healthcheck.tests = ['CMD', 'true']))).not.toEqual([]);
    expect(broken((d) => (d.services.migrate.depends_on.postgres = { restart: true }))).not.toEqual([]);
    expect(broken((d) => (d.volumes['bad name!'] = {}))).not.toEqual([]);
  });

  it("passes dclint's correctness rules (which catch a duplicated host port)", () => {
    // Style rules (ordering) are off; no-build-and-image is off on purpose: every app service declares the
    // same image and build, so Compose builds the image once; the gateway is published on all interfaces.
    const rules: Record<string, number | [number, Obj]> = {
      'no-build-and-image': 0,
      'no-duplicate-container-names': 2,
      'no-duplicate-exported-ports': 2,
      'no-quotes-in-volumes': 2,
      'no-unbound-port-interfaces': 0,
      'no-version-field': 2,
      'require-project-name-field': 2,
      'require-quotes-in-ports': [2, { quoteType: 'double' }],
      'service-container-name-regex': 2,
      'service-dependencies-alphabetical-order': 0,
      'service-image-require-explicit-tag': 2,
      'service-keys-order': 0,
      'service-ports-alphabetical-order': 0,
      'services-alphabetical-order': 0,
      'top-level-properties-order': 0,
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DCLinter } = require('dclint') as { DCLinter: new (config: Obj) => { lintFiles(paths: string[], recursive: boolean): { messages: Obj[] }[] } };
    const lint = (file: string) => new DCLinter({ rules, quiet: true, debug: false, exclude: [] }).lintFiles([file], false).flatMap((r) => r.messages);
    expect(lint(path.join(REPO, 'docker-compose.yml')).map((m) => `${m.rule}: ${m.message}`)).toEqual([]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compose-'));
    try {
      const duplicated = text.replace('"127.0.0.1:15672:15672"', '"127.0.0.1:15672:15672"\n      - "3000:3000"');
      writeFileSync(path.join(dir, 'docker-compose.yml'), duplicated);
      expect(lint(path.join(dir, 'docker-compose.yml')).map((m) => m.rule)).toContain('no-duplicate-exported-ports');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs PostgreSQL, RabbitMQ with its management UI, the migration, the seven services and the dashboard', () => {
    expect(Object.keys(services).sort()).toEqual(['migrate', 'postgres', 'rabbitmq', ...DEPLOYABLES].sort());
    // Official images pinned to a major (PostgreSQL) and a minor (RabbitMQ) version.
    expect(services.postgres.image).toMatch(/^postgres:\d+(\.\d+)?(-[a-z]+)?$/);
    expect(services.rabbitmq.image).toMatch(/^rabbitmq:\d+\.\d+(\.\d+)?-management(-[a-z]+)?$/);
  });

  it('keeps PostgreSQL on a volume, creates the database and checks readiness with pg_isready', () => {
    const pg = services.postgres;
    const major = Number(/^postgres:(\d+)/.exec(pg.image)![1]);
    const mounts = (pg.volumes as string[]).map((v) => v.split(':'));
    // 18+ images keep data in /var/lib/postgresql/<major>/docker: a volume must sit at /var/lib/postgresql.
    expect(mounts).toContainEqual([expect.any(String), major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data']);
    for (const [volume] of mounts) expect(Object.keys(compose.volumes)).toContain(volume);
    expect(JSON.stringify(pg.healthcheck.test)).toMatch(/pg_isready/);
    // Production never creates the database (DATABASE_AUTO_CREATE=false): the image must, with this name.
    const databaseUrl = new URL(interpolate(env('gateway').DATABASE_URL));
    expect(databaseUrl.hostname).toBe('postgres');
    expect(`/${env('postgres').POSTGRES_DB}`).toBe(databaseUrl.pathname);
    expect(env('postgres').POSTGRES_USER).toBe(databaseUrl.username);
    expect(env('postgres').POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?.+\}$/);
  });

  it('keeps RabbitMQ on a volume under a fixed node name and checks it with rabbitmq-diagnostics', () => {
    const mq = services.rabbitmq;
    expect(mq.hostname).toBe('rabbitmq');
    expect((mq.volumes as string[]).map((v) => v.split(':')[1])).toContain('/var/lib/rabbitmq');
    expect(mq.healthcheck.test.slice(0, 2)).toEqual(['CMD', 'rabbitmq-diagnostics']);
    const amqp = new URL(interpolate(env('gateway').RABBITMQ_URL));
    expect(amqp.hostname).toBe('rabbitmq');
    expect(amqp.username).toBe(env('rabbitmq').RABBITMQ_DEFAULT_USER);
  });

  it('publishes only the gateway (3000), the dashboard (3001) and the RabbitMQ management UI (15672)', () => {
    const published = Object.entries(services).flatMap(([name, s]) => ((s.ports ?? []) as string[]).map((p) => `${name}->${String(p).split(':').pop()}`));
    expect(published.sort()).toEqual(['dashboard->3001', 'gateway->3000', 'rabbitmq->15672']);
    for (const s of Object.values(services)) expect(s.network_mode).toBeUndefined();
  });

  it('runs the migration once, before every service, on a healthy database', () => {
    const migrate = services.migrate;
    expect(migrate.command).toEqual(['migrate']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(env('migrate').DATABASE_MIGRATE).toBe('run');
    for (const app of APPS) {
      expect([app, services[app].depends_on]).toEqual([
        app,
        { postgres: { condition: 'service_healthy' }, rabbitmq: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } },
      ]);
      // Migrations are the migrate service's: a service finding one pending refuses to start.
      expect([app, env(app).DATABASE_MIGRATE]).toEqual([app, 'verify']);
    }
  });

  it.each(APPS)('%s: same image, its command, port, readiness healthcheck, production settings', (app) => {
    const s = services[app];
    const port = SERVICES[app].port;
    expect(s.image).toBe(services.migrate.image);
    expect(s.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(s.command).toEqual([app]);
    const e = env(app);
    expect(e[portVar(app)]).toBe(String(port));
    expect(e.NODE_ENV).toBe('production');
    expect(e.HOST).toBe('0.0.0.0');
    expect(e.LOG_FORMAT).toBe('json');
    expect(e.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    // Healthcheck: node's fetch on the service's own /health/ready (slim images have no curl).
    const [form, binary, flag, code] = s.healthcheck.test as string[];
    expect([form, binary, flag]).toEqual(['CMD', 'node', '-e']);
    expect(code).toContain(`fetch('http://127.0.0.1:${port}/health/ready')`);
    expect(code).toMatch(/process\.exit\(r\.ok\?0:1\)/);
    // SIGKILL only after SHUTDOWN_GRACE_MS plus a margin.
    const grace = Number(e.SHUTDOWN_GRACE_MS ?? SHUTDOWN_GRACE_MS_DEFAULT);
    expect(durationMs(s.stop_grace_period)).toBeGreaterThanOrEqual(grace + 5_000);
    // Read-only root filesystem; DATA_DIR and /tmp are writable tmpfs.
    expect(s.read_only).toBe(true);
    expect(s.tmpfs).toEqual(expect.arrayContaining(['/tmp', e.DATA_DIR]));
    expect(s.cap_drop).toEqual(['ALL']);
    expect(s.security_opt).toContain('no-new-privileges:true');
  });

  it('dashboard: same image, its command, port 3001, /healthz healthcheck, GATEWAY_URL, read-only with a tmpfs cache', () => {
    const s = services[DASHBOARD];
    expect(s.image).toBe(services.gateway.image);
    expect(s.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(s.command).toEqual([DASHBOARD]);
    expect(s.ports).toEqual([`${DASHBOARD_PORT}:${DASHBOARD_PORT}`]);
    const e = env(DASHBOARD);
    expect(e.PORT).toBe(String(DASHBOARD_PORT));
    expect(e.NODE_ENV).toBe('production');
    expect(e.NEXT_TELEMETRY_DISABLED).toBe('1');
    // Its server reaches the gateway on the compose network, at the gateway's own port.
    expect(e.GATEWAY_URL).toBe(`http://gateway:${SERVICES.gateway.port}`);
    expect(env('gateway').GATEWAY_PORT).toBe(String(SERVICES.gateway.port));
    // Plain http on localhost: the cookie is not forced Secure unless .env says so.
    expect(interpolate(e.COOKIE_SECURE)).toBe('false');
    expect(interpolate(e.COOKIE_SECURE, { COOKIE_SECURE: 'true' })).toBe('true');
    // No database, broker, admin API or secret.
    for (const name of Object.keys(e)) expect([name, /DATABASE|RABBITMQ|SECRET|TOKEN|_KEYS?$|PASSWORD/.test(name)]).toEqual([name, false]);
    // Starts after a healthy gateway only (it needs nothing else).
    expect(s.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
    const [form, binary, flagName, code] = s.healthcheck.test as string[];
    expect([form, binary, flagName]).toEqual(['CMD', 'node', '-e']);
    expect(code).toContain(`fetch('http://127.0.0.1:${DASHBOARD_PORT}/healthz')`);
    expect(code).toMatch(/process\.exit\(r\.ok\?0:1\)/);
    expect(s.healthcheck).toMatchObject({ interval: expect.any(String), timeout: expect.any(String), retries: expect.any(Number) });
    // Read-only root filesystem; /tmp and the Next.js cache (under the image's WORKDIR) are tmpfs.
    expect(s.read_only).toBe(true);
    expect(s.tmpfs).toEqual(expect.arrayContaining(['/tmp', DASHBOARD_CACHE]));
    expect(s.cap_drop).toEqual(['ALL']);
    expect(s.security_opt).toContain('no-new-privileges:true');
    expect(s.restart).toBe('unless-stopped');
    expect(durationMs(s.stop_grace_period)).toBeGreaterThanOrEqual(5_000);
  });

  it('gives each service the secrets it needs, only by interpolation with a clear message', () => {
    const needs: Partial<Record<ServiceName, string[]>> = {
      gateway: ['JWT_SECRET', 'MEDIA_SIGNING_KEY'],
      'posting-svc': ['TOKEN_ENCRYPTION_KEYS', 'MEDIA_SIGNING_KEY'],
    };
    for (const app of APPS) {
      const e = env(app);
      // Every service has the admin API (/admin/dead-letters).
      for (const name of [...(needs[app] ?? []), 'ADMIN_TOKEN']) expect([app, name, e[name]]).toEqual([app, name, expect.stringMatching(new RegExp(`^\\$\\{${name}:\\?set ${name} in \\.env`))]);
      for (const secret of ['JWT_SECRET', 'TOKEN_ENCRYPTION_KEYS', 'MEDIA_SIGNING_KEY']) {
        if (!(needs[app] ?? []).includes(secret)) expect([app, secret, e[secret]]).toEqual([app, secret, undefined]);
      }
    }
    // No literal credential anywhere: passwords and keys come from ${...}.
    for (const [name, s] of Object.entries(services)) {
      for (const [key, value] of Object.entries((s.environment ?? {}) as Obj)) {
        if (/PASSWORD|PASS$|SECRET|_KEYS?$|TOKEN/.test(key)) expect([name, key, String(value)]).toEqual([name, key, expect.stringMatching(/^\$\{[A-Z_]+(:[-?][^}]*)?\}$/)]);
      }
    }
  });

  it('.env.example lists every variable the file requires, with no value', () => {
    const example = new Map(
      repoFile('.env.example')
        .split('\n')
        .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
    );
    const required = [...new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*):\?/g)].map((m) => m[1]))];
    expect(required.sort()).toEqual(['ADMIN_TOKEN', 'JWT_SECRET', 'MEDIA_SIGNING_KEY', 'POSTGRES_PASSWORD', 'RABBITMQ_PASSWORD', 'TOKEN_ENCRYPTION_KEYS']);
    for (const name of required) expect([name, example.get(name)]).toEqual([name, '']);
    // Every variable the file reads is documented there.
    const used = [...new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]))];
    for (const name of used) expect([name, example.has(name)]).toEqual([name, true]);
  });

  it('points the internal URLs at the services that serve them', () => {
    for (const app of APPS) {
      for (const [key, value] of Object.entries(env(app)).filter(([k]) => /_URL$/.test(k) && !['DATABASE_URL', 'RABBITMQ_URL', 'PUBLIC_BASE_URL', 'OAUTH_RESULT_URL', 'OPENAI_BASE_URL'].includes(k))) {
        const url = new URL(value);
        const target = url.hostname as ServiceName;
        expect([app, key, target in SERVICES, url.port]).toEqual([app, key, true, String(SERVICES[target]?.port)]);
      }
    }
    expect(env('gateway')).toMatchObject({ POSTING_URL: 'http://posting-svc:3105', CREATIVE_URL: 'http://creative-svc:3103', ANALYTICS_URL: 'http://analytics-svc:3106' });
    expect(env('analytics-svc').POSTING_URL).toBe('http://posting-svc:3105');
    expect(env('posting-svc').CREATIVE_URL).toBe('http://creative-svc:3103');
    // The dashboard's only internal URL: the gateway.
    const gatewayUrl = new URL(env(DASHBOARD).GATEWAY_URL);
    expect([gatewayUrl.hostname, gatewayUrl.port]).toEqual(['gateway', String(SERVICES.gateway.port)]);
  });
});

// ==========================================================================================================
describe('Kubernetes manifests (k8s/, rendered by kustomize)', () => {
  let kustomize: Kustomize;
  const rendered: Record<'dev' | 'prod', Obj[]> = { dev: [], prod: [] };

  beforeAll(() => {
    // Fails (does not skip) without a kustomize: the message says what to install.
    kustomize = findKustomize();
    for (const overlay of ['dev', 'prod'] as const) {
      const result = renderKustomize(kustomize, path.join(REPO, 'k8s/overlays', overlay));
      if (result.status !== 0) throw new Error(`${kustomize.label} could not render k8s/overlays/${overlay}: ${result.stderr}`);
      // No deprecation warnings either (e.g. commonLabels, patchesStrategicMerge).
      if (result.stderr.trim()) throw new Error(`${kustomize.label} warned on k8s/overlays/${overlay}: ${result.stderr}`);
      rendered[overlay] = result.objects;
    }
  });

  const of = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);
  const byName = (objects: Obj[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const podTemplate = (workload: Obj): Obj => workload.spec.template;

  describe('the tools', () => {
    it('kustomize renders the base and fails on a broken kustomization', () => {
      const base = renderKustomize(kustomize, path.join(REPO, 'k8s/base'));
      expect(base.status).toBe(0);
      expect(of(base.objects, 'Deployment').map((d) => d.metadata.name).sort()).toEqual([...DEPLOYABLES].sort());
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
      try {
        writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
        const broken = renderKustomize(kustomize, dir);
        expect(broken.status).not.toBe(0);
        expect(broken.stderr).toMatch(/missing\.yaml/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('the schema validation rejects invalid objects', () => {
      const deployment = structuredClone(byName(rendered.prod, 'Deployment', 'gateway')!);
      const results = validateKubernetesSchemas([
        deployment,
        { ...deployment, spec: { ...deployment.spec, replicas: 'two' } },
        { ...deployment, spec: { ...deployment.spec, selector: undefined } },
        { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'typo' } },
        { ...structuredClone(byName(rendered.prod, 'Service', 'gateway')!), spec: { ports: [{ port: 'http' }] } },
      ]);
      expect(results.map((r) => r.error)).toEqual([
        null,
        expect.stringMatching(/replicas must be integer/),
        expect.stringMatching(/spec must have required property '?selector'?/),
        expect.stringMatching(/no Kubernetes schema for apps\/v1 Deploymnet/),
        expect.stringMatching(/port must be integer/),
      ]);
    });

    it('the strict pass rejects unknown fields and wrong enum values', () => {
      const deployment = structuredClone(byName(rendered.prod, 'Deployment', 'gateway')!);
      const typo = structuredClone(deployment);
      typo.spec.template.spec.containers[0].readinesProbe = typo.spec.template.spec.containers[0].readinessProbe;
      const misplaced = structuredClone(deployment);
      misplaced.spec.readOnlyRootFilesystem = true;
      const badEnum = structuredClone(deployment);
      badEnum.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
      expect(strictKubernetesTypes([deployment])).toEqual([]);
      const problems = strictKubernetesTypes([typo, misplaced, badEnum]);
      expect(problems).toEqual([
        expect.stringMatching(/readinesProbe.*does not exist/),
        expect.stringMatching(/readOnlyRootFilesystem.*does not exist/),
        expect.stringMatching(/"Sometimes".*not assignable/),
      ]);
    });
  });

  describe.each(['dev', 'prod'] as const)('overlay %s', (overlay) => {
    const objects = () => rendered[overlay];
    const deployments = () => of(objects(), 'Deployment');
    const workloads = () => [...deployments(), ...of(objects(), 'Job')];
    /** The generated ConfigMaps (name-hash suffixed): the services' agentic-social-config and the dashboard's dashboard-config. */
    const configMapObject = (name: 'agentic-social-config' | 'dashboard-config') => {
      const maps = of(objects(), 'ConfigMap');
      expect(maps.map((m) => m.metadata.name.replace(/-[a-z0-9]{10}$/, '')).sort()).toEqual(['agentic-social-config', 'dashboard-config']);
      return maps.find((m) => m.metadata.name.replace(/-[a-z0-9]{10}$/, '') === name)!;
    };
    const configMap = () => configMapObject('agentic-social-config').data as Record<string, string>;
    const dashboardConfig = () => configMapObject('dashboard-config').data as Record<string, string>;
    const container = (workload: Obj): Obj => {
      const containers = podTemplate(workload).spec.containers as Obj[];
      expect(containers).toHaveLength(1);
      return containers[0];
    };
    const envValue = (c: Obj, name: string) => (c.env as Obj[] | undefined)?.find((e) => e.name === name);
    const namespace = overlay === 'prod' ? 'agentic-social' : 'agentic-social-dev';

    it('every object validates against the Kubernetes schemas', () => {
      const invalid = validateKubernetesSchemas(objects()).filter((r) => r.error !== null);
      expect(invalid).toEqual([]);
    });

    it('every object passes the strict field check', () => {
      expect(strictKubernetesTypes(objects())).toEqual([]);
    });

    it('lives in its own namespace, with the restricted Pod Security Standard enforced', () => {
      const ns = of(objects(), 'Namespace');
      expect(ns.map((n) => n.metadata.name)).toEqual([namespace]);
      expect(ns[0].metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
      for (const o of objects().filter((x) => x.kind !== 'Namespace')) expect([o.kind, o.metadata.name, o.metadata.namespace]).toEqual([o.kind, o.metadata.name, namespace]);
    });

    it('renders no Secret (the template stays out of the kustomization)', () => {
      expect(of(objects(), 'Secret')).toEqual([]);
      const kustomizations = ['k8s/base/kustomization.yaml', 'k8s/overlays/dev/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml'];
      for (const k of kustomizations) expect(repoFile(k)).not.toMatch(/^\s*-\s*secret\.example\.yaml/m);
      // The template has every key the workloads read, and no value.
      const template = parse(repoFile('k8s/base/secret.example.yaml')) as Obj;
      expect(template.metadata.name).toBe(SECRET_NAME);
      expect(Object.values(template.stringData as Obj).every((v) => v === '')).toBe(true);
      const keys = Object.keys(template.stringData as Obj);
      for (const w of workloads()) {
        for (const e of (container(w).env ?? []) as Obj[]) {
          const ref = e.valueFrom?.secretKeyRef;
          if (!ref) continue;
          expect([w.metadata.name, e.name, ref.name, keys.includes(ref.key)]).toEqual([w.metadata.name, e.name, SECRET_NAME, true]);
        }
      }
    });

    it('has one Deployment and one ClusterIP Service per service and for the dashboard, with the common labels', () => {
      expect(deployments().map((d) => d.metadata.name).sort()).toEqual([...DEPLOYABLES].sort());
      expect(of(objects(), 'Service').map((s) => s.metadata.name).sort()).toEqual([...DEPLOYABLES].sort());
      for (const o of objects().filter((x) => x.kind !== 'Namespace')) {
        expect([o.kind, o.metadata.name, o.metadata.labels?.['app.kubernetes.io/part-of']]).toEqual([o.kind, o.metadata.name, 'agentic-social']);
      }
      for (const w of workloads()) {
        const labels = podTemplate(w).metadata.labels as Record<string, string>;
        expect(Object.keys(labels)).toEqual(expect.arrayContaining(['app.kubernetes.io/name', 'app.kubernetes.io/part-of', 'app.kubernetes.io/component']));
      }
      for (const app of DEPLOYABLES) {
        const d = byName(objects(), 'Deployment', app)!;
        const s = byName(objects(), 'Service', app)!;
        const labels = podTemplate(d).metadata.labels as Record<string, string>;
        expect(labels['app.kubernetes.io/name']).toBe(app);
        // Selectors select the pods; the Service port is the container's, so http://<app>:<port> works.
        expect(labels).toMatchObject(d.spec.selector.matchLabels);
        expect(labels).toMatchObject(s.spec.selector);
        expect(s.spec.type ?? 'ClusterIP').toBe('ClusterIP');
        expect(s.spec.ports).toEqual([expect.objectContaining({ port: portOf(app), targetPort: 'http' })]);
      }
    });

    it.each(APPS)('%s: image, command, port, probes, resources, graceful shutdown, metrics annotations', (app) => {
      const d = byName(objects(), 'Deployment', app)!;
      const pod = podTemplate(d).spec as Obj;
      const c = container(d);
      const port = SERVICES[app].port;
      expect(c.image).toBe(overlay === 'prod' ? 'registry.example.com/agentic-social:0.1.0' : 'agentic-social:dev');
      expect(c.args).toEqual([app]);
      expect(c.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
      expect(envValue(c, portVar(app))?.value).toBe(String(port));
      // Docker-link variables off: a Service named "gateway" would inject GATEWAY_PORT=tcp://…
      expect(pod.enableServiceLinks).toBe(false);
      const probe = (p: Obj | undefined) => p && { path: p.httpGet?.path, port: p.httpGet?.port };
      const targetsPort = (p: Obj) => p.httpGet.port === 'http' || p.httpGet.port === port;
      expect(probe(c.startupProbe)).toEqual({ path: '/health/ready', port: expect.anything() });
      expect(probe(c.readinessProbe)).toEqual({ path: '/health/ready', port: expect.anything() });
      expect(probe(c.livenessProbe)).toEqual({ path: '/health/live', port: expect.anything() });
      for (const p of [c.startupProbe, c.readinessProbe, c.livenessProbe]) expect(targetsPort(p)).toBe(true);
      // Resources: requests and limits for CPU and memory, requests within limits.
      for (const resource of ['cpu', 'memory']) {
        const request = quantity(c.resources.requests[resource]);
        const limit = quantity(c.resources.limits[resource]);
        expect([resource, request > 0, request <= limit]).toEqual([resource, true, true]);
      }
      // SIGTERM after the preStop sleep; then SHUTDOWN_GRACE_MS for in-flight work, within the grace period.
      const sleep = c.lifecycle.preStop.exec.command as string[];
      expect(sleep[0]).toBe('sleep');
      const sleepSeconds = Number(sleep[1]);
      expect(sleepSeconds).toBeGreaterThanOrEqual(2);
      expect(sleepSeconds).toBeLessThanOrEqual(15);
      const graceMs = Number(configMap().SHUTDOWN_GRACE_MS ?? SHUTDOWN_GRACE_MS_DEFAULT);
      expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(sleepSeconds * 1000 + graceMs);
      // Prometheus scrapes /metrics on the service's own port.
      expect(podTemplate(d).metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/path': '/metrics' });
      // Non-secret configuration from the rendered ConfigMap; DATABASE_URL and RABBITMQ_URL from the Secret.
      const cm = configMapObject('agentic-social-config');
      expect(c.envFrom).toEqual([{ configMapRef: { name: cm.metadata.name } }]);
      for (const name of ['DATABASE_URL', 'RABBITMQ_URL', 'ADMIN_TOKEN']) expect(envValue(c, name)?.valueFrom).toEqual({ secretKeyRef: { name: SECRET_NAME, key: name } });
      // Secrets a service does not use are not given to it.
      const given = ((c.env ?? []) as Obj[]).map((e) => e.name as string);
      expect(given.includes('JWT_SECRET')).toBe(app === 'gateway');
      expect(given.includes('TOKEN_ENCRYPTION_KEYS')).toBe(app === 'posting-svc');
      expect(given.includes('MEDIA_SIGNING_KEY')).toBe(app === 'gateway' || app === 'posting-svc');
    });

    it('dashboard: image, command, port 3001, /healthz probes, resources, its own ConfigMap, no secret, graceful shutdown', () => {
      const d = byName(objects(), 'Deployment', DASHBOARD)!;
      const pod = podTemplate(d).spec as Obj;
      const c = container(d);
      expect(c.image).toBe(container(byName(objects(), 'Deployment', 'gateway')!).image);
      expect(c.args).toEqual([DASHBOARD]);
      expect(c.ports).toEqual([{ name: 'http', containerPort: DASHBOARD_PORT, protocol: 'TCP' }]);
      expect(envValue(c, 'PORT')?.value).toBe(String(DASHBOARD_PORT));
      expect(pod.enableServiceLinks).toBe(false);
      expect(podTemplate(d).metadata.labels['app.kubernetes.io/component']).toBe('web');
      // GET /healthz (stateless: no database or broker behind it) for startup, readiness and liveness.
      for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe]) {
        expect(probe?.httpGet?.path).toBe('/healthz');
        expect(probe.httpGet.port === 'http' || probe.httpGet.port === DASHBOARD_PORT).toBe(true);
        expect(probe.timeoutSeconds).toBeGreaterThan(0);
      }
      // Sized for a Next.js server (about 100-150 MiB resident), not for the services.
      for (const resource of ['cpu', 'memory']) {
        const request = quantity(c.resources.requests[resource]);
        const limit = quantity(c.resources.limits[resource]);
        expect([resource, request > 0, request <= limit]).toEqual([resource, true, true]);
      }
      expect(quantity(c.resources.requests.memory)).toBeGreaterThanOrEqual(100 * 2 ** 20);
      expect(quantity(c.resources.limits.memory)).toBeGreaterThanOrEqual(192 * 2 ** 20);
      expect(quantity(c.resources.limits.memory)).toBeLessThanOrEqual(512 * 2 ** 20);
      // Only its own ConfigMap (not the services' one: dev's NODE_ENV=development would reach `next start`).
      const cm = configMapObject('dashboard-config');
      expect(c.envFrom).toEqual([{ configMapRef: { name: cm.metadata.name } }]);
      const data = dashboardConfig();
      expect(data.GATEWAY_URL).toBe(`http://gateway:${SERVICES.gateway.port}`);
      expect(data.NEXT_TELEMETRY_DISABLED).toBe('1');
      // HTTPS (prod, TLS on the Ingress): the session cookie always Secure; dev's Ingress is plain http.
      expect(data.COOKIE_SECURE).toBe(overlay === 'prod' ? 'true' : 'false');
      const secretKeys = Object.keys((parse(repoFile('k8s/base/secret.example.yaml')) as Obj).stringData as Obj);
      for (const key of Object.keys(data)) expect([key, secretKeys.includes(key)]).toEqual([key, false]);
      // No secret, no database, no broker.
      for (const e of (c.env ?? []) as Obj[]) expect([e.name, e.valueFrom]).toEqual([e.name, undefined]);
      expect(((c.env ?? []) as Obj[]).map((e) => e.name)).not.toEqual(expect.arrayContaining(['DATABASE_URL']));
      // SIGTERM after the preStop sleep, within the grace period.
      const sleep = c.lifecycle.preStop.exec.command as string[];
      expect(sleep[0]).toBe('sleep');
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(Number(sleep[1]));
      // No /metrics on the dashboard: no scrape annotations.
      expect(podTemplate(d).metadata.annotations?.['prometheus.io/scrape']).toBeUndefined();
    });

    it.each(['Deployment', 'Job'])('every %s runs non-root, read-only, without privileges, with emptyDir for /tmp and DATA_DIR', (kind) => {
      const dataDir = configMap().DATA_DIR;
      expect(dataDir).toMatch(/^\//);
      const list = of(objects(), kind);
      expect(list.length).toBeGreaterThan(0);
      for (const w of list) {
        const pod = podTemplate(w).spec as Obj;
        const c = container(w);
        const effective = (field: string) => c.securityContext?.[field] ?? pod.securityContext?.[field];
        expect([w.metadata.name, effective('runAsNonRoot')]).toEqual([w.metadata.name, true]);
        expect(effective('runAsUser')).toBeGreaterThan(0);
        expect(effective('runAsGroup')).toBeGreaterThan(0);
        expect(effective('seccompProfile')).toEqual({ type: 'RuntimeDefault' });
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(c.securityContext.privileged).not.toBe(true);
        expect(pod.automountServiceAccountToken).toBe(false);
        expect(pod.hostNetwork ?? false).toBe(false);
        // The dashboard writes no DATA_DIR, but Next.js' cache under the image's WORKDIR.
        for (const mountPath of ['/tmp', w.metadata.name === DASHBOARD ? DASHBOARD_CACHE : dataDir]) {
          const mount = (c.volumeMounts as Obj[]).find((m) => m.mountPath === mountPath);
          expect([w.metadata.name, mountPath, mount !== undefined]).toEqual([w.metadata.name, mountPath, true]);
          const volume = (pod.volumes as Obj[]).find((v) => v.name === mount!.name);
          expect(volume?.emptyDir).toBeDefined();
        }
      }
    });

    it('keeps configuration non-secret and production-safe', () => {
      const data = configMap();
      expect(data.HOST).toBe('0.0.0.0');
      expect(data.DATABASE_AUTO_CREATE).toBe('false');
      expect(data.DATABASE_MIGRATE).toBe('verify');
      expect(data.LOG_FORMAT).toBe('json');
      if (overlay === 'prod') {
        expect(data.NODE_ENV).toBe('production');
        expect(data.PUBLISH_WITHOUT_CONNECTION).toBe('fail');
        expect(data.PUBLIC_BASE_URL).toMatch(/^https:\/\//);
        expect(data.LOG_LEVEL).toBe('log');
      } else {
        expect(data.LOG_LEVEL).toBe('verbose');
      }
      const secretKeys = Object.keys((parse(repoFile('k8s/base/secret.example.yaml')) as Obj).stringData as Obj);
      for (const key of Object.keys(data)) expect([key, secretKeys.includes(key)]).toEqual([key, false]);
    });

    it('migrates with a Job that runs the migrate command once', () => {
      const jobs = of(objects(), 'Job');
      expect(jobs).toHaveLength(1);
      const job = jobs[0];
      const c = container(job);
      expect(c.args).toEqual(['migrate']);
      expect(c.image).toBe(container(byName(objects(), 'Deployment', 'gateway')!).image);
      expect(envValue(c, 'DATABASE_MIGRATE')?.value).toBe('run');
      expect(envValue(c, 'DATABASE_URL')?.valueFrom).toEqual({ secretKeyRef: { name: SECRET_NAME, key: 'DATABASE_URL' } });
      expect(['Never', 'OnFailure']).toContain(podTemplate(job).spec.restartPolicy);
      expect(job.spec.backoffLimit).toBeGreaterThan(0);
      expect(job.spec.backoffLimit).toBeLessThanOrEqual(6);
      expect(job.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
      expect(job.spec.activeDeadlineSeconds).toBeGreaterThan(0);
      expect(podTemplate(job).metadata.labels['app.kubernetes.io/component']).toBe('migration');
    });

    it('autoscales every service on CPU (HPA autoscaling/v2) and bounds disruptions (PDB)', () => {
      const hpas = of(objects(), 'HorizontalPodAutoscaler');
      expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual([...DEPLOYABLES].sort());
      for (const app of [...AGENTS, 'gateway', DASHBOARD]) {
        const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === app);
        expect([app, hpa?.apiVersion]).toEqual([app, 'autoscaling/v2']);
        expect(hpa!.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
        expect(hpa!.spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } });
        expect(hpa!.spec.maxReplicas).toBeGreaterThanOrEqual(hpa!.spec.minReplicas);
        if (overlay === 'prod') {
          expect(hpa!.spec.minReplicas).toBeGreaterThanOrEqual(2);
          expect(hpa!.spec.maxReplicas).toBeGreaterThan(hpa!.spec.minReplicas);
        } else {
          expect([hpa!.spec.minReplicas, hpa!.spec.maxReplicas]).toEqual([1, 1]);
        }
        // The HPA owns the replica count: a Deployment's own replicas would fight it at every apply.
        const d = byName(objects(), 'Deployment', app)!;
        expect(d.spec.replicas).toBeUndefined();
        // The PDB selects the pods and still lets a node drain evict one of them, even with one replica.
        const pdbs = of(objects(), 'PodDisruptionBudget').filter((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => podTemplate(d).metadata.labels[k] === v));
        expect([app, pdbs.length]).toEqual([app, 1]);
        const pdb = pdbs[0].spec;
        const allowed = pdb.maxUnavailable !== undefined ? Number(pdb.maxUnavailable) : hpa!.spec.minReplicas - Number(pdb.minAvailable);
        expect([app, allowed >= 1]).toEqual([app, true]);
      }
    });

    it('exposes the gateway (/api, /docs, /docs-json) and the dashboard (/) through one Ingress, without the services\' /metrics or health', () => {
      const ingresses = of(objects(), 'Ingress');
      expect(ingresses).toHaveLength(1);
      const rules = ingresses[0].spec.rules as Obj[];
      const host = overlay === 'prod' ? 'agentic-social.example.com' : 'agentic-social.localtest.me';
      expect(rules.map((r) => r.host)).toEqual([host]);
      const paths = rules.flatMap((r) => r.http.paths as Obj[]);
      expect(new Set(paths.map((p) => p.backend.service.name))).toEqual(new Set(['gateway', DASHBOARD]));
      for (const p of paths) {
        // Named port "http": each backend Service has it.
        expect(p.backend.service.port).toEqual({ name: 'http' });
        expect((byName(objects(), 'Service', p.backend.service.name)?.spec.ports as Obj[]).map((sp) => sp.name)).toContain('http');
        // No gateway path covers /metrics, /health or the root.
        if (p.backend.service.name === 'gateway') {
          expect(['/', '/metrics', '/health'].some((hidden) => p.path === hidden || hidden.startsWith(`${p.path.replace(/\/$/, '')}/`))).toBe(false);
        }
      }
      expect(paths.map((p) => [p.path, p.pathType, p.backend.service.name])).toEqual(
        expect.arrayContaining([
          ['/api', 'Prefix', 'gateway'],
          ['/docs', 'Prefix', 'gateway'],
          ['/docs-json', 'Exact', 'gateway'],
          ['/', 'Prefix', DASHBOARD],
        ]),
      );
      // Where requests go, by the Ingress rules (networking.k8s.io/v1): Prefix matches whole path elements, the
      // longest match wins, Exact before Prefix at equal length.
      const route = (url: string) => {
        const elements = (p: string) => p.split('/').filter(Boolean);
        const matches = paths.filter((p) =>
          p.pathType === 'Exact' ? p.path === url : elements(p.path).every((element, index) => elements(url)[index] === element),
        );
        matches.sort((a, b) => b.path.length - a.path.length || (a.pathType === 'Exact' ? -1 : 1) - (b.pathType === 'Exact' ? -1 : 1));
        return matches[0]?.backend.service.name as string | undefined;
      };
      const expected: Record<string, string> = {
        '/api': 'gateway',
        '/api/campaigns/42': 'gateway',
        '/docs': 'gateway',
        '/docs/swagger-ui.css': 'gateway',
        '/docs-json': 'gateway',
        '/': DASHBOARD,
        '/login': DASHBOARD,
        '/campaigns/42': DASHBOARD,
        '/_next/static/chunks/app.js': DASHBOARD,
        '/apix': DASHBOARD,
        '/healthz': DASHBOARD,
        // The services' health, metrics and admin API are not the gateway's from outside: the dashboard 404s them.
        '/health/ready': DASHBOARD,
        '/metrics': DASHBOARD,
        '/admin/dead-letters': DASHBOARD,
      };
      expect(Object.fromEntries(Object.keys(expected).map((url) => [url, route(url)]))).toEqual(expected);
      if (overlay === 'prod') expect(ingresses[0].spec.tls).toEqual([{ hosts: [host], secretName: expect.any(String) }]);
      // No Service other than ClusterIP (no NodePort or LoadBalancer around the Ingress).
      for (const s of of(objects(), 'Service')) expect(s.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    });

    describe('NetworkPolicies', () => {
      const policies = () => of(objects(), 'NetworkPolicy');
      const MONITORING = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
      const labelsOf = (app: string) => podTemplate(byName(objects(), 'Deployment', app)!).metadata.labels as Record<string, string>;
      const selects = (policy: Obj, labels: Record<string, string>) => Object.entries((policy.spec.podSelector.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => labels[k] === v);

      /** A container's variables: its env, and the data of the ConfigMaps it reads with envFrom. */
      const variables = (c: Obj): Obj[] => [
        ...((c.env ?? []) as Obj[]),
        ...((c.envFrom ?? []) as Obj[]).flatMap((source) => {
          const cm = byName(objects(), 'ConfigMap', source.configMapRef?.name);
          return Object.entries((cm?.data ?? {}) as Record<string, string>).map(([name, value]) => ({ name, value }));
        }),
      ];

      /** Who calls whom over HTTP, read off the Deployments' env and ConfigMaps (http://<service>:<port>). */
      const callers = () => {
        const map = new Map<string, Set<string>>(DEPLOYABLES.map((a) => [a, new Set<string>()]));
        for (const d of deployments()) {
          for (const e of variables(container(d))) {
            const match = typeof e.value === 'string' ? /^http:\/\/([a-z-]+):(\d+)$/.exec(e.value) : null;
            if (!match) continue;
            const target = match[1] as ServiceName;
            expect([d.metadata.name, e.name, target in SERVICES, Number(match[2])]).toEqual([d.metadata.name, e.name, true, SERVICES[target]?.port]);
            map.get(target)!.add(d.metadata.name);
          }
        }
        return map;
      };

      it('deny all ingress by default', () => {
        const deny = policies().filter((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 || Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0);
        expect(deny).toHaveLength(1);
        expect(deny[0].spec.policyTypes).toEqual(['Ingress']);
        expect(deny[0].spec.ingress ?? []).toEqual([]);
      });

      it('the internal HTTP calls are the documented ones', () => {
        const map = Object.fromEntries([...callers()].map(([k, v]) => [k, [...v].sort()]));
        expect(map).toEqual({
          gateway: [DASHBOARD],
          dashboard: [],
          'strategy-svc': [],
          'content-svc': [],
          'creative-svc': ['gateway', 'posting-svc'],
          'scheduler-svc': [],
          'posting-svc': ['analytics-svc', 'gateway'],
          'analytics-svc': ['gateway'],
        });
      });

      /** The Ingress' backends: reached from the ingress controller, wherever it runs. */
      const entryPoints = () => [...new Set(of(objects(), 'Ingress').flatMap((i) => (i.spec.rules as Obj[]).flatMap((r) => (r.http.paths as Obj[]).map((p) => p.backend.service.name as string))))].sort();

      /**
       * Whether the policies let a pod with `sourceLabels` (same namespace) reach the pods of `target` on `port`:
       * a pod selected by no policy admits everything; otherwise one rule of one selecting policy must match.
       */
      const admits = (all: Obj[], target: string, sourceLabels: Record<string, string>, port: number) => {
        const selecting = all.filter((p) => (p.spec.policyTypes ?? ['Ingress']).includes('Ingress') && selects(p, labelsOf(target)));
        if (selecting.length === 0) return true;
        return selecting.some((p) =>
          ((p.spec.ingress ?? []) as Obj[]).some((rule) => {
            const portOk = rule.ports === undefined || (rule.ports as Obj[]).some((rp) => (rp.protocol ?? 'TCP') === 'TCP' && (rp.port === undefined || rp.port === port || rp.port === 'http'));
            const peerOk =
              rule.from === undefined ||
              (rule.from as Obj[]).some(
                (peer) => peer.podSelector && !peer.namespaceSelector && Object.entries((peer.podSelector.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => sourceLabels[k] === v),
              );
            return portOk && peerOk;
          }),
        );
      };

      it('the entry points are the gateway and the dashboard (the Ingress backends)', () => {
        expect(entryPoints()).toEqual([DASHBOARD, 'gateway'].sort());
      });

      it.each(DEPLOYABLES)('%s admits exactly its callers (and Prometheus) on its own port', (app) => {
        const port = portOf(app);
        const own = policies().filter((p) => Object.keys(p.spec.podSelector.matchLabels ?? {}).length > 0 && selects(p, labelsOf(app)));
        expect(own).toHaveLength(1);
        const rules = own[0].spec.ingress as Obj[];
        expect(own[0].spec.policyTypes).toEqual(['Ingress']);
        for (const rule of rules) expect(rule.ports).toEqual([{ protocol: 'TCP', port }]);
        let ruled = rules;
        if (entryPoints().includes(app)) {
          // An entry point: one rule open to any source on its port (the ingress controller; Prometheus), and its
          // in-namespace callers stated on their own (they still get in if that rule is narrowed).
          expect(rules.filter((r) => r.from === undefined)).toEqual([{ ports: [{ protocol: 'TCP', port }] }]);
          ruled = rules.filter((r) => r.from !== undefined);
        }
        const peers = ruled.flatMap((r) => {
          expect(r.from).toBeDefined(); // no other rule without `from` (that would admit anything)
          return r.from as Obj[];
        });
        for (const peer of peers) expect(peer.ipBlock).toBeUndefined();
        const fromPods = peers.filter((p) => p.podSelector && !p.namespaceSelector).map((p) => p.podSelector.matchLabels['app.kubernetes.io/name']);
        expect(fromPods.sort()).toEqual([...callers().get(app)!].sort());
        // The only peer from outside the namespace: Prometheus, scraping /metrics (the entry points' open rule
        // already admits it; the dashboard has no /metrics).
        const outside = peers.filter((p) => p.namespaceSelector);
        expect(outside).toEqual(entryPoints().includes(app) ? [] : [MONITORING]);
      });

      it('only the entry points (gateway, dashboard) admit traffic from outside the namespace (besides the monitoring namespace)', () => {
        const open = new Set<string>();
        for (const p of policies()) {
          for (const rule of (p.spec.ingress ?? []) as Obj[]) {
            const isOpen = rule.from === undefined || (rule.from as Obj[]).some((peer) => peer.ipBlock || (peer.namespaceSelector && JSON.stringify(peer) !== JSON.stringify(MONITORING)));
            if (isOpen) open.add(String(p.spec.podSelector.matchLabels?.['app.kubernetes.io/name']));
          }
        }
        expect([...open].sort()).toEqual(entryPoints());
      });

      it('the dashboard reaches the gateway on 3000 (ingress of the gateway; egress is not restricted), and nothing else', () => {
        const dashboardLabels = labelsOf(DASHBOARD);
        expect(admits(policies(), 'gateway', dashboardLabels, SERVICES.gateway.port)).toBe(true);
        // Also without the gateway's open rule (e.g. narrowed to the ingress controller's namespace).
        const narrowed = structuredClone(policies());
        const gatewayPolicy = narrowed.find((p) => p.metadata.name === 'gateway-ingress')!;
        expect(selects(gatewayPolicy, labelsOf('gateway'))).toBe(true);
        gatewayPolicy.spec.ingress = (gatewayPolicy.spec.ingress as Obj[]).map((r) => (r.from === undefined ? { ...r, from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] } : r));
        expect(admits(narrowed, 'gateway', dashboardLabels, SERVICES.gateway.port)).toBe(true);
        // The check is not vacuous: without the dashboard's own rule, the narrowed policy shuts it out.
        gatewayPolicy.spec.ingress = (gatewayPolicy.spec.ingress as Obj[]).filter((r) => !(r.from as Obj[]).some((peer) => peer.podSelector));
        expect(admits(narrowed, 'gateway', dashboardLabels, SERVICES.gateway.port)).toBe(false);
        // It reaches none of the agents (their policies admit their callers and Prometheus only).
        for (const app of AGENTS) expect([app, admits(policies(), app, dashboardLabels, SERVICES[app].port)]).toEqual([app, false]);
        // Egress is left open (default-deny covers ingress only), so the dashboard's DNS and gateway calls go out.
        for (const p of policies()) expect([p.metadata.name, (p.spec.policyTypes as string[]).includes('Egress')]).toEqual([p.metadata.name, false]);
      });
    });

    if (overlay === 'prod') {
      it('spreads the replicas over nodes', () => {
        for (const d of deployments()) {
          expect(podTemplate(d).spec.topologySpreadConstraints).toEqual([expect.objectContaining({ topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['pod-template-hash'] })]);
        }
      });
    }
  });
});

// ==========================================================================================================
describe('the deployables and the code agree', () => {
  /** Every string literal of the non-test sources that looks like an environment variable. */
  const readByCode = (() => {
    const names = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!['testing', 'test', 'node_modules', '.next'].includes(entry.name)) walk(full);
        } else if (/\.tsx?$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec|test)\.tsx?$/.test(entry.name)) {
          const source = readFileSync(full, 'utf8');
          for (const m of source.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)['"`]/g)) names.add(m[1]);
          // process.env.NAME (the dashboard reads its settings this way).
          for (const m of source.matchAll(/process\.env\.([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b/g)) names.add(m[1]);
        }
      }
    };
    walk(path.join(REPO, 'apps'));
    walk(path.join(REPO, 'libs'));
    // Names the code builds: <SVC>_PORT (libs/config) and <PLATFORM>_CLIENT_ID/SECRET (libs/platforms).
    for (const app of APPS) names.add(portVar(app));
    for (const platform of ['X', 'FACEBOOK', 'INSTAGRAM', 'LINKEDIN', 'MASTODON', 'BLUESKY']) names.add(`${platform}_CLIENT_ID`).add(`${platform}_CLIENT_SECRET`);
    // Read by the entry point (the dashboard's PORT) and by Next.js itself (its telemetry switch).
    for (const m of repoFile('scripts/docker-entrypoint.sh').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
    if (/\bNEXT_TELEMETRY_DISABLED\b/.test(repoFile('node_modules/next/dist/telemetry/storage.js'))) names.add('NEXT_TELEMETRY_DISABLED');
    return names;
  })();

  it('the code serves the probed paths: /health/ready, /health/live and /metrics', () => {
    const health = repoFile('libs/service-kit/src/health.controller.ts');
    expect(health).toMatch(/@Controller\('health'\)/);
    expect(health).toMatch(/@Get\('ready'\)/);
    expect(health).toMatch(/@Get\('live'\)/);
    expect(repoFile('libs/service-kit/src/observability/metrics.controller.ts')).toMatch(/@Controller\('metrics'\)/);
  });

  it('the dashboard serves GET /healthz (an App Router route handler) and reads GATEWAY_URL and COOKIE_SECURE', () => {
    const route = repoFile('apps/dashboard/src/app/healthz/route.ts');
    expect(route).toMatch(/export (async )?function GET\b/);
    expect(route).toMatch(/status: 'ok'/);
    const config = repoFile('apps/dashboard/src/server/config.ts');
    expect(config).toMatch(/process\.env\.GATEWAY_URL/);
    expect(config).toMatch(/process\.env\.COOKIE_SECURE === 'true'/);
  });

  it('every variable given to a service is one the code reads (no typo, no stale name)', () => {
    // Sanity of the scan itself.
    expect(readByCode.has('DATABASE_URL')).toBe(true);
    expect(readByCode.has('SHUTDOWN_GRACE_MS')).toBe(true);
    for (const name of ['GATEWAY_URL', 'COOKIE_SECURE', 'PORT', 'NEXT_TELEMETRY_DISABLED']) expect([name, readByCode.has(name)]).toEqual([name, true]);
    const given = new Set<string>();
    const compose = parseCompose(repoFile('docker-compose.yml'));
    for (const app of [...DEPLOYABLES, 'migrate']) for (const key of Object.keys(compose.services[app].environment as Obj)) given.add(key);
    const tool = findKustomize();
    for (const overlay of ['dev', 'prod']) {
      const objects = renderKustomize(tool, path.join(REPO, 'k8s/overlays', overlay)).objects;
      for (const cm of objects.filter((o) => o.kind === 'ConfigMap')) for (const key of Object.keys(cm.data as Obj)) given.add(key);
      for (const w of objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
        for (const e of (w.spec.template.spec.containers[0].env ?? []) as Obj[]) given.add(e.name);
      }
    }
    const unknown = [...given].filter((name) => !readByCode.has(name)).sort();
    expect(unknown).toEqual([]);
  });
});
