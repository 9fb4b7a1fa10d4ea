import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import type { Diagnostic } from '@asyncapi/parser';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { planTopology, toWire, topologyNames } from '@app/bus';
import { DEFAULT_RETRY_POLICY } from '@app/config';
import { BUS_SERVICES, EVENT_CATALOG, ROUTING_KEYS, consumedBy, eventCatalogEntries, validatePayload } from '@app/contracts';
import type { CampaignState, EventPayloads, RoutingKey } from '@app/contracts';
import { plannedState, requestedState, writtenState } from '@app/testing';
import {
  ASYNCAPI_FILE,
  AsyncApiDocument,
  buildAsyncApiDocument,
  eventId,
  generatePayloadSchemas,
  queueChannelId,
  receiveOperationId,
  renderAsyncApiYaml,
  repoRoot,
  sendOperationId,
} from '../asyncapi/asyncapi-document';

const ERROR = 0; // DiagnosticSeverity.Error

/** The parser, with every remote reference refused: validation must not depend on (or reach) the network. */
function offlineParser(): Parser {
  const refuse = (schema: string) => ({
    schema,
    order: 1,
    canRead: true,
    read: (uri: { toString(): string }) => {
      throw new Error(`remote reference ${uri.toString()} in a test`);
    },
  });
  return new Parser({ __unstable: { resolver: { resolvers: [refuse('http'), refuse('https')] } } });
}

const errorsOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === ERROR);
const describeDiagnostics = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`).join('\n');

/** Realistic payloads, built from the campaign fixtures (the offline model's plan and posts). */
function samplePayloads(): { [K in RoutingKey]: EventPayloads[K] } {
  const now = new Date('2026-12-01T09:00:00.000Z');
  const iso = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const written = writtenState();
  const designed: CampaignState = {
    ...written,
    revision: 4,
    posts: written.posts.map((p) => ({ ...p, visual: { concept: `Concept for ${p.planId}`, imagePrompt: 'a reading nook by a lake', altText: 'A cosy reading nook' } })),
  };
  const scheduled: CampaignState = {
    ...designed,
    revision: 5,
    posts: designed.posts.map((p, i) => ({ ...p, scheduledTime: iso(60 * (i + 1)), slotChoice: { source: 'default', weekday: 1, hour: 9 } })),
  };
  const post = scheduled.posts[0];
  const { campaignId, userId } = scheduled;
  const connectionId = '0b9e3c0e-2a52-4c55-9a3f-6f1c2f0f7c11';
  return {
    'campaign.requested.v1': { state: requestedState() },
    'campaign.planned.v1': { state: plannedState() },
    'campaign.written.v1': { state: written },
    'campaign.designed.v1': { state: designed },
    'campaign.scheduled.v1': { state: scheduled },
    'campaign.failed.v1': { campaignId, userId, stage: 'content', reason: 'the model answered badly twice', failedAt: iso(1), revision: 2 },
    'campaign.execution-requested.v1': { campaignId, userId, requestedAt: iso(2) },
    'campaign.armed.v1': { campaignId, armedPostIds: scheduled.posts.map((p) => p.id), armedAt: iso(3) },
    'post.updated.v1': { postId: post.id, campaignId, editRevision: 2, text: `${post.text} (edited)`, scheduledTime: iso(90) },
    'post.cancelled.v1': { postId: post.id, campaignId, cancelledAt: iso(4) },
    'post.due.v1': {
      postId: post.id,
      campaignId,
      userId,
      platform: post.platform,
      contentType: post.contentType,
      text: post.text,
      ...(post.threadParts ? { threadParts: post.threadParts } : {}),
      hashtags: post.hashtags,
      imagePrompt: post.visual!.imagePrompt,
      altText: post.visual!.altText,
      scheduledTime: post.scheduledTime!,
      editRevision: 1,
    },
    'post.published.v1': {
      postId: post.id,
      campaignId,
      userId,
      platform: post.platform,
      platformPostId: '1864223344556677889',
      url: 'https://x.com/lakeside/status/1864223344556677889',
      text: post.text,
      hashtags: post.hashtags,
      publishedAt: iso(61),
      connectionId,
      accountName: '@lakeside',
    },
    'post.failed.v1': { postId: post.id, campaignId, userId, platform: post.platform, reason: 'duplicate content', failedAt: iso(61), code: 'rejected', connectionId },
    'post.requested.v1': {
      postId: '4d1f6f43-5b7e-4b0a-8a57-4a0c1f2d9e10',
      campaignId,
      userId,
      platform: 'mastodon',
      contentType: 'single',
      text: 'Summer reading starts Monday!',
      hashtags: ['SummerReading'],
      connectionId,
      scheduledTime: iso(120),
      editRevision: 1,
    },
    'post.attempted.v1': {
      postId: post.id,
      campaignId,
      userId,
      platform: post.platform,
      attempt: 1,
      outcome: 'retry',
      detail: '429 rate limited',
      httpStatus: 429,
      startedAt: iso(60),
      finishedAt: iso(60.1),
      nextAttemptAt: iso(75),
    },
    'post.unconfirmed.v1': { postId: post.id, campaignId, userId, platform: post.platform, reason: 'timeout after the commit call', at: iso(62) },
    'account.connected.v1': {
      connectionId,
      userId,
      platform: 'mastodon',
      accountId: '109876',
      accountName: '@lakeside@mastodon.social',
      timeZone: 'Europe/Dublin',
      kind: 'platform',
      connectedAt: iso(0),
      created: true,
    },
    'account.disconnected.v1': { connectionId, userId, platform: 'mastodon', disconnectedAt: iso(500) },
    'optimization.updated.v1': {
      runId: 'a7c1e9a4-0f5c-4f62-a1d1-5b8a2f3f7a21',
      userId,
      connectionId,
      platform: 'mastodon',
      accountName: '@lakeside@mastodon.social',
      timeZone: 'Europe/Dublin',
      computedAt: iso(600),
      observations: 42,
      basis: 'engagements',
      slots: Array.from({ length: 168 }, (_, i) => ({ mean: 1 + Math.sin(i / 12) / 5, sd: 0.2, confidence: 0.4 })),
      bestSlots: [{ weekday: 1, hour: 9, expectedLift: 0.21, confidence: 0.5 }],
      contentInsights: [
        { feature: 'question', value: 'yes', n: 12, nOther: 30, lift: 0.3, effectSize: 0.45, significant: true, finding: 'Posts that ask a question get 30% more engagement.' },
      ],
      changes: { newTopSlots: [{ weekday: 1, hour: 9 }], droppedTopSlots: [], insightChanges: ['question: new finding'] },
    },
  };
}

/** For each key, a field the contract requires (dot path into the sample) whose absence must be rejected. */
const REQUIRED_FIELD: Record<RoutingKey, string> = {
  'campaign.requested.v1': 'state.spec',
  'campaign.planned.v1': 'state.campaignId',
  'campaign.written.v1': 'state.posts.0.text',
  'campaign.designed.v1': 'state.posts.0.visual.altText',
  'campaign.scheduled.v1': 'state.revision',
  'campaign.failed.v1': 'reason',
  'campaign.execution-requested.v1': 'requestedAt',
  'campaign.armed.v1': 'armedPostIds',
  'post.updated.v1': 'editRevision',
  'post.cancelled.v1': 'cancelledAt',
  'post.due.v1': 'scheduledTime',
  'post.published.v1': 'platformPostId',
  'post.failed.v1': 'failedAt',
  // Required only through `& { connectionId: string }` on an Omit<> of PostDuePayload, where it is optional.
  'post.requested.v1': 'connectionId',
  'post.attempted.v1': 'outcome',
  'post.unconfirmed.v1': 'at',
  'account.connected.v1': 'kind',
  'account.disconnected.v1': 'disconnectedAt',
  'optimization.updated.v1': 'slots.0.sd',
};

function without(value: unknown, dotPath: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const parts = dotPath.split('.');
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  if (!(parts[parts.length - 1] in node)) throw new Error(`the sample has no ${dotPath} to remove`);
  delete node[parts[parts.length - 1]];
  return copy;
}

describe('AsyncAPI document of the event bus (docs/asyncapi.yaml)', () => {
  const root = repoRoot();
  const committed = readFileSync(path.join(root, ASYNCAPI_FILE), 'utf8');
  const document = parseYaml(committed) as AsyncApiDocument;
  let generated: AsyncApiDocument;

  beforeAll(() => {
    generated = buildAsyncApiDocument();
  });

  it('is exactly what the generator makes from libs/contracts today', () => {
    const fresh = renderAsyncApiYaml(generated);
    if (fresh !== committed) {
      const a = fresh.split('\n');
      const b = committed.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(
        `${ASYNCAPI_FILE} is out of date with libs/contracts: run \`npm run asyncapi\` and commit it.\n` +
          `first difference at line ${line + 1}:\n  generated: ${a[line]}\n  committed: ${b[line]}`,
      );
    }
  });

  it('parses and validates with @asyncapi/parser (AsyncAPI 3.0.0, no error diagnostics)', async () => {
    const { document: parsed, diagnostics } = await offlineParser().parse(committed);
    if (errorsOf(diagnostics).length > 0) throw new Error(`AsyncAPI errors:\n${describeDiagnostics(errorsOf(diagnostics))}`);
    expect(parsed).toBeDefined();
    expect(parsed!.version()).toBe('3.0.0');
    expect(parsed!.channels().all().map((c) => c.address()).filter((a) => (ROUTING_KEYS as readonly (string | null | undefined)[]).includes(a)).sort()).toEqual([...ROUTING_KEYS].sort());
    const operations = parsed!.operations().all();
    const expected = eventCatalogEntries().reduce((n, e) => n + e.producers.length + e.consumers.length, 0);
    expect(operations).toHaveLength(expected);
    for (const operation of operations) expect(operation.messages().all().length).toBe(1);
    expect(await offlineParser().validate(committed).then(errorsOf)).toEqual([]);
  });

  it('is rejected by the parser when broken (negative checks of the validation above)', async () => {
    const broken = (mutate: (doc: AsyncApiDocument) => void) => {
      const copy = structuredClone(document);
      mutate(copy);
      return JSON.stringify(copy);
    };
    const missingMessage = await offlineParser().validate(
      broken((doc) => {
        doc.channels.campaignRequested.messages.campaignRequested = { $ref: '#/components/messages/doesNotExist' };
      }),
    );
    expect(errorsOf(missingMessage).length).toBeGreaterThan(0);
    expect(describeDiagnostics(errorsOf(missingMessage))).toMatch(/doesNotExist/);

    const foreignMessage = await offlineParser().validate(
      broken((doc) => {
        doc.operations['gateway.send.campaignRequested'].messages = [{ $ref: '#/channels/campaignPlanned/messages/campaignPlanned' }];
      }),
    );
    expect(errorsOf(foreignMessage).map((d) => d.code)).toContain('asyncapi3-operation-messages-from-referred-channel');

    const badBinding = await offlineParser().validate(
      broken((doc) => {
        doc.channels.gatewayQueue.bindings.amqp.exchange = { name: 'social.events', type: 'topic' };
      }),
    );
    expect(errorsOf(badBinding).length).toBeGreaterThan(0);
  });

  it('has a channel per routing key on the topic exchange, and send/receive operations per the catalog', () => {
    for (const entry of eventCatalogEntries()) {
      const id = eventId(entry);
      const channel = document.channels[id];
      expect(channel.address).toBe(entry.routingKey);
      expect(channel.bindings.amqp).toEqual({ is: 'routingKey', exchange: { name: 'social.events', type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' });
      const message = document.components.messages[id];
      expect(message.name).toBe(entry.routingKey);
      expect(message.payload).toEqual({ $ref: `#/components/schemas/${entry.payloadType}` });
      expect(message.correlationId).toEqual({ $ref: `#/components/correlationIds/${entry.correlatesBy}` });
      expect(message.bindings.amqp.messageType).toBe(entry.routingKey);
      for (const producer of entry.producers) {
        const op = document.operations[sendOperationId(producer, entry)];
        expect(op).toMatchObject({ action: 'send', channel: { $ref: `#/channels/${id}` } });
        expect(op.bindings.amqp.deliveryMode).toBe(2);
      }
      for (const consumer of entry.consumers) {
        const op = document.operations[receiveOperationId(consumer, entry)];
        expect(op).toMatchObject({ action: 'receive', channel: { $ref: `#/channels/${queueChannelId(consumer)}` } });
      }
    }
    const sendOps = Object.values(document.operations as Record<string, { action: string }>).filter((op) => op.action === 'send');
    expect(sendOps).toHaveLength(eventCatalogEntries().reduce((n, e) => n + e.producers.length, 0));
  });

  it("describes each service's queue with the names and kind libs/bus declares", () => {
    for (const service of BUS_SERVICES) {
      const names = topologyNames('social', service);
      const plan = planTopology({ namespace: 'social', service, routingKeys: consumedBy(service), retry: DEFAULT_RETRY_POLICY });
      const queue = plan.queues.find((q) => q.name === names.queue)!;
      expect(queue.kind).toBe('quorum');
      const channel = document.channels[queueChannelId(service)];
      expect(channel.address).toBe(names.queue);
      expect(channel.bindings.amqp).toMatchObject({ is: 'queue', queue: { name: names.queue, durable: true, exclusive: false, autoDelete: false } });
      expect(Object.keys(channel.messages).sort()).toEqual(consumedBy(service).map((k) => eventId(EVENT_CATALOG[k])).sort());
      expect(channel.description).toContain(names.dlq);
      expect(channel.description).toContain(names.retryQueue(DEFAULT_RETRY_POLICY.delaysMs[0]));
      const bound = plan.bindings.filter((b) => b.queue === names.queue).map((b) => b.pattern);
      for (const key of bound) expect(channel.description).toContain(`\`${key}\``);
      expect(plan.exchanges.find((e) => e.name === names.exchange)?.type).toBe('topic');
    }
    expect(document.info.description).toContain('social.<service>.dlq');
    expect(document.info.description).toContain('social.<service>.retry.<ms>ms');
  });

  describe('schemas', () => {
    let ajv: Ajv;
    const schemaOf = (name: string): ValidateFunction => {
      const validate = ajv.getSchema(`asyncapi.json#/components/schemas/${name}`);
      if (!validate) throw new Error(`no schema ${name}`);
      return validate;
    };
    const payloadSchema = (key: RoutingKey) => schemaOf(EVENT_CATALOG[key].payloadType);

    beforeAll(() => {
      ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      ajv.addSchema({ $id: 'asyncapi.json', components: { schemas: document.components.schemas } });
    });

    it('accepts a realistic sample of every payload (one the bus itself accepts too)', () => {
      const samples = samplePayloads();
      expect(Object.keys(samples).sort()).toEqual([...ROUTING_KEYS].sort());
      for (const key of ROUTING_KEYS) {
        expect({ key, busCheck: validatePayload(key, samples[key]) }).toEqual({ key, busCheck: null });
        const validate = payloadSchema(key);
        const valid = validate(samples[key]);
        expect({ key, errors: valid ? null : ajv.errorsText(validate.errors) }).toEqual({ key, errors: null });
      }
    });

    it('rejects each payload with a required field missing, a wrong enum value or a wrong type', () => {
      const samples = samplePayloads();
      for (const key of ROUTING_KEYS) {
        const validate = payloadSchema(key);
        const field = REQUIRED_FIELD[key];
        expect({ key, field, accepted: validate(without(samples[key], field)) }).toEqual({ key, field, accepted: false });
        const name = field.split('.').pop()!;
        expect(ajv.errorsText(validate.errors)).toContain(name);
      }
      expect(payloadSchema('post.failed.v1')({ ...samples['post.failed.v1'], code: 'exploded' })).toBe(false);
      expect(payloadSchema('campaign.requested.v1')({ state: { ...samples['campaign.requested.v1'].state, schemaVersion: 2 } })).toBe(false);
      expect(payloadSchema('optimization.updated.v1')({ ...samples['optimization.updated.v1'], observations: '42' })).toBe(false);
      // Fields added within v1 must be tolerated (open objects).
      expect(payloadSchema('post.cancelled.v1')({ ...samples['post.cancelled.v1'], reason: 'added later' })).toBe(true);
    });

    it('keeps the Omit<> of post.requested: no image prompt or alt text, connectionId required', () => {
      const generatedSchemas = generatePayloadSchemas(root).schemas;
      const requested = generatedSchemas.PostRequestedPayload as { properties: Record<string, unknown>; required: string[] };
      expect(Object.keys(requested.properties)).not.toContain('imagePrompt');
      expect(Object.keys(requested.properties)).not.toContain('altText');
      expect(requested.required).toContain('connectionId');
      expect((generatedSchemas.PostDuePayload as { required: string[] }).required).not.toContain('connectionId');
    });

    it('describes the headers the bus writes: toWire output (plus trace context) validates, a bad one does not', () => {
      const wire = toWire('post.cancelled.v1', samplePayloads()['post.cancelled.v1'], { correlationId: 'c-1', causationId: 'm-0', producer: 'gateway' });
      const headers: Record<string, string | number> = { ...wire.headers, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'vendor=1' };
      const message = document.components.messages.postCancelled;
      const validate = ajv.compile({ $id: 'headers-of-post-cancelled', ...message.headers, allOf: message.headers.allOf.map((s: { $ref?: string }) => (s.$ref ? { $ref: `asyncapi.json${s.$ref}` } : s)) });
      expect({ valid: validate(headers), errors: ajv.errorsText(validate.errors) }).toEqual({ valid: true, errors: 'No errors' });
      expect(validate({ ...headers, 'x-schema-version': 2 })).toBe(false);
      expect(validate({ ...headers, traceparent: 'not-a-traceparent' })).toBe(false);
      const withoutProducer = { ...headers };
      delete withoutProducer['x-producer'];
      expect(validate(withoutProducer)).toBe(false);
      expect(validate({ ...headers, 'x-attempt': 2, 'x-last-error': 'boom', 'x-failed-by': 'gateway', 'x-dead-lettered-at': new Date().toISOString() })).toBe(true);
    });
  });
});
