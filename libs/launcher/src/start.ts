import { randomBytes } from 'node:crypto';
import { EnvReader, SERVICES, redact } from '@app/config';
import { DashboardProcess, dashboardBuilt, readDashboardSettings, startDashboard } from './dashboard-process';
import { SERVICE_NAMES, ServiceGroup, ServiceProcessName } from './launcher';

/**
 * `npm start`: the whole system on this machine, each service its own process. Configuration comes from
 * the environment (see the README's table); every service validates its own at start-up.
 */
async function main(): Promise<void> {
  const env = new EnvReader(process.env);
  const ports = {} as Record<ServiceProcessName, number>;
  const portVars: string[] = [];
  for (const name of SERVICE_NAMES) {
    const variable = `${name.replace('-svc', '').toUpperCase()}_PORT`;
    portVars.push(variable);
    ports[name] = env.int(variable, SERVICES[name].port, { min: 1, max: 65535 });
  }
  env.done();
  const dashboardSettings = readDashboardSettings(process.env);
  console.log(`starting ${SERVICE_NAMES.length} services (database ${redact(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/agentic_social')}, broker ${redact(process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672')})`);
  // posting-svc signs the media URLs Instagram and Facebook fetch, the gateway verifies them: one key for both.
  const childEnv: Record<string, string | undefined> = { MEDIA_SIGNING_KEY: randomBytes(32).toString('base64url'), ...process.env, PORT: undefined };
  for (const variable of portVars) childEnv[variable] = undefined; // each child gets PORT from `ports`
  const group = await ServiceGroup.launch({ env: childEnv, ports, output: 'prefixed' });
  const base = group.gatewayUrl.replace('127.0.0.1', 'localhost');
  let dashboard: DashboardProcess | undefined;
  if (dashboardSettings.enabled && dashboardBuilt()) dashboard = await startDashboard(dashboardSettings, group.gatewayUrl, process.env);
  const dashboardNote = dashboard ? `Dashboard ${dashboard.url}  ·  ` : dashboardSettings.enabled ? 'Dashboard not built (npm run build:dashboard)  ·  ' : '';
  console.log(`\nready: ${dashboardNote}API ${base}/api/v1  ·  Swagger ${base}/docs  ·  OpenAPI ${base}/docs-json\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping services...`);
    void Promise.all([dashboard?.stop(), group.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (const [name, child] of group.children) {
    child.on('exit', (code) => {
      if (stopping) return;
      console.error(`${name} exited with status ${code}; stopping the rest`);
      stop('exit');
    });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
