import { CAMPAIGN_STATE_SCHEMA_VERSION } from './campaign-state';
import type { CampaignSpec } from './campaign-state';
import { PLATFORMS, isPlatform } from './platforms';
import { RoutingKey } from './events';

type Check = (payload: Record<string, unknown>) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const needStrings =
  (...fields: string[]): Check =>
  (p) => {
    const missing = fields.find((f) => typeof p[f] !== 'string' || (p[f] as string).length === 0);
    return missing ? `payload.${missing} must be a non-empty string` : null;
  };

const stateCheck: Check = (p) => {
  const state = p.state;
  if (!isObject(state)) return 'payload.state must be an object';
  if (state.schemaVersion !== CAMPAIGN_STATE_SCHEMA_VERSION)
    return `payload.state.schemaVersion must be ${CAMPAIGN_STATE_SCHEMA_VERSION}, got ${String(state.schemaVersion)}`;
  if (typeof state.campaignId !== 'string') return 'payload.state.campaignId must be a string';
  if (typeof state.revision !== 'number') return 'payload.state.revision must be a number';
  if (!isObject(state.spec)) return 'payload.state.spec must be an object';
  if (!Array.isArray(state.posts)) return 'payload.state.posts must be an array';
  if (!Array.isArray(state.stages)) return 'payload.state.stages must be an array';
  return null;
};

const CHECKS: Record<RoutingKey, Check> = {
  'campaign.requested.v1': stateCheck,
  'campaign.planned.v1': stateCheck,
  'campaign.written.v1': stateCheck,
  'campaign.designed.v1': stateCheck,
  'campaign.scheduled.v1': stateCheck,
  'campaign.failed.v1': needStrings('campaignId', 'stage', 'reason'),
  'campaign.execution-requested.v1': needStrings('campaignId', 'userId'),
  'campaign.armed.v1': needStrings('campaignId'),
  'post.updated.v1': needStrings('postId', 'campaignId'),
  'post.cancelled.v1': needStrings('postId', 'campaignId'),
  'post.due.v1': needStrings('postId', 'campaignId', 'platform', 'text', 'scheduledTime'),
  'post.published.v1': needStrings('postId', 'campaignId', 'platform', 'platformPostId'),
  'post.failed.v1': needStrings('postId', 'campaignId', 'platform', 'reason'),
  'post.requested.v1': needStrings('postId', 'campaignId', 'userId', 'platform', 'connectionId', 'text', 'scheduledTime'),
  'post.attempted.v1': needStrings('postId', 'campaignId', 'platform', 'outcome', 'startedAt'),
  'post.unconfirmed.v1': needStrings('postId', 'campaignId', 'platform', 'reason'),
  'account.connected.v1': needStrings('connectionId', 'userId', 'platform', 'accountId', 'timeZone', 'kind'),
  'account.disconnected.v1': needStrings('connectionId', 'userId', 'platform'),
  'optimization.updated.v1': (p) =>
    needStrings('runId', 'userId', 'connectionId', 'platform', 'timeZone')(p) ??
    (Array.isArray(p.slots) && p.slots.length === 168 ? null : 'payload.slots must be an array of 168 slot estimates'),
};

/** Structural check of a payload for its routing key: the reason it is malformed, or null. */
export function validatePayload(key: RoutingKey, payload: unknown): string | null {
  if (!isObject(payload)) return 'payload must be a JSON object';
  return CHECKS[key](payload);
}

/** Problems with a campaign spec, each naming its field (agents check what producers send them). */
export function campaignSpecProblems(spec: Partial<CampaignSpec>): string[] {
  const problems: string[] = [];
  if (typeof spec.goal !== 'string' || spec.goal.trim() === '') problems.push('goal must be a non-empty string');
  if (!Array.isArray(spec.targetPlatforms) || spec.targetPlatforms.length === 0 || !spec.targetPlatforms.every(isPlatform)) {
    problems.push(`targetPlatforms must be a non-empty list of ${PLATFORMS.join(', ')}`);
  }
  if (!Number.isInteger(spec.durationDays) || (spec.durationDays as number) < 1 || (spec.durationDays as number) > 90) {
    problems.push('durationDays must be an integer from 1 to 90');
  }
  if (typeof spec.startDate !== 'string' || Number.isNaN(Date.parse(spec.startDate))) problems.push('startDate must be an ISO 8601 instant');
  try {
    new Intl.DateTimeFormat('en', { timeZone: spec.timezone });
    if (typeof spec.timezone !== 'string') throw new Error();
  } catch {
    problems.push('timezone must be an IANA time zone');
  }
  return problems;
}
