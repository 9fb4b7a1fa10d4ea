import { DeadLetters, busOptionsFrom, connectTransport, isEmbeddedBusUrl } from '@app/bus';
import type { DeadLetterDetail, DeadLetterList, DiscardResult, ReplayResult } from '@app/bus';
import { EnvReader, SERVICES, readServiceConfig } from '@app/config';
import type { ServiceName } from '@app/config';

/**
 * `npm run dlq`: list, inspect, replay and discard a service's dead letters, on the configured RabbitMQ broker
 * and namespace, or through a running service's admin HTTP API (`--url`, with ADMIN_TOKEN), which is how the
 * embedded mode's dead letters are reached. libs/launcher/src/dlq.ts is the entry; everything is here.
 */

export const DLQ_USAGE = [
  'usage: npm run dlq -- <service> <command> [--url http://host:port] [--json]',
  '  list [n]                       how many letters there are and the first n (default 20); they stay in the queue',
  '  inspect <messageId>            one letter in full: headers, properties, payload, reason, attempts',
  '  replay [n]                     move the first n letters (default 20) back to the service queue',
  '  replay --id <messageId>...     move these letters back to the service queue',
  '  discard <messageId>            drop the letter(s) with this id for good',
  '  --url                          use that running service\'s admin API (needs ADMIN_TOKEN); required for the embedded mode',
  '  --json                         print the result as JSON',
  `services: ${Object.keys(SERVICES).join(', ')}`,
].join('\n');

export class DlqUsageError extends Error {}

export type DlqCommand =
  | { action: 'list'; service: ServiceName; count: number; url?: string; json: boolean }
  | { action: 'inspect'; service: ServiceName; messageId: string; url?: string; json: boolean }
  | { action: 'replay'; service: ServiceName; count?: number; messageIds?: string[]; url?: string; json: boolean }
  | { action: 'discard'; service: ServiceName; messageId: string; url?: string; json: boolean };

const isCount = (value: string | undefined) => value !== undefined && /^[1-9]\d{0,5}$/.test(value);

/** Reads the command line (after `npm run dlq --`); throws DlqUsageError saying what is wrong. */
export function parseDlqArgs(argv: readonly string[]): DlqCommand {
  const positional: string[] = [];
  const ids: string[] = [];
  let url: string | undefined;
  let json = false;
  let idMode = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      json = true;
      idMode = false;
    } else if (arg === '--url') {
      url = argv[++i];
      if (!url || url.startsWith('--')) throw new DlqUsageError('--url needs a URL, e.g. --url http://127.0.0.1:3101');
      try {
        if (!['http:', 'https:'].includes(new URL(url).protocol)) throw new Error();
      } catch {
        throw new DlqUsageError(`--url must be an http(s) URL, got "${url}"`);
      }
      idMode = false;
    } else if (arg === '--id') {
      idMode = true;
    } else if (arg.startsWith('--')) {
      throw new DlqUsageError(`unknown option ${arg}`);
    } else if (idMode) {
      ids.push(arg);
    } else {
      positional.push(arg);
    }
  }
  const [service, action = 'list', ...rest] = positional;
  if (!service) throw new DlqUsageError('which service? give its name first');
  if (!(service in SERVICES)) throw new DlqUsageError(`unknown service "${service}"`);
  const common = { service: service as ServiceName, url, json };
  if (ids.length > 0 && action !== 'replay') throw new DlqUsageError('--id only goes with replay');
  if (argv.includes('--id') && ids.length === 0) throw new DlqUsageError('--id needs at least one message id');
  switch (action) {
    case 'list':
      if (rest.length > 1 || (rest[0] !== undefined && !isCount(rest[0]))) throw new DlqUsageError('list takes an optional count (a positive integer)');
      return { action, ...common, count: rest[0] ? Number(rest[0]) : 20 };
    case 'inspect':
    case 'discard':
      if (rest.length !== 1) throw new DlqUsageError(`${action} takes exactly one message id`);
      return { action, ...common, messageId: rest[0] };
    case 'replay':
      if (ids.length > 0) {
        if (rest.length > 0) throw new DlqUsageError('replay takes either a count or --id <messageId>..., not both');
        return { action, ...common, messageIds: ids };
      }
      if (rest.length > 1 || (rest[0] !== undefined && !isCount(rest[0]))) throw new DlqUsageError('replay takes an optional count (a positive integer) or --id <messageId>...');
      return { action, ...common, count: rest[0] ? Number(rest[0]) : 20 };
    default:
      throw new DlqUsageError(`unknown command "${action}"`);
  }
}

/** Where the dead letters are read: the broker (DeadLetters) or a service's admin API. */
export interface DeadLetterBackend {
  /** For messages: the queue or URL. */
  readonly where: string;
  list(limit: number): Promise<DeadLetterList>;
  inspect(messageId: string): Promise<DeadLetterDetail | null>;
  replay(target: { messageIds: string[] } | { count: number }): Promise<ReplayResult>;
  discard(messageId: string): Promise<DiscardResult>;
  close(): Promise<void>;
}

export function brokerBackend(letters: DeadLetters, close: () => Promise<void>): DeadLetterBackend {
  return {
    where: letters.queue,
    list: (limit) => letters.list(limit),
    inspect: (id) => letters.inspect(id),
    replay: (target) => ('messageIds' in target ? letters.replayByIds(target.messageIds) : letters.replayFirst(target.count)),
    discard: (id) => letters.discard(id),
    close,
  };
}

