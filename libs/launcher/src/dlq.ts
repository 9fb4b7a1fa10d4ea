import { DeadLetters, connectTransport, isEmbeddedBusUrl } from '@app/bus';
import { ConfigError, EnvReader, SERVICES, ServiceName, readServiceConfig } from '@app/config';
import { busOptionsFrom } from '@app/bus';

const USAGE = 'usage: npm run dlq -- <service> list|replay [count]   (services: ' + Object.keys(SERVICES).join(', ') + ')';

/** Operator tool: list or replay a service's dead letters on the configured broker and namespace. */
async function main(argv: string[]): Promise<void> {
  const [service, action = 'list', countArg = '20'] = argv;
  if (!(service in SERVICES) || !['list', 'replay'].includes(action) || !/^\d+$/.test(countArg)) throw new Error(USAGE);
  const reader = new EnvReader(process.env);
  const config = readServiceConfig(service as ServiceName, reader);
  reader.done();
  if (isEmbeddedBusUrl(config.rabbitmqUrl)) {
    throw new Error(
      'the embedded bus lives inside the `npm start` process: query its dead letters with any Postgres client at the ' +
        `database URL it prints, e.g. SELECT * FROM embedded_bus.messages WHERE queue = '${config.busNamespace}.${service}.dlq'`,
    );
  }
  const transport = await connectTransport(busOptionsFrom(config), 10_000);
  try {
    const letters = new DeadLetters(transport, { namespace: config.busNamespace, service });
    const count = Number(countArg);
    if (action === 'replay') {
      console.log(`replayed ${await letters.replay(count)} message(s) to ${config.busNamespace}.${service}`);
      return;
    }
    console.log(`${await letters.count()} dead letter(s) in ${config.busNamespace}.${service}.dlq`);
    for (const l of await letters.peek(count)) {
      console.log(`- ${l.deadLetteredAt} ${l.routingKey} ${l.messageId} (campaign ${l.correlationId}, ${l.attempts} attempt(s))\n    ${l.error}`);
    }
  } finally {
    await transport.close();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error instanceof ConfigError ? error.message : error.message);
  process.exit(1);
});
