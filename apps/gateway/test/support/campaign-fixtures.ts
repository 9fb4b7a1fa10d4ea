import { randomUUID } from 'node:crypto';
import type { CampaignStateV1, PostDraft, StageRun, Strategy } from '@app/contracts';

/** A valid POST /campaigns body, with overrides. */
export const campaignBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Spring launch',
  goal: 'Get 500 beta sign-ups',
  targetPlatforms: ['x', 'instagram'],
  durationDays: 14,
  ...extra,
});

const usage = { provider: 'offline', model: 'offline-1', promptVersion: 'test/1', tokensIn: 100, tokensOut: 200, latencyMs: 12, attempts: 1 };
const stage = (name: StageRun['stage']): StageRun => ({
  stage: name,
  status: 'succeeded',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  usage,
});

export const strategy: Strategy = {
  summary: 'Teach, then sell.',
  audienceInsight: 'Busy founders.',
  pillars: [{ name: 'Tips', description: 'Quick wins' }],
  keyMessages: ['Ship faster'],
  cadence: [{ platform: 'x', postsPerWeek: 3 }],
  kpis: [{ name: 'sign-ups', target: '500' }],
  plan: [{ planId: 'x-01', platform: 'x', pillar: 'Tips', format: 'single', angle: 'One tip', day: 0 }],
};

export interface ScheduledFixture {
  state: CampaignStateV1;
  single: PostDraft;
  thread: PostDraft;
  image: PostDraft;
}

/** A campaign state as the Scheduler would publish it: three posts on X and Instagram, in the future. */
export function scheduledState(campaignId: string, userId: string, spec: CampaignStateV1['spec']): ScheduledFixture {
  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
  const single: PostDraft = {
    id: randomUUID(),
    planId: 'x-01',
    platform: 'x',
    contentType: 'single',
    pillar: 'Tips',
    text: 'Ship the smallest thing today. #ShipIt',
    hashtags: ['#ShipIt'],
    callToAction: 'Join the beta',
    scheduledTime: inDays(1),
  };
  const thread: PostDraft = {
    id: randomUUID(),
    planId: 'x-02',
    platform: 'x',
    contentType: 'thread',
    pillar: 'Tips',
    text: '1/2 Three habits of fast teams #Teams',
    threadParts: ['1/2 Three habits of fast teams #Teams', '2/2 Small PRs, fast reviews, daily deploys.'],
    hashtags: ['#Teams'],
    scheduledTime: inDays(2),
  };
  const image: PostDraft = {
    id: randomUUID(),
    planId: 'ig-01',
    platform: 'instagram',
    contentType: 'image',
    pillar: 'Tips',
    text: 'Your desk, but faster. #Productivity',
    hashtags: ['#Productivity'],
    visual: { concept: 'A tidy desk', imagePrompt: 'minimal desk, morning light', altText: 'A tidy desk by a window' },
    scheduledTime: inDays(3),
  };
  const state: CampaignStateV1 = {
    schemaVersion: 1,
    campaignId,
    userId,
    revision: 5,
    spec,
    strategy,
    posts: [single, thread, image],
    stages: [stage('strategy'), stage('content'), stage('creative'), stage('schedule')],
  };
  return { state, single, thread, image };
}
