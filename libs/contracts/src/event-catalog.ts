import { Events, RoutingKey } from './events';

/**
 * Who publishes and who consumes each event of the bus, and what it means: the description behind
 * `docs/asyncapi.yaml` (generated from this file and the payload types in `events.ts`). Consumers are
 * checked against the `@EventPattern` handlers the services declare (`event-catalog.spec.ts`), so this
 * catalog cannot drift from the code silently.
 */

/** The services on the bus (the names of their queues `<namespace>.<service>` and of `x-producer`). */
export const BUS_SERVICES = ['gateway', 'strategy-svc', 'content-svc', 'creative-svc', 'scheduler-svc', 'posting-svc', 'analytics-svc'] as const;
export type BusService = (typeof BUS_SERVICES)[number];

export type EventName = keyof typeof Events;

export interface EventCatalogEntry<K extends RoutingKey = RoutingKey> {
  routingKey: K;
  /** The key's name in `Events`. */
  name: EventName;
  /** One line. */
  summary: string;
  /** What happened and what the consumers do with it. */
  description: string;
  /** Services that publish it (through their outbox, or the dead-letter hook for `campaign.failed`). */
  producers: readonly BusService[];
  /** Services with an `@EventPattern` handler for it (their queue is bound to the key). */
  consumers: readonly BusService[];
  /** Name of the TypeScript type of its payload, `EventPayloads[routingKey]` (libs/contracts). */
  payloadType: string;
  /**
   * What its AMQP `correlation_id` carries: the campaign id (every message and log line of a campaign shares
   * it), or for account-level events the connection id of the account.
   */
  correlatesBy: 'campaignId' | 'connectionId';
}

const PIPELINE_STATE = 'The whole `CampaignStateV1` travels with it; consumers apply a state only when its `revision` is newer than the one they hold.';

