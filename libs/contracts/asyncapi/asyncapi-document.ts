import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETRY_POLICY, SERVICES } from '@app/config';
import { BUS_SERVICES, HEADER, ROUTING_KEYS, consumedBy, eventCatalogEntries, schemaVersionOf } from '@app/contracts';
import type { BusService, EventCatalogEntry, RoutingKey } from '@app/contracts';
import { createGenerator } from 'ts-json-schema-generator';
import type { Config, Definition } from 'ts-json-schema-generator';
import { stringify } from 'yaml';

/**
 * Builds the AsyncAPI 3.0.0 description of the event bus (`docs/asyncapi.yaml`) from libs/contracts: the
 * event catalog (who produces and consumes what), the payload types (JSON Schema generated from the
 * TypeScript types with ts-json-schema-generator) and the headers the bus sets. `npm run asyncapi` writes it,
 * `npm run asyncapi:check` and libs/contracts/test/asyncapi.spec.ts fail when the committed file is stale.
 */

export const ASYNCAPI_FILE = 'docs/asyncapi.yaml';
export const DEFAULT_NAMESPACE = 'social';
const AMQP_BINDING_VERSION = '0.3.0';

/** A plain AsyncAPI document (as written to YAML); loosely typed on purpose. */
export type AsyncApiDocument = Record<string, any>;
type JsonSchema = Record<string, unknown>;

/** The repository root: the nearest folder up from here holding libs/contracts/src/events.ts (works from dist too). */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'libs/contracts/src/events.ts')) && existsSync(path.join(dir, 'tsconfig.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root (with libs/contracts/src/events.ts) above ${from}`);
  }
}

export interface PayloadSchemas {
  /** Component name (the TypeScript type name) of each routing key's payload. */
  byKey: Record<RoutingKey, string>;
  /** Every type reachable from the payloads, refs pointing at `#/components/schemas/<name>`. */
  schemas: Record<string, JsonSchema>;
}

/**
 * JSON Schemas of `EventPayloads` (libs/contracts/src/events.ts), generated from the TypeScript types.
 * `additionalProperties` stays open: v1 consumers must tolerate fields added within v1.
 */
