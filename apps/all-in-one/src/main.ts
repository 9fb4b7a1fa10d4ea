import 'reflect-metadata';
import { describeStartupFailure } from '@app/service-kit';
import { flushTracing } from '@app/telemetry';
import { startAllInOne } from './system';

/** `npm start`: the whole product in one process, embedded defaults where nothing is configured. */
async function main(): Promise<void> {
  const started = Date.now();
  const system = await startAllInOne(process.env);
  const base = system.gatewayUrl;
  process.stdout.write(
    `\nAgentic Social is ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `  API      ${base}/api/v1\n  Swagger  ${base}/docs\n  OpenAPI  ${base}/docs-json\n` +
      `  database ${system.database}\n  bus      ${system.bus}\n` +
      `  agents   offline model, sandbox platform\n\nCtrl-C stops it; data stays for the next start.\n`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: finishing in-flight work and stopping...\n`);
      system.stop().then(
        () => flushTracing().then(() => process.exit(0)),
        (error: Error) => {
          process.stderr.write(`stop failed: ${error.message}\n`);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: Error & { service?: string }) => {
  process.stderr.write(`${describeStartupFailure(error.service ?? 'agentic-social', error)}\n`);
  process.exit(1);
});
