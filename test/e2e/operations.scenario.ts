import type { CollectedSpan, FakeOtlpCollector } from '@app/testing';
import { eventually } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { ApiSession } from './api-client';
import { SseClient } from './sse-client';
import type { SystemUnderTest } from './campaign-flow.scenario';

export type ServiceKey = 'gateway' | 'strategy-svc' | 'content-svc' | 'creative-svc' | 'scheduler-svc' | 'posting-svc' | 'analytics-svc';

/** What the operations checks need besides the API: each service's own port, the collector, the logs. */
export interface ObservedSystem extends SystemUnderTest {
  serviceUrl(service: ServiceKey): string;
  collector: FakeOtlpCollector;
  /** Every line the services wrote so far. */
  logLines(): string[];
  /** Whether every line is a log record (distributed: yes; the one-process mode also prints its banner). */
  onlyLogRecords: boolean;
  /** Configured secret values that must never reach a log line. */
  secrets: string[];
}

const BRIEF = {
  name: 'Operations trace check',
  goal: 'Grow newsletter sign-ups among indie game developers',
  targetPlatforms: ['x', 'mastodon'],
  durationDays: 3,
  targetAudience: 'indie game developers',
  brandVoice: 'friendly and precise',
  contentThemes: ['devlogs', 'launch checklists'],
  timezone: 'Europe/Berlin',
};

/** OTLP span kinds. */
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * The operations contract, after the campaign flow ran on the same system: one campaign is traced from its
 * HTTP request through every RabbitMQ hop (trace context in the message headers, exported over OTLP); every
 * log line is a JSON record, the campaign's lines carry its id and trace id, and no secret is ever logged;
 * and every service's `/metrics` exposes the named series with what the run did.
 */
