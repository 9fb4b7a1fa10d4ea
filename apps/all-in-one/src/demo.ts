import 'reflect-metadata';
import { Progress } from '@app/launcher';
import { describeStartupFailure } from '@app/service-kit';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DemoClient } from './demo-client';
import { startAllInOne } from './system';

interface Stage { stage: string; status: string; usage: { tokensOut: number } | null }
interface Post { id: string; platform: string; contentType: string; text: string; threadParts: string[] | null; visual: { concept: string } | null; scheduledTime: string; status: string; platformPostId: string | null }
interface Campaign { id: string; status: string; stages: Stage[]; strategy: { summary: string; pillars: Array<{ name: string }> } | null; posts: Post[]; failure: { reason: string } | null }

const DEMO_CAMPAIGN = {
  name: 'Harbor Coffee autumn launch',
  goal: 'Drive 500 sign-ups for the Harbor Coffee subscription among remote workers',
  targetPlatforms: ['x', 'instagram', 'facebook'],
  durationDays: 7,
  targetAudience: 'remote workers who care about specialty coffee',
  brandVoice: 'warm, witty and knowledgeable',
  contentThemes: ['single-origin beans', 'home brewing tips', 'morning routines'],
  timezone: 'Europe/Lisbon',
};
const PUBLISH_NOW = 3;
const say = (text = '') => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, onTick: (value: T) => void, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    onTick(value);
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('the demo timed out; see the log above');
    await sleep(150);
  }
}

/** `npm run demo`: the whole product end to end in under a minute, on its own throwaway data folder. */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DEMO_DATA_DIR ?? './data/demo');
  rmSync(dataDir, { recursive: true, force: true });
  say(`Starting the seven services (embedded database and bus in ${dataDir})...`);
  const system = await startAllInOne({ ...process.env, DATA_DIR: dataDir, GATEWAY_PORT: process.env.GATEWAY_PORT ?? '3000' }, ['warn', 'error']);
  try {
    const api = new DemoClient(system.gatewayUrl);
    await api.signIn('demo@example.com', 'demo-password');
    say(`\nSigned in as demo@example.com. Creating the campaign "${DEMO_CAMPAIGN.name}":\n  goal: ${DEMO_CAMPAIGN.goal}\n`);
    const created = await api.json<Campaign>('POST', '/api/v1/campaigns', DEMO_CAMPAIGN);
    const stages = new Progress('agents at work', 4);
    const campaign = await poll(
      () => api.json<Campaign>('GET', `/api/v1/campaigns/${created.id}`),
      (c) => c.status === 'scheduled' || c.status === 'failed',
      (c) => stages.update(c.stages.filter((s) => s.status === 'succeeded').length, c.stages.map((s) => `${s.stage}:${s.status}`).join(' ')),
    );
    stages.finish();
    if (campaign.status === 'failed') throw new Error(`the campaign failed: ${campaign.failure?.reason}`);
    show(campaign);
    const soon = campaign.posts.slice(0, PUBLISH_NOW);
    say(`\nDemo time compression: moving ${PUBLISH_NOW} posts to the next few seconds so you can watch them publish.`);
    say('(A real campaign publishes each post at its scheduled time; everything goes to the sandbox platform, nothing leaves this machine.)');
    for (const [i, post] of soon.entries()) {
      await api.json('PATCH', `/api/v1/posts/${post.id}`, { scheduledTime: new Date(Date.now() + 2_000 + i * 1_500).toISOString() });
    }
    await api.json('POST', `/api/v1/campaigns/${campaign.id}/execute`);
    const publishing = new Progress('publishing', PUBLISH_NOW);
    const published = await poll(
      () => Promise.all(soon.map((p) => api.json<Post>('GET', `/api/v1/posts/${p.id}`))),
      (posts) => posts.every((p) => p.status === 'published' || p.status === 'failed'),
      (posts) => publishing.update(posts.filter((p) => p.status === 'published').length),
    );
    publishing.finish();
    for (const p of published) say(`  ${p.platform.padEnd(9)} ${p.status} as ${p.platformPostId ?? '-'}: ${firstLine(p.text)}`);
    say(`\nDone. The other ${campaign.posts.length - PUBLISH_NOW} posts stay armed for their times. Run \`npm start\` to explore the API at /docs.`);
  } finally {
    await system.stop();
  }
}

function show(campaign: Campaign): void {
  for (const s of campaign.stages) say(`  ✓ ${s.stage.padEnd(9)} ${s.usage ? `${s.usage.tokensOut} tokens (offline model)` : ''}`);
  say(`\nStrategy: ${campaign.strategy?.summary}`);
  say(`Pillars: ${campaign.strategy?.pillars.map((p) => p.name).join(' · ')}\n`);
  for (const platform of ['x', 'instagram', 'facebook']) {
    const post = campaign.posts.find((p) => p.platform === platform);
    if (!post) continue;
    say(`── ${platform} (${post.contentType}), scheduled ${post.scheduledTime}`);
    say((post.threadParts ?? [post.text]).join('\n  ·\n'));
    if (post.visual) say(`  [visual] ${post.visual.concept}`);
    say();
  }
  say(`${campaign.posts.length} posts in all.`);
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 80);
}

main().catch((error: Error & { service?: string }) => {
  process.stderr.write(`${describeStartupFailure(error.service ?? 'demo', error)}\n`);
  process.exit(1);
});