export const EVENT_CATALOG: { readonly [K in RoutingKey]: EventCatalogEntry<K> } = {
  'campaign.requested.v1': {
    routingKey: 'campaign.requested.v1',
    name: 'CampaignRequested',
    summary: 'A user created a campaign (revision 1, nothing planned yet).',
    description: `The gateway stored a new campaign; the Strategy agent plans it. ${PIPELINE_STATE}`,
    producers: ['gateway'],
    consumers: ['strategy-svc'],
    payloadType: 'CampaignStatePayload',
    correlatesBy: 'campaignId',
  },
  'campaign.planned.v1': {
    routingKey: 'campaign.planned.v1',
    name: 'CampaignPlanned',
    summary: 'The Strategy agent planned the campaign: pillars, key messages, cadence, KPIs, content plan.',
    description: `The Content Writer writes one post per plan entry; the gateway updates its read model. ${PIPELINE_STATE}`,
    producers: ['strategy-svc'],
    consumers: ['gateway', 'content-svc'],
    payloadType: 'CampaignStatePayload',
    correlatesBy: 'campaignId',
  },
  'campaign.written.v1': {
    routingKey: 'campaign.written.v1',
    name: 'CampaignWritten',
    summary: 'The Content Writer wrote the posts, each native to its platform.',
    description: `The Creative agent designs their visuals; the gateway updates its read model. ${PIPELINE_STATE}`,
    producers: ['content-svc'],
    consumers: ['gateway', 'creative-svc'],
    payloadType: 'CampaignStatePayload',
    correlatesBy: 'campaignId',
  },
  'campaign.designed.v1': {
    routingKey: 'campaign.designed.v1',
    name: 'CampaignDesigned',
    summary: 'The Creative agent added visuals: concept, image prompt, alt text (and a generated image when configured).',
    description: `The Scheduler chooses every post's time; the gateway updates its read model. ${PIPELINE_STATE}`,
    producers: ['creative-svc'],
    consumers: ['gateway', 'scheduler-svc'],
    payloadType: 'CampaignStatePayload',
    correlatesBy: 'campaignId',
  },
  'campaign.scheduled.v1': {
    routingKey: 'campaign.scheduled.v1',
    name: 'CampaignScheduled',
    summary: "The Scheduler gave every post a UTC time chosen in the campaign's zone.",
    description: `The gateway shows the schedule (the user then executes the campaign); analytics-svc records the post plans. ${PIPELINE_STATE}`,
    producers: ['scheduler-svc'],
    consumers: ['gateway', 'analytics-svc'],
    payloadType: 'CampaignStatePayload',
    correlatesBy: 'campaignId',
  },
  'campaign.failed.v1': {
    routingKey: 'campaign.failed.v1',
    name: 'CampaignFailed',
    summary: 'A pipeline stage gave up on the campaign, with the reason.',
    description:
      'Published by the stage that failed (invalid input, a model that kept answering badly) or by its dead-letter hook when its retries ran out, so the user always sees why a campaign stopped.',
    producers: ['strategy-svc', 'content-svc', 'creative-svc', 'scheduler-svc'],
    consumers: ['gateway'],
    payloadType: 'CampaignFailedPayload',
    correlatesBy: 'campaignId',
  },
  'campaign.execution-requested.v1': {
    routingKey: 'campaign.execution-requested.v1',
    name: 'CampaignExecutionRequested',
    summary: 'The user executed the campaign.',
    description: 'The Scheduler arms the campaign\'s posts for their times.',
    producers: ['gateway'],
    consumers: ['scheduler-svc'],
    payloadType: 'CampaignExecutionRequestedPayload',
    correlatesBy: 'campaignId',
  },
  'campaign.armed.v1': {
    routingKey: 'campaign.armed.v1',
    name: 'CampaignArmed',
    summary: 'These posts will publish at their time.',
    description: 'The Scheduler armed the posts of an executed campaign; the gateway marks them scheduled.',
    producers: ['scheduler-svc'],
    consumers: ['gateway'],
    payloadType: 'CampaignArmedPayload',
    correlatesBy: 'campaignId',
  },
  'post.updated.v1': {
    routingKey: 'post.updated.v1',
    name: 'PostUpdated',
    summary: 'A user edited a post before it went out.',
    description: 'The Scheduler applies it to the armed post (new time or content) and posting-svc to a publication still waiting in its queue; an update older than the held `editRevision` is ignored.',
    producers: ['gateway'],
    consumers: ['scheduler-svc', 'posting-svc'],
    payloadType: 'PostUpdatedPayload',
    correlatesBy: 'campaignId',
  },
  'post.cancelled.v1': {
    routingKey: 'post.cancelled.v1',
    name: 'PostCancelled',
    summary: 'A user deleted a post: it never publishes.',
    description: 'The Scheduler disarms it and posting-svc remembers the cancellation, checked again right before any platform call.',
    producers: ['gateway'],
    consumers: ['scheduler-svc', 'posting-svc'],
    payloadType: 'PostCancelledPayload',
    correlatesBy: 'campaignId',
  },
  'post.due.v1': {
    routingKey: 'post.due.v1',
    name: 'PostDue',
    summary: 'Publish this post now.',
    description: 'The Scheduler dispatched an armed post at its time; posting-svc turns it into a durable publication job, the gateway moves the post on in its read model.',
    producers: ['scheduler-svc'],
    consumers: ['gateway', 'posting-svc'],
    payloadType: 'PostDuePayload',
    correlatesBy: 'campaignId',
  },
  'post.published.v1': {
    routingKey: 'post.published.v1',
    name: 'PostPublished',
    summary: 'The post is live on its platform.',
    description: 'The gateway shows it published; analytics-svc schedules its metric readings.',
    producers: ['posting-svc'],
    consumers: ['gateway', 'analytics-svc'],
    payloadType: 'PostPublishedPayload',
    correlatesBy: 'campaignId',
  },
  'post.failed.v1': {
    routingKey: 'post.failed.v1',
    name: 'PostFailed',
    summary: 'The post did not go out, with a code telling the user what to do.',
    description:
      'Codes: `rejected` (the platform refused it), `reconnect_required` (resumes after a reconnect), `no_account`, `gave_up` (posting-svc), `missed` (the Scheduler found it due while it was down longer than the grace period).',
    producers: ['posting-svc', 'scheduler-svc'],
    consumers: ['gateway', 'analytics-svc'],
    payloadType: 'PostFailedPayload',
    correlatesBy: 'campaignId',
  },
  'post.requested.v1': {
    routingKey: 'post.requested.v1',
    name: 'PostRequested',
    summary: 'Arm this ad-hoc post (written by the user, not the agents) as it is.',
    description: 'The gateway filed it under an ad-hoc campaign of its own; the Scheduler arms it for `scheduledTime` on the given connection.',
    producers: ['gateway'],
    consumers: ['scheduler-svc'],
    payloadType: 'PostRequestedPayload',
    correlatesBy: 'campaignId',
  },
  'post.attempted.v1': {
    routingKey: 'post.attempted.v1',
    name: 'PostAttempted',
    summary: 'One call (or reconciliation) against the platform for a post.',
    description: "The gateway adds it to the post's history; outcomes are those of `ATTEMPT_OUTCOMES`.",
    producers: ['posting-svc'],
    consumers: ['gateway'],
    payloadType: 'PostAttemptedPayload',
    correlatesBy: 'campaignId',
  },
  'post.unconfirmed.v1': {
    routingKey: 'post.unconfirmed.v1',
    name: 'PostUnconfirmed',
    summary: 'The platform may have the post and reconciliation could not tell: the user must check.',
    description: 'The gateway marks the post unconfirmed.',
    producers: ['posting-svc'],
    consumers: ['gateway'],
    payloadType: 'PostUnconfirmedPayload',
    correlatesBy: 'campaignId',
  },
  'account.connected.v1': {
    routingKey: 'account.connected.v1',
    name: 'AccountConnected',
    summary: 'An account was connected or reconnected.',
    description: "analytics-svc imports the account's history and resumes paused readings.",
    producers: ['posting-svc'],
    consumers: ['analytics-svc'],
    payloadType: 'AccountConnectedPayload',
    correlatesBy: 'connectionId',
  },
  'account.disconnected.v1': {
    routingKey: 'account.disconnected.v1',
    name: 'AccountDisconnected',
    summary: 'The user removed a connected account.',
    description: 'analytics-svc stops its readings; the Scheduler and the Strategy agent drop their models of it.',
    producers: ['posting-svc'],
    consumers: ['strategy-svc', 'scheduler-svc', 'analytics-svc'],
    payloadType: 'AccountDisconnectedPayload',
    correlatesBy: 'connectionId',
  },
  'optimization.updated.v1': {
    routingKey: 'optimization.updated.v1',
    name: 'OptimizationUpdated',
    summary: 'A new model of one account: hour-of-week slots, best slots and content insights.',
    description: 'The Scheduler places posts with `slots` (Thompson sampling); the Strategy agent reads `bestSlots` and `contentInsights`. Each keeps the latest run per connection.',
    producers: ['analytics-svc'],
    consumers: ['strategy-svc', 'scheduler-svc'],
    payloadType: 'OptimizationUpdatedPayload',
    correlatesBy: 'connectionId',
  },
};

/** The catalog's entries in the order of `Events`. */
export function eventCatalogEntries(): EventCatalogEntry[] {
  return Object.values(Events).map((key) => EVENT_CATALOG[key] as EventCatalogEntry);
}

/** Routing keys a service consumes according to the catalog (what its queue is bound to). */
export function consumedBy(service: BusService): RoutingKey[] {
  return eventCatalogEntries()
    .filter((entry) => entry.consumers.includes(service))
    .map((entry) => entry.routingKey);
}

/** Routing keys a service publishes according to the catalog. */
export function producedBy(service: BusService): RoutingKey[] {
  return eventCatalogEntries()
    .filter((entry) => entry.producers.includes(service))
    .map((entry) => entry.routingKey);
}