export function generatePayloadSchemas(root = repoRoot()): PayloadSchemas {
  const config: Config = {
    path: path.join(root, 'libs/contracts/src/events.ts'),
    tsconfig: path.join(root, 'tsconfig.json'),
    type: 'EventPayloads',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: true,
    sortProps: true,
    encodeRefs: false,
  };
  const generated = createGenerator(config).createSchema(config.type);
  const definitions = { ...(generated.definitions ?? {}) } as Record<string, Definition>;
  const root$ = definitions.EventPayloads as Definition | undefined;
  if (!root$?.properties) throw new Error('ts-json-schema-generator produced no EventPayloads definition');
  delete definitions.EventPayloads;

  const byKey = {} as Record<RoutingKey, string>;
  const payloadKeys = Object.keys(root$.properties);
  const missing = ROUTING_KEYS.filter((key) => !payloadKeys.includes(key));
  const extra = payloadKeys.filter((key) => !(ROUTING_KEYS as readonly string[]).includes(key));
  if (missing.length || extra.length) throw new Error(`EventPayloads and Events disagree: missing ${missing.join(', ') || 'none'}, extra ${extra.join(', ') || 'none'}`);
  for (const entry of eventCatalogEntries()) {
    const ref = (root$.properties[entry.routingKey] as Definition).$ref ?? '';
    const typeName = ref.replace(/^#\/definitions\//, '');
    if (typeName !== entry.payloadType) {
      throw new Error(`the event catalog says ${entry.routingKey} carries ${entry.payloadType}, but EventPayloads['${entry.routingKey}'] is ${typeName || JSON.stringify(root$.properties[entry.routingKey])}`);
    }
    byKey[entry.routingKey] = typeName;
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const name of Object.keys(definitions).sort()) {
    if (!/^[a-zA-Z0-9.\-_]+$/.test(name)) {
      throw new Error(`type "${name}" cannot be an AsyncAPI component name: give it an exported name in libs/contracts or adjust the generator config`);
    }
    schemas[name] = rewriteRefs(definitions[name]) as JsonSchema;
  }
  return { byKey, schemas };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === '$ref' && typeof inner === 'string' ? inner.replace(/^#\/definitions\//, '#/components/schemas/') : rewriteRefs(inner);
    }
    return out;
  }
  return value;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
/** Channel and message id of a routing key: its name in `Events`, lower camel case (`campaignRequested`). */
export const eventId = (entry: EventCatalogEntry) => lowerFirst(entry.name);
/** Channel id of a service's queue: `strategySvcQueue`. */
export const queueChannelId = (service: BusService) => `${camel(service)}Queue`;
export const sendOperationId = (service: BusService, entry: EventCatalogEntry) => `${service}.send.${eventId(entry)}`;
export const receiveOperationId = (service: BusService, entry: EventCatalogEntry) => `${service}.receive.${eventId(entry)}`;

/** Names on the broker, as libs/bus/src/topology.ts declares them (checked against it by the test). */
export function brokerNames(namespace: string, service: BusService) {
  return {
    exchange: `${namespace}.events`,
    unroutable: `${namespace}.unroutable`,
    queue: `${namespace}.${service}`,
    dlq: `${namespace}.${service}.dlq`,
    retryQueue: (delayMs: number) => `${namespace}.${service}.retry.${delayMs}ms`,
  };
}

const W3C_TRACEPARENT = '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** The AMQP application headers: what libs/bus sets (wire.ts, consumer/message-processor.ts) and the broker adds. */
function busHeadersSchema(): JsonSchema {
  return {
    type: 'object',
    description:
      'AMQP application headers. The first three are on every message (`toWire`, libs/bus/src/wire.ts); the retry and dead-letter ones are added on the copies the bus re-sends; the W3C trace context propagates OpenTelemetry spans. Consumers must tolerate headers they do not know.',
    required: [HEADER.schemaVersion, HEADER.occurredAt, HEADER.producer],
    properties: {
      [HEADER.schemaVersion]: { type: 'integer', minimum: 1, description: "The payload's major version; matches the routing key's `.vN` suffix. A consumer dead-letters a message whose version it does not handle." },
      [HEADER.occurredAt]: { type: 'string', format: 'date-time', description: 'ISO 8601 instant the event happened.' },
      [HEADER.producer]: { type: 'string', description: `The service that published it: one of ${BUS_SERVICES.join(', ')}.` },
      [HEADER.causationId]: { type: 'string', description: 'Message id of the message whose handling produced this one (absent on events a user request caused).' },
      traceparent: { type: 'string', pattern: W3C_TRACEPARENT, description: 'W3C Trace Context `traceparent` of the span that published it (OpenTelemetry propagation); optional.' },
      tracestate: { type: 'string', description: 'W3C Trace Context `tracestate`, vendor data travelling with `traceparent`; optional.' },
      [HEADER.attempt]: { type: 'integer', minimum: 1, description: 'On a retry: how many times the handler already failed (the copy waits in `<ns>.<service>.retry.<ms>ms`, then returns to the service queue).' },
      [HEADER.error]: { type: 'string', maxLength: 1000, description: 'On a retry or a dead letter: why the last attempt failed (first 1000 characters).' },
      [HEADER.failedBy]: { type: 'string', description: 'On a dead letter: the service that gave up on it.' },
      [HEADER.deadLetteredAt]: { type: 'string', format: 'date-time', description: 'On a dead letter: when it was moved to the dead-letter queue.' },
      'x-first-death-reason': {
        type: 'string',
        description: 'Set by the broker when it dead-lettered the message itself: `delivery_limit` (it kept crashing its consumer) or `expired`.',
      },
      'x-first-death-queue': { type: 'string', description: 'Set by the broker with `x-first-death-reason`: the queue it was dead-lettered from.' },
      'x-first-death-exchange': { type: 'string', description: 'Set by the broker with `x-first-death-reason`.' },
      'x-death': { type: 'array', items: { type: 'object' }, description: "RabbitMQ's dead-lettering history (not set by the embedded broker)." },
      'x-delivery-count': { type: 'integer', minimum: 0, description: 'Set by RabbitMQ quorum queues on a redelivery: deliveries that were handed back.' },
    },
  };
}

function infoDescription(namespace: string): string {
  const example = brokerNames(namespace, 'strategy-svc');
  const delays = DEFAULT_RETRY_POLICY.delaysMs;
  return [
    'Seven NestJS services hand a campaign along a RabbitMQ topic exchange. Each service publishes its events through a transactional outbox',
    'and consumes them from its own queue (inbox deduplication, ack after commit). This document is generated from `libs/contracts`',
    '(`npm run asyncapi`; the event catalog in `event-catalog.ts`, the payload types in `events.ts`): do not edit it by hand.',
    '',
    '## Wire format',
    '',
    'The body is the payload as JSON (no envelope), so any AMQP client can produce or consume. Metadata travels as AMQP properties:',
    '',
    '| property | value |',
    '|---|---|',
    '| `message_id` | UUID, unique per message; consumers deduplicate on it |',
    '| `correlation_id` | the campaign id (the connection id for `account.*` and `optimization.updated`) |',
    '| `type` | the routing key |',
    '| `content_type` | `application/json` |',
    '| `delivery_mode` | 2 (persistent); published on confirm channels |',
    '| `timestamp` | publish time (seconds) |',
    '',
    'and application headers (`BusHeaders`): `x-schema-version`, `x-occurred-at`, `x-producer`, `x-causation-id`, `traceparent`/`tracestate`,',
    'and on retries and dead letters `x-attempt`, `x-last-error`, `x-failed-by`, `x-dead-lettered-at`.',
    'Every routing key ends in its major version; a breaking change adds `.v2` beside `.v1`. Fields may be added within a version: consumers ignore what they do not know.',
    '',
    '## Topology',
    '',
    `All names live under a namespace (\`BUS_NAMESPACE\`, default \`${DEFAULT_NAMESPACE}\`); this document shows \`${namespace}\`.`,
    '',
    `- \`${example.exchange}\`: durable topic exchange every event is published to; its alternate exchange \`${example.unroutable}\` (fanout) keeps unroutable messages in the queue \`${example.unroutable}\`.`,
    `- \`${namespace}.<service>\`: the service's durable **quorum** queue, bound to the routing keys it handles, with \`x-delivery-limit\` = \`BUS_DELIVERY_LIMIT\` (default ${DEFAULT_RETRY_POLICY.deliveryLimit}) dead-lettering to its DLQ (a message that keeps crashing the consumer).`,
    `- \`${namespace}.<service>.retry.<ms>ms\`: one durable queue per retry delay (\`BUS_RETRY_DELAYS_MS\`, default ${delays.map((d) => `${d} ms`).join(', ')}), with \`x-message-ttl\`, dead-lettering back to \`${namespace}.<service>\`. A failed handler's message is re-sent there with \`x-attempt\` and \`x-last-error\`, then acked.`,
    `- \`${namespace}.<service>.dlq\`: the dead-letter queue (durable quorum queue with no delivery limit of its own). A message goes there after its last retry, at once when it is poison (unparseable body, unknown key, wrong schema version, malformed payload), or from the broker at the delivery limit. Operators list, inspect, replay and discard dead letters with \`npm run dlq\` or the service's admin HTTP API (\`/admin/dead-letters\`, bearer \`ADMIN_TOKEN\`).`,
    '',
    `For example strategy-svc consumes from \`${example.queue}\`, retries through \`${example.retryQueue(delays[0])}\` … \`${example.retryQueue(delays[delays.length - 1])}\` and dead-letters to \`${example.dlq}\`.`,
    '',
    'The embedded mode (`RABBITMQ_URL=embedded:`, all services in one process) stores the same exchanges, queues and bindings in PostgreSQL (schema `embedded_bus`) with the same semantics.',
  ].join('\n');
}

export interface BuildOptions {
  /** Bus namespace shown in the names (default `social`). */
  namespace?: string;
  /** Payload schemas (generated from libs/contracts when omitted). */
  payloads?: PayloadSchemas;
}

/** The AsyncAPI 3.0.0 document of the event bus. */
export function buildAsyncApiDocument(options: BuildOptions = {}): AsyncApiDocument {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const payloads = options.payloads ?? generatePayloadSchemas();
  const entries = eventCatalogEntries();
  const server = { $ref: '#/servers/rabbitmq' };
  const exchange = { name: `${namespace}.events`, type: 'topic', durable: true, autoDelete: false, vhost: '/' };

  const messages: AsyncApiDocument = {};
  const channels: AsyncApiDocument = {};
  const operations: AsyncApiDocument = {};

  for (const entry of entries) {
    const id = eventId(entry);
    messages[id] = {
      name: entry.routingKey,
      title: entry.routingKey,
      summary: entry.summary,
      description: [
        entry.description,
        '',
        `AMQP properties: \`message_id\` a UUID unique per message (consumers deduplicate on it), \`type\` and routing key \`${entry.routingKey}\`, ` +
          `\`correlation_id\` the ${entry.correlatesBy === 'campaignId' ? 'campaign id' : 'connection id of the account'}. Payload type \`${entry.payloadType}\` (libs/contracts).`,
      ].join('\n'),
      contentType: 'application/json',
      headers: {
        allOf: [
          { $ref: '#/components/schemas/BusHeaders' },
          { type: 'object', properties: { [HEADER.schemaVersion]: { const: schemaVersionOf(entry.routingKey) } } },
        ],
      },
      payload: { $ref: `#/components/schemas/${payloads.byKey[entry.routingKey]}` },
      correlationId: { $ref: `#/components/correlationIds/${entry.correlatesBy}` },
      tags: [...entry.producers, ...entry.consumers].filter((s, i, all) => all.indexOf(s) === i).map((name) => ({ name })),
      bindings: { amqp: { messageType: entry.routingKey, bindingVersion: AMQP_BINDING_VERSION } },
      'x-payload-type': entry.payloadType,
    };
    channels[id] = {
      address: entry.routingKey,
      title: entry.routingKey,
      summary: entry.summary,
      description: [
        `Routing key \`${entry.routingKey}\` on the topic exchange \`${exchange.name}\`.`,
        `Published by ${entry.producers.join(', ')}; consumed by ${entry.consumers.map((c) => `${c} (queue \`${brokerNames(namespace, c).queue}\`)`).join(', ')}.`,
      ].join(' '),
      servers: [server],
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      bindings: { amqp: { is: 'routingKey', exchange, bindingVersion: AMQP_BINDING_VERSION } },
    };
  }

  for (const service of BUS_SERVICES) {
    const consumed = entries.filter((entry) => consumedBy(service).includes(entry.routingKey));
    if (consumed.length === 0) continue;
    const names = brokerNames(namespace, service);
    const channelId = queueChannelId(service);
    channels[channelId] = {
      address: names.queue,
      title: `${service} queue`,
      summary: `The inbox of ${service}: a durable quorum queue bound to ${consumed.length} routing key(s).`,
      description: [
        `Durable quorum queue \`${names.queue}\`, bound to \`${names.exchange}\` with ${consumed.map((e) => `\`${e.routingKey}\``).join(', ')}.`,
        `\`x-delivery-limit\` = \`BUS_DELIVERY_LIMIT\` (default ${DEFAULT_RETRY_POLICY.deliveryLimit}), dead-lettering to \`${names.dlq}\`.`,
        `Failed handlers retry through \`${names.retryQueue(DEFAULT_RETRY_POLICY.delaysMs[0])}\`… (one TTL queue per delay of \`BUS_RETRY_DELAYS_MS\`), which dead-letter back here.`,
      ].join(' '),
      servers: [server],
      messages: Object.fromEntries(consumed.map((entry) => [eventId(entry), { $ref: `#/components/messages/${eventId(entry)}` }])),
      bindings: { amqp: { is: 'queue', queue: { name: names.queue, durable: true, exclusive: false, autoDelete: false, vhost: '/' }, bindingVersion: AMQP_BINDING_VERSION } },
    };
  }

  for (const entry of entries) {
    const id = eventId(entry);
    for (const service of entry.producers) {
      operations[sendOperationId(service, entry)] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
        title: `${service} publishes ${entry.routingKey}`,
        summary: entry.summary,
        description: `Written to the \`${SERVICES[service].schema}.outbox\` table in the transaction of the change; the outbox relay publishes it to \`${namespace}.events\` on a confirm channel and deletes the row once the broker confirmed it.`,
        tags: [{ name: service }],
        bindings: { amqp: { deliveryMode: 2, mandatory: false, timestamp: true, bindingVersion: AMQP_BINDING_VERSION } },
      };
    }
    for (const service of entry.consumers) {
      const channelId = queueChannelId(service);
      operations[receiveOperationId(service, entry)] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channelId}` },
        messages: [{ $ref: `#/channels/${channelId}/messages/${id}` }],
        title: `${service} handles ${entry.routingKey}`,
        summary: entry.summary,
        description: `Consumed from \`${brokerNames(namespace, service).queue}\` (bound with \`${entry.routingKey}\`). The message id goes into \`${SERVICES[service].schema}.inbox\` in the handler's transaction (a duplicate stops there); the message is acked after the commit, retried on failure and dead-lettered to \`${brokerNames(namespace, service).dlq}\` when its retries run out.`,
        tags: [{ name: service }],
        bindings: { amqp: { ack: true, bindingVersion: AMQP_BINDING_VERSION } },
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    id: 'urn:agentic-social:event-bus',
    info: {
      title: 'Agentic Social event bus',
      // The major version is the routing keys' (`.v1`).
      version: '1.0.0',
      description: infoDescription(namespace),
      tags: BUS_SERVICES.map((service) => ({ name: service, description: `Service ${service} (database schema \`${SERVICES[service].schema}\`, HTTP port ${SERVICES[service].port}).` })),
    },
    defaultContentType: 'application/json',
    servers: {
      rabbitmq: {
        host: '{host}:{port}',
        protocol: 'amqp',
        protocolVersion: '0.9.1',
        title: 'RabbitMQ',
        description: 'The broker of `RABBITMQ_URL` (amqp:// or amqps://), RabbitMQ 3.10 or later (quorum queues). Vhost `/`.',
        variables: {
          host: { default: '127.0.0.1', description: 'Broker host.' },
          port: { default: '5672', description: 'AMQP port (5671 for amqps).' },
        },
        security: [{ $ref: '#/components/securitySchemes/userPassword' }],
      },
    },
    channels,
    operations,
    components: {
      schemas: { BusHeaders: busHeadersSchema(), ...payloads.schemas },
      messages,
      correlationIds: {
        campaignId: { description: 'AMQP `correlation_id` property: the campaign id, shared by every message and log line of a campaign.', location: '$message.header#/correlation_id' },
        connectionId: { description: 'AMQP `correlation_id` property: the connection id of the account the event is about.', location: '$message.header#/correlation_id' },
      },
      securitySchemes: {
        userPassword: { type: 'userPassword', description: 'The user and password of `RABBITMQ_URL`.' },
      },
    },
  };
}

/** The document as committed: YAML, no anchors, stable order, a generated-file banner. */
export function renderAsyncApiYaml(document: AsyncApiDocument): string {
  const banner = '# Generated by `npm run asyncapi` from libs/contracts (event-catalog.ts, events.ts): do not edit by hand.\n';
  return banner + stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 });
}
