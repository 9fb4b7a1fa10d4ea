import { randomUUID } from 'node:crypto';
import type { CampaignSpec, CampaignState, PostDraft } from '@app/contracts';
import { OfflineLlmProvider } from '@app/llm';

const DEFAULT_SPEC: CampaignSpec = {
  name: 'Lakeside Library summer reading',
  goal: 'Get 300 families to sign up for the summer reading challenge',
  targetPlatforms: ['x', 'instagram'],
  startDate: '2026-12-01T09:00:00.000Z',
  durationDays: 7,
  targetAudience: 'parents of primary school children',
  brandVoice: 'warm',
  contentThemes: ['book picks', 'reading habits'],
  timezone: 'Europe/Dublin',
};

/** A campaign as the gateway requests it (revision 1, nothing planned). */
export function requestedState(spec: Partial<CampaignSpec> = {}): CampaignState {
  return {
    schemaVersion: 1,
    campaignId: randomUUID(),
    userId: randomUUID(),
    revision: 1,
    spec: { ...DEFAULT_SPEC, startDate: new Date().toISOString(), ...spec },
    posts: [],
    stages: [],
  };
}

/** A campaign as the Strategy agent hands it on (plan made with the offline model). */
export function plannedState(spec: Partial<CampaignSpec> = {}): CampaignState {
  const state = requestedState(spec);
  return { ...state, revision: 2, strategy: new OfflineLlmProvider().run('strategy.plan', { spec: state.spec }) };
}

/** A campaign as the Content Writer hands it on (posts written with the offline model). */
export function writtenState(spec: Partial<CampaignSpec> = {}): CampaignState {
  const state = plannedState(spec);
  const { posts } = new OfflineLlmProvider().run('content.write', { spec: state.spec, strategy: state.strategy! });
  const drafts: PostDraft[] = posts.map((post) => ({ id: randomUUID(), ...post }));
  return { ...state, revision: 3, posts: drafts };
}
