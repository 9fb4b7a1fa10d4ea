import { Events } from '@app/contracts';
import { Progress, REPO_ROOT, SERVICE_NAMES, peakRssMiB } from '@app/launcher';
import { FakeGeminiServer } from '@app/llm';
import { BusObserver, createTestDatabase, deleteNamespace, startSystem, uniqueNamespace } from '@app/testing';
import path from 'node:path';
import { percentile } from './stats';

/**
 * Pushes CAMPAIGNS campaigns (3 platforms, one week) through the seven services on the real broker and
 * database with the offline model, and prints throughput, request→scheduled latency and peak memory.
 */
const CAMPAIGNS = Number(process.env.BENCH_CAMPAIGNS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
/** Campaigns sent one at a time (each waits for the previous to be scheduled) before the burst. */
const SOLO = Number(process.env.BENCH_SOLO ?? 20);
/** `offline`, or `gemini`: the real Gemini SDK against a local fake that answers after BENCH_LLM_DELAY_MS. */
const LLM = process.env.BENCH_LLM ?? 'offline';
const LLM_DELAY_MS = Number(process.env.BENCH_LLM_DELAY_MS ?? 800);
/** Campaigns whose recorded model usage is averaged. */
const USAGE_SAMPLE = 50;

async function main(): Promise<void> {
  const db = await createTestDatabase('bench');
  const namespace = uniqueNamespace();
  const logDir = path.join(REPO_ROOT, 'bench/results/logs', namespace);
  console.log(`starting 7 services (logs in ${path.relative(REPO_ROOT, logDir)})`);
  const gemini = LLM === 'gemini' ? new FakeGeminiServer() : undefined;
  const llmEnv: Record<string, string> = {};
  if (gemini) {
    gemini.defaultDelayMs = LLM_DELAY_MS;
    Object.assign(llmEnv, { LLM_PROVIDER: 'gemini', GEMINI_API_KEY: 'bench-key', GEMINI_BASE_URL: await gemini.start() });
  }
  const system = await startSystem({ databaseUrl: db.url, namespace, logDir, env: { SCHEDULER_TICK_MS: '1000', OUTBOX_POLL_INTERVAL_MS: '1000', ...llmEnv } });
  const observer = await BusObserver.start(namespace, [Events.CampaignScheduled, Events.CampaignFailed]);
  try {
    const base = system.gatewayUrl;
    const email = `bench-${Date.now()}@example.com`;
    await post(base, '/api/v1/auth/register', { email, password: 'benchmark-password' });
    const { accessToken } = (await post(base, '/api/v1/auth/login', { email, password: 'benchmark-password' })) as { accessToken: string };

    const sentAt = new Map<string, number>();
    const scheduledAt = (id: string) => observer.messages.find((m) => m.correlationId === id)?.receivedAt;
    const solo: number[] = [];
    for (let i = 0; i < SOLO; i++) {
      const t = Date.now();
      const { id } = (await post(base, '/api/v1/campaigns', campaignBody(i), accessToken)) as { id: string };
      while (scheduledAt(id) === undefined) await new Promise((resolve) => setTimeout(resolve, 2));
      solo.push(scheduledAt(id)! - t);
    }
    solo.sort((a, b) => a - b);
    observer.messages.length = 0;
    const progress = new Progress('scheduled', CAMPAIGNS);
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < CAMPAIGNS) {
        const i = next++;
        const t = Date.now();
        const body = campaignBody(i);
        const created = (await post(base, '/api/v1/campaigns', body, accessToken)) as { id: string };
        sentAt.set(created.id, t);
      }
    };
    const sending = Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const settled = () => observer.messages.length;
    while (settled() < CAMPAIGNS) {
      progress.update(settled(), `(${((Date.now() - started) / 1000).toFixed(1)} s)`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (Date.now() - started > 600_000) throw new Error(`only ${settled()} of ${CAMPAIGNS} settled after 10 minutes`);
    }
    progress.update(CAMPAIGNS);
    progress.finish();
    await sending;
    const elapsed = (Date.now() - started) / 1000;
    const failed = observer.of(Events.CampaignFailed).length;
    const latencies = observer
      .of(Events.CampaignScheduled)
      .map((m) => (m.receivedAt ?? 0) - (sentAt.get(m.correlationId) ?? NaN))
      .filter((n) => Number.isFinite(n))
      .sort((a, b) => a - b);
    const memory = SERVICE_NAMES.map((name) => `${name} ${peakRssMiB(system.children.get(name)?.pid) ?? '?'} MiB`);
    const sample = [...sentAt.keys()].slice(0, USAGE_SAMPLE);
    const usages = await Promise.all(sample.map((id) => get(base, `/api/v1/campaigns/${id}`, accessToken).then((v) => (v as { usage: Usage }).usage)));
    const mean = (pick: (u: Usage) => number) => Math.round(usages.reduce((sum, u) => sum + pick(u), 0) / usages.length);
    const model = gemini ? `Gemini SDK against a local fake answering after ${LLM_DELAY_MS} ms` : 'offline model';
    console.log(`\npipeline benchmark: ${CAMPAIGNS} campaigns × 3 platforms × 7 days, ${model}, ${CONCURRENCY} concurrent requests`);
    console.log(`  per campaign (mean of ${usages.length}): ${mean((u) => u.modelCalls)} model calls, ${mean((u) => u.tokensIn)} tokens in, ${mean((u) => u.tokensOut)} tokens out`);
    console.log(`  one at a time (${SOLO} campaigns, idle system): request → scheduled p50 ${percentile(solo, 50)} ms, max ${solo[solo.length - 1]} ms`);
    console.log(`  burst: scheduled: ${CAMPAIGNS - failed}, failed: ${failed}, wall time ${elapsed.toFixed(1)} s`);
    console.log(`  throughput: ${(CAMPAIGNS / elapsed).toFixed(1)} campaigns/s`);
    console.log(`  request → scheduled: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms`);
    console.log(`  peak RSS: ${memory.join(', ')}`);
  } finally {
    await gemini?.close();
    await observer.close();
    await system.stop();
    await deleteNamespace(namespace, [...SERVICE_NAMES], [200, 500]);
    await db.drop();
  }
}

interface Usage {
  modelCalls: number;
  tokensIn: number;
  tokensOut: number;
}

async function get(base: string, route: string, token: string): Promise<unknown> {
  const res = await fetch(`${base}${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${route}: ${res.status}`);
  return res.json();
}

function campaignBody(i: number) {
  return {
    name: `Benchmark campaign ${i}`,
    goal: `Grow newsletter sign-ups for product line ${i % 17} among small business owners`,
    targetPlatforms: ['x', 'instagram', 'facebook'],
    durationDays: 7,
    targetAudience: 'small business owners',
    brandVoice: ['playful', 'professional', 'bold', 'warm'][i % 4],
    contentThemes: ['customer stories', 'how-to guides', `season ${i % 4}`],
    timezone: 'America/New_York',
  };
}

async function post(base: string, route: string, body: object, token?: string): Promise<unknown> {
  const res = await fetch(`${base}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