export function operationsScenario(getSystem: () => ObservedSystem): void {
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  let campaignId: string;
  let session: ApiSession;
  const password = `ops-${randomBytes(6).toString('hex')}-password`;

  it('streams a campaign’s stages and posts live to its owner only (Server-Sent Events)', async () => {
    const system = getSystem();
    const owner = await ApiSession.register(system.gatewayUrl, `live-${Date.now()}@example.com`);
    const other = await ApiSession.register(system.gatewayUrl, `live-other-${Date.now()}@example.com`);
    const stream = await SseClient.open(`${system.gatewayUrl}/api/v1/events`, owner.token);
    const otherStream = await SseClient.open(`${system.gatewayUrl}/api/v1/events`, other.token);
    expect((await SseClient.open(`${system.gatewayUrl}/api/v1/events`, 'not-a-token')).status).toBe(401);
    try {
      expect(stream.status).toBe(200);
      const before = new Date(Date.now() - 1).toISOString();
      const created = await owner.post('/api/v1/campaigns', { ...BRIEF, name: 'Live stream check', startDate: new Date().toISOString() });
      const id = created.body.id as string;
      const events = await stream.waitFor('the campaign scheduled, live', (all) => all.some((e) => e.type === 'campaign' && e.data.id === id && e.data.status === 'scheduled'));
      const mine = events.filter((e) => e.data.id === id || e.data.campaignId === id);
      const succeeded = mine.filter((e) => e.type === 'campaign').map((e) => (e.data.stages as Array<{ status: string }>).filter((s) => s.status === 'succeeded').length);
      // Stages appear as the gateway learns of them: never fewer than before, ending with all four. (Stages that
      // finish within one LIVE_POLL_MS arrive in one event; the offline model is that fast.)
      expect(succeeded.length).toBeGreaterThanOrEqual(1);
      expect(succeeded).toEqual([...succeeded].sort((a, b) => a - b));
      expect(succeeded.at(-1)).toBe(4);
      const view = (await owner.get(`/api/v1/campaigns/${id}`).expect(200)).body;
      const streamedPosts = new Set(mine.filter((e) => e.type === 'post').map((e) => e.data.id));
      expect(streamedPosts).toEqual(new Set(view.posts.map((p: { id: string }) => p.id)));
      expect(mine.every((e) => e.data.userId === undefined)).toBe(true);
      // Another user neither sees it on their stream nor may subscribe to it.
      expect(otherStream.events.filter((e) => e.data.id === id || e.data.campaignId === id)).toHaveLength(0);
      expect((await SseClient.open(`${system.gatewayUrl}/api/v1/events?campaignId=${id}`, other.token)).status).toBe(404);
      // A reconnect with Last-Event-ID replays what happened after it: here, everything since before the request.
      const resumed = await SseClient.open(`${system.gatewayUrl}/api/v1/events?campaignId=${id}`, owner.token, { 'last-event-id': before });
      try {
        const replayed = await resumed.waitFor('replay', (all) => all.some((e) => e.type === 'campaign' && e.data.status === 'scheduled') && all.filter((e) => e.type === 'post').length >= streamedPosts.size, 10_000);
        expect(new Set(replayed.filter((e) => e.type === 'post').map((e) => e.data.id))).toEqual(streamedPosts);
        expect(replayed.every((e) => e.id! >= before && (e.data.id === id || e.data.campaignId === id))).toBe(true);
      } finally {
        await resumed.close();
      }
    } finally {
      await stream.close();
      await otherStream.close();
    }
  });

  it('traces a campaign from the HTTP request through every RabbitMQ hop, over OTLP', async () => {
    const system = getSystem();
    session = await ApiSession.register(system.gatewayUrl, `ops-${Date.now()}@example.com`, password);
    const created = await session
      .post('/api/v1/campaigns', { ...BRIEF, startDate: new Date().toISOString() })
      .set('traceparent', `00-${traceId}-${callerSpanId}-01`);
    expect([201, 202]).toContain(created.status);
    campaignId = created.body.id;
    await eventually('scheduled', async () => ((await session.get(`/api/v1/campaigns/${campaignId}`)).body.status === 'scheduled' ? true : undefined), 60_000, 250);

    const hops: Array<[string, ServiceKey]> = [
      ['campaign.requested.v1', 'strategy-svc'],
      ['campaign.planned.v1', 'content-svc'],
      ['campaign.written.v1', 'creative-svc'],
      ['campaign.designed.v1', 'scheduler-svc'],
      ['campaign.scheduled.v1', 'gateway'],
    ];
    const spans = await eventually('every hop exported', async () => {
      const trace = system.collector.trace(traceId);
      return hops.every(([key, service]) => trace.some((s) => s.kind === CONSUMER && s.name === `${key} process` && s.scope === service)) ? trace : undefined;
    }, 30_000, 250).catch((error: Error) => {
      const trace = system.collector.trace(traceId);
      throw new Error(`${error.message}; ${system.collector.spans.length} span(s) received, ${trace.length} in the campaign's trace: ${trace.map((s) => `${s.scope}:${s.name}`).join(', ')}`);
    });
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const request = spans.find((s) => s.kind === SERVER && s.scope === 'gateway' && s.name === 'POST /api/v1/campaigns');
    expect(request).toBeDefined();
    expect(request!.parentSpanId).toBe(callerSpanId);
    expect(request!.attributes['http.response.status_code']).toBe(created.status);
    for (const [key, service] of hops) {
      const consumer = spans.find((s) => s.kind === CONSUMER && s.name === `${key} process` && s.scope === service)!;
      const producer = byId.get(consumer.parentSpanId ?? '');
      expect(producer).toMatchObject({ kind: PRODUCER, name: `${key} publish` });
      expect(consumer.attributes['messaging.message.conversation_id']).toBe(campaignId);
      // The producer span sits inside the work that caused it: the request, or the previous hop's consumer.
      const cause = byId.get(producer!.parentSpanId ?? '') as CollectedSpan;
      expect(cause).toBeDefined();
      expect([SERVER, CONSUMER]).toContain(cause.kind);
    }
  });

  it('carries the trace over internal HTTP calls: the gateway’s call to analytics-svc joins the request’s trace', async () => {
    const system = getSystem();
    const spanId = randomBytes(8).toString('hex');
    await session.get(`/api/v1/analytics/campaign/${campaignId}`).set('traceparent', `00-${traceId}-${spanId}-01`).expect(200);
    const [gatewaySpan, analyticsSpan] = await eventually('both server spans exported', async () => {
      const trace = system.collector.trace(traceId);
      const gateway = trace.find((s) => s.kind === SERVER && s.scope === 'gateway' && s.parentSpanId === spanId);
      const analytics = gateway && trace.find((s) => s.kind === SERVER && s.scope === 'analytics-svc' && s.parentSpanId === gateway.spanId);
      return gateway && analytics ? [gateway, analytics] : undefined;
    }, 30_000, 250);
    expect(gatewaySpan.name).toBe('GET /api/v1/analytics/campaign/:id');
    expect(analyticsSpan.name).toMatch(/^GET \/internal\/analytics\/campaigns\/:id/);
  });

  it('writes JSON log lines carrying the campaign id and trace id, with no secret in any line', async () => {
    const system = getSystem();
    const lines = system.logLines().filter((l) => l.trim() !== '');
    const records = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    if (system.onlyLogRecords) expect(records).toHaveLength(lines.length);
    for (const record of records) expect(record).toMatchObject({ time: expect.any(String), level: expect.any(String), service: expect.any(String) });
    const campaignLines = records.filter((r) => r.correlationId === campaignId);
    const stages = campaignLines.filter((r) => String(r.msg).startsWith(`campaign ${campaignId}: `));
    expect(new Set(stages.map((r) => r.service))).toEqual(new Set(['strategy-svc', 'content-svc', 'creative-svc', 'scheduler-svc']));
    for (const line of stages) expect(line.traceId).toBe(traceId);
    const everything = lines.join('\n');
    for (const secret of [...system.secrets, password, session.token]) expect(everything).not.toContain(secret);
  });

  it('serves Prometheus metrics on every service with the named series', async () => {
    const system = getSystem();
    const scrape = async (service: ServiceKey) => {
      const res = await fetch(`${system.serviceUrl(service)}/metrics`);
      expect(res.status).toBe(200);
      return res.text();
    };
    const value = (text: string, name: string, labels: Record<string, string | RegExp>): number => {
      const matching = text.split('\n').filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => (typeof v === 'string' ? l.includes(`${k}="${v}"`) : new RegExp(`${k}="${v.source}"`).test(l))));
      return matching.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
    };
    const gateway = await scrape('gateway');
    expect(value(gateway, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/campaigns', status_code: /20[12]/ })).toBeGreaterThanOrEqual(1);
    expect(value(gateway, 'bus_messages_published_total', { routing_key: 'campaign.requested.v1' })).toBeGreaterThanOrEqual(2);
    expect(value(gateway, 'bus_messages_consumed_total', { routing_key: 'campaign.scheduled.v1', outcome: 'processed' })).toBeGreaterThanOrEqual(2);
    for (const [service, stage] of [['strategy-svc', 'strategy'], ['content-svc', 'content'], ['creative-svc', 'creative'], ['scheduler-svc', 'schedule']] as const) {
      const text = await scrape(service);
      expect(value(text, 'agent_stage_duration_seconds_count', { stage, outcome: 'succeeded' })).toBeGreaterThanOrEqual(2);
      expect(value(text, 'bus_handler_duration_seconds_count', { service })).toBeGreaterThanOrEqual(2);
      if (stage !== 'schedule') expect(value(text, 'llm_tokens_total', { provider: system.llmProvider, kind: 'completion' })).toBeGreaterThan(0);
    }
    const posting = await scrape('posting-svc');
    expect(value(posting, 'posts_published_total', { platform: /x|instagram|facebook/ })).toBeGreaterThanOrEqual(1);
    expect(value(posting, 'bus_messages_consumed_total', { routing_key: 'post.due.v1', outcome: 'processed' })).toBeGreaterThanOrEqual(1);
    for (const service of ['gateway', 'strategy-svc', 'content-svc', 'creative-svc', 'scheduler-svc', 'posting-svc', 'analytics-svc'] as const) {
      const text = service === 'gateway' ? gateway : service === 'posting-svc' ? posting : await scrape(service);
      expect(text).toMatch(new RegExp(`^bus_outbox_backlog\\{service="${service}"\\} \\d+$`, 'm'));
      expect(text).toMatch(new RegExp(`^bus_queue_depth\\{queue="[^"]+\\.${service}",service="${service}"\\} \\d+$`, 'm'));
      expect(text).toMatch(new RegExp(`^bus_queue_depth\\{queue="[^"]+\\.${service}\\.dlq",service="${service}"\\} \\d+$`, 'm'));
    }
  });
}
