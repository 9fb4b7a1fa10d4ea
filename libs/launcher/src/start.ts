import { EnvReader, redact } from '@app/config';
import { SERVICE_NAMES, ServiceGroup } from './launcher';

/**
 * `npm start`: the whole system on this machine, each service its own process. Configuration comes from
 * the environment (see the README's table); every service validates its own at start-up.
 */
async function main(): Promise<void> {
  const env = new EnvReader(process.env);
  const gatewayPort = env.int('GATEWAY_PORT', env.int('PORT', 3000, { min: 0, max: 65535 }), { min: 0, max: 65535 });
  env.done();
  const ports = { gateway: gatewayPort, 'strategy-svc': 3101, 'content-svc': 3102, 'creative-svc': 3103, 'scheduler-svc': 3104, 'posting-svc': 3105, 'analytics-svc': 3106 };
  console.log(`starting ${SERVICE_NAMES.length} services (database ${redact(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/agentic_social')}, broker ${redact(process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672')})`);
  const group = await ServiceGroup.launch({ env: { ...process.env, GATEWAY_PORT: undefined, PORT: undefined }, ports, output: 'prefixed' });
  const base = group.gatewayUrl.replace('127.0.0.1', 'localhost');
  console.log(`\nready: API ${base}/api/v1  ·  Swagger ${base}/docs  ·  OpenAPI ${base}/docs-json\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping services...`);
    void group.stop().then(() => process.exit(0));
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
