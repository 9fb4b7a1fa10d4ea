import 'reflect-metadata';
import { describeStartupFailure } from '@app/service-kit';
import { flushTracing } from '@app/telemetry';
import { DashboardProcess, dashboardBuilt, readDashboardSettings, startDashboard } from '@app/launcher';
import { startAllInOne } from './system';

/** `npm start`: the whole product in one process, embedded defaults where nothing is configured. */
async function main(): Promise<void> {
  const started = Date.now();
  const dashboardSettings = readDashboardSettings(process.env);
  const system = await startAllInOne(process.env);
  const base = system.gatewayUrl;
  // The dashboard (a child process) while it starts, then once it runs: whatever stops this process stops it first.
  let dashboard: Promise<DashboardProcess | undefined> = Promise.resolve(undefined);
  const stopAll = () =>
    dashboard
      .catch(() => undefined)
      .then((d) => d?.stop())
      .then(() => system.stop());

  // Handlers go in before the dashboard starts: a SIGTERM while it starts still stops everything cleanly.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: finishing in-flight work and stopping...\n`);
      stopAll().then(
        () => flushTracing().then(() => process.exit(0)),
        (error: Error) => {
          process.stderr.write(`stop failed: ${error.message}\n`);
          process.exit(1);
        },
      );
    });
  }

  let dashboardLine = '  Dashboard off (DASHBOARD=off)\n';
  if (dashboardSettings.enabled && !dashboardBuilt()) dashboardLine = '  Dashboard not built: run `npm run build:dashboard`, then start again\n';
  else if (dashboardSettings.enabled) {
    // The dashboard's server calls the gateway on loopback (`localhost` may resolve to ::1 first).
    dashboard = startDashboard(dashboardSettings, base.replace('//localhost:', '//127.0.0.1:'), process.env);
    try {
      dashboardLine = `  Dashboard ${(await dashboard)!.url}\n`;
    } catch (error) {
      if (stopping) return;
      stopping = true;
      await system.stop();
      throw Object.assign(error as Error, { service: 'dashboard' });
    }
  }
  if (stopping) return;
  process.stdout.write(
    `\nAgentic Social is ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      dashboardLine +
      `  API      ${base}/api/v1\n  Swagger  ${base}/docs\n  OpenAPI  ${base}/docs-json\n` +
      `  database ${system.database}\n  bus      ${system.bus}\n` +
      `  agents   offline model, sandbox platform\n\nCtrl-C stops it; data stays for the next start.\n`,
  );
}

main().catch((error: Error & { service?: string }) => {
  process.stderr.write(`${describeStartupFailure(error.service ?? 'agentic-social', error)}\n`);
  process.exit(1);
});