/** The admin API of a running service (`GET|POST|DELETE <url>/admin/dead-letters...`, bearer token). */
export function httpBackend(url: string, token: string, fetchImpl: typeof fetch = fetch): DeadLetterBackend {
  const base = `${url.replace(/\/+$/, '')}/admin/dead-letters`;
  const call = async <T>(method: string, path: string, body?: unknown, notFound?: T): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new Error(`cannot reach ${base}: ${(error as Error).cause ? String((error as Error & { cause: unknown }).cause) : (error as Error).message}`);
    }
    if (response.status === 404 && notFound !== undefined) return notFound;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      const message = typeof parsed === 'object' && parsed !== null && 'message' in parsed ? String((parsed as { message: unknown }).message) : text;
      throw new Error(`${method} ${base}${path} answered ${response.status}: ${message}`);
    }
    return parsed as T;
  };
  return {
    where: base,
    list: (limit) => call('GET', `?limit=${limit}`),
    inspect: (id) => call<DeadLetterDetail | null>('GET', `/${encodeURIComponent(id)}`, undefined, null),
    replay: (target) => call('POST', '/replay', target),
    discard: (id) => call<DiscardResult>('DELETE', `/${encodeURIComponent(id)}`, undefined, { discarded: [] }),
    close: async () => undefined,
  };
}

export interface DlqIo {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command against a backend; returns the exit status (1 when a requested letter was not there). */
export async function runDlqCommand(command: DlqCommand, backend: DeadLetterBackend, io: DlqIo): Promise<number> {
  const print = (result: unknown, text: () => string) => io.out(command.json ? JSON.stringify(result, null, 2) : text());
  switch (command.action) {
    case 'list': {
      const list = await backend.list(command.count);
      print(list, () =>
        [
          `${list.count} dead letter(s) in ${list.queue}${list.letters.length < list.count ? ` (the first ${list.letters.length} below)` : ''}`,
          ...list.letters.map(
            (l) =>
              `- ${l.deadLetteredAt || '?'} ${l.routingKey} ${l.messageId || '(no message id)'} (correlation ${l.correlationId || '-'}, ${l.attempts} attempt(s)${l.failedBy ? `, failed by ${l.failedBy}` : ''})\n    ${l.reason}`,
          ),
        ].join('\n'),
      );
      return 0;
    }
    case 'inspect': {
      const letter = await backend.inspect(command.messageId);
      if (!letter) {
        io.err(`no dead letter with message id ${command.messageId} in ${backend.where}`);
        return 1;
      }
      io.out(JSON.stringify(letter, null, 2));
      return 0;
    }
    case 'replay': {
      const result = await backend.replay(command.messageIds ? { messageIds: command.messageIds } : { count: command.count ?? 20 });
      print(result, () =>
        [`replayed ${result.replayed} message(s) from ${backend.where}${result.messageIds.length ? `: ${result.messageIds.join(', ')}` : ''}`, ...(result.notFound.length ? [`not found: ${result.notFound.join(', ')}`] : [])].join('\n'),
      );
      return result.notFound.length > 0 ? 1 : 0;
    }
    case 'discard': {
      const result = await backend.discard(command.messageId);
      if (result.discarded.length === 0) {
        io.err(`no dead letter with message id ${command.messageId} in ${backend.where}`);
        return 1;
      }
      print(result, () => `discarded ${result.discarded.length} letter(s) with message id ${command.messageId} from ${backend.where}`);
      return 0;
    }
  }
}

export type DlqEnv = Record<string, string | undefined>;

/**
 * The whole tool: parses, connects (the broker of RABBITMQ_URL and BUS_NAMESPACE, or `--url` with ADMIN_TOKEN),
 * runs, closes. Returns the exit status: 0 done, 1 failed or not found, 2 usage.
 */
export async function dlqMain(argv: readonly string[], env: DlqEnv, io: DlqIo, fetchImpl: typeof fetch = fetch): Promise<number> {
  let command: DlqCommand;
  try {
    command = parseDlqArgs(argv);
  } catch (error) {
    if (!(error instanceof DlqUsageError)) throw error;
    io.err(`${error.message}\n${DLQ_USAGE}`);
    return 2;
  }
  let backend: DeadLetterBackend;
  try {
    backend = await openBackend(command, argv, env, fetchImpl);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  try {
    return await runDlqCommand(command, backend, io);
  } catch (error) {
    const message = (error as Error).message;
    io.err(/NOT_FOUND - no queue/.test(message) ? `${message}\n(has ${command.service} ever started on this broker with this BUS_NAMESPACE? it declares its queues at start)` : message);
    return 1;
  } finally {
    await backend.close().catch(() => undefined);
  }
}

async function openBackend(command: DlqCommand, argv: readonly string[], env: DlqEnv, fetchImpl: typeof fetch): Promise<DeadLetterBackend> {
  if (command.url) {
    const token = env.ADMIN_TOKEN?.trim();
    if (!token) throw new Error(`set ADMIN_TOKEN to the admin token of the service at ${command.url}`);
    return httpBackend(command.url, token, fetchImpl);
  }
  const reader = new EnvReader(env);
  const config = readServiceConfig(command.service, reader);
  reader.done();
  if (isEmbeddedBusUrl(config.rabbitmqUrl)) {
    throw new Error(
      `RABBITMQ_URL is embedded: the embedded bus lives inside the \`npm start\` process; reach ${command.service}'s dead letters through its admin API: ` +
        `ADMIN_TOKEN=<its token> npm run dlq -- ${argv.join(' ')} --url http://${config.host}:${config.port}`,
    );
  }
  const transport = await connectTransport(busOptionsFrom(config), 10_000);
  return brokerBackend(new DeadLetters(transport, { namespace: config.busNamespace, service: command.service }), () => transport.close());
}
