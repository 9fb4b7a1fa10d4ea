import type { StageRun } from '@app/contracts';
import type { CampaignPost } from '../posts/campaign-post.entity';
import type { Campaign } from './campaign.entity';
import { totalUsage, mergeStages, toCampaignView } from './campaign-view.mapper';

const usage = { provider: 'offline', model: 'm', promptVersion: 'p/1', tokensIn: 10, tokensOut: 20, latencyMs: 5, attempts: 1 };
const run = (stage: StageRun['stage'], extra: Partial<StageRun> = {}): StageRun => ({
  stage,
  status: 'succeeded',
  startedAt: `2026-01-01T00:0${stage.length}:00.000Z`,
  finishedAt: `2026-01-01T00:0${stage.length}:30.000Z`,
  ...extra,
});

describe('mergeStages', () => {
  it('always lists the four pipeline stages in order, pending when nothing ran', () => {
    const stages = mergeStages([], null);
    expect(stages.map((s) => s.stage)).toEqual(['strategy', 'content', 'creative', 'schedule']);
    expect(stages.every((s) => s.status === 'pending' && s.startedAt === null && s.error === null && s.usage === null)).toBe(true);
  });

  it('takes status, times and usage from the recorded runs', () => {
    const stages = mergeStages([run('strategy', { usage }), run('content')], null);
    expect(stages[0]).toEqual({ stage: 'strategy', status: 'succeeded', startedAt: run('strategy').startedAt, finishedAt: run('strategy').finishedAt, error: null, usage });
    expect(stages[1].status).toBe('succeeded');
    expect(stages[1].usage).toBeNull();
    expect(stages[2].status).toBe('pending');
    expect(stages[3].status).toBe('pending');
  });

  it('marks the stage named by the failure as failed with its reason, leaving later stages pending', () => {
    const stages = mergeStages([run('strategy')], { stage: 'content', reason: 'model output invalid', failedAt: '2026-01-01T01:00:00.000Z' });
    expect(stages[0].status).toBe('succeeded');
    expect(stages[1]).toEqual({ stage: 'content', status: 'failed', startedAt: null, finishedAt: '2026-01-01T01:00:00.000Z', error: 'model output invalid', usage: null });
    expect(stages[2].status).toBe('pending');
    expect(stages[3].status).toBe('pending');
  });

  it('keeps the run details of a stage that also carries the failure', () => {
    const failedRun = run('creative', { status: 'failed', error: 'bad visual', usage });
    const stages = mergeStages([run('strategy'), run('content'), failedRun], { stage: 'creative', reason: 'creative gave up', failedAt: 'T' });
    expect(stages[2]).toMatchObject({ status: 'failed', startedAt: failedRun.startedAt, error: 'creative gave up', usage });
  });

  it('uses the latest run when a stage appears twice', () => {
    const stages = mergeStages([run('strategy', { status: 'failed', error: 'first' }), run('strategy', { finishedAt: 'later' })], null);
    expect(stages[0]).toMatchObject({ status: 'succeeded', finishedAt: 'later', error: null });
  });
});

describe('toCampaignView', () => {
  const created = new Date('2026-01-01T00:00:00.000Z');
  const campaign = {
    id: 'c1',
    userId: 'u1',
    name: 'Launch',
    goal: 'Sign-ups',
    targetPlatforms: ['x'],
    startDate: new Date('2026-02-01T09:00:00.000Z'),
    durationDays: 7,
    targetAudience: null,
    brandVoice: 'warm',
    contentThemes: ['a'],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    revision: 5,
    strategyOutput: null,
    stages: [run('strategy')],
    failure: null,
    executionRequestedAt: null,
    createdAt: created,
    updatedAt: created,
  } as Campaign;
  const post = {
    id: 'p1',
    campaignId: 'c1',
    userId: 'u1',
    planId: 'x-01',
    platform: 'x',
    contentType: 'thread',
    pillar: 'Tips',
    content: { text: '1/2 hello', threadParts: ['1/2 hello', '2/2 bye'], hashtags: ['#hi'] },
    visual: null,
    scheduledTime: new Date('2026-02-01T10:00:00.000Z'),
    status: 'draft',
    editRevision: 0,
    platformPostId: null,
    publishedAt: null,
    error: null,
    createdAt: created,
    updatedAt: created,
  } as CampaignPost;

  it('maps dates to ISO strings, absent values to null and flattens post content', () => {
    const view = toCampaignView(campaign, [post]);
    expect(view).toMatchObject({ id: 'c1', startDate: '2026-02-01T09:00:00.000Z', targetAudience: null, brandVoice: 'warm', strategy: null, failure: null });
    expect(view.stages).toHaveLength(4);
    expect(view.posts[0]).toMatchObject({
      id: 'p1',
      text: '1/2 hello',
      threadParts: ['1/2 hello', '2/2 bye'],
      hashtags: ['#hi'],
      callToAction: null,
      visual: null,
      scheduledTime: '2026-02-01T10:00:00.000Z',
      status: 'draft',
    });
    expect(view).not.toHaveProperty('userId');
  });
});

describe('totalUsage', () => {
  it('sums model calls, tokens and latency over the stages that used a model', () => {
    const runs = [
      run('strategy', { usage }),
      run('content', { usage: { ...usage, tokensIn: 100, tokensOut: 200, latencyMs: 7.6, calls: 2 } }),
      run('schedule'),
    ];
    expect(totalUsage(runs)).toEqual({ modelCalls: 3, tokensIn: 110, tokensOut: 220, latencyMs: 13 });
  });

  it('is zero before any stage ran', () => {
    expect(totalUsage([])).toEqual({ modelCalls: 0, tokensIn: 0, tokensOut: 0, latencyMs: 0 });
  });
});

describe('toCampaignView of an ad-hoc campaign', () => {
  it('shows its kind and no pipeline stages', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const adhoc = {
      id: 'c2',
      userId: 'u1',
      kind: 'adhoc',
      name: 'Ad-hoc post',
      goal: 'hello',
      targetPlatforms: ['x'],
      startDate: at,
      durationDays: 1,
      targetAudience: null,
      brandVoice: null,
      contentThemes: [],
      timezone: 'UTC',
      status: 'active',
      revision: 1,
      strategyOutput: null,
      stages: [],
      recommendations: null,
      failure: null,
      executionRequestedAt: at,
      createdAt: at,
      updatedAt: at,
    } as Campaign;
    const view = toCampaignView(adhoc, []);
    expect(view).toMatchObject({ kind: 'adhoc', status: 'active', stages: [] });
    expect(toCampaignView({ ...adhoc, kind: 'agent' }, []).stages).toHaveLength(4);
  });
});
