import 'reflect-metadata';
import { Events } from '@app/contracts';
import type { CampaignStatePayload } from '@app/contracts';
import { eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { campaignBody, scheduledState } from './support/campaign-fixtures';
import type { ScheduledFixture } from './support/campaign-fixtures';
import { GatewayHarness, queueDepth } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';

const auth = GatewayHarness.auth;

/**
 * The read-model projection against real PostgreSQL and RabbitMQ: events published on the broker in the
 * bus wire format (as the agents would) show up in the REST views; user edits go out as events.
 */
describe('gateway projection and posts (real PostgreSQL and RabbitMQ)', () => {
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;
  const getCampaign = async (id: string, user = alice) => (await gw.http().get(`/api/v1/campaigns/${id}`).set(auth(user)).expect(200)).body;

  let campaignId: string;
  let fixture: ScheduledFixture;
  const post = async (id: string, user = alice) => (await gw.http().get(`/api/v1/posts/${id}`).set(auth(user)).expect(200)).body;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
    alice = await gw.signUp('alice@example.com');
    bob = await gw.signUp('bob@example.com');
    const created = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ name: 'Projected' })).expect(202);
    campaignId = created.body.id;
    const requested = await gw.observer.waitFor(
      `${Events.CampaignRequested} on the broker`,
      (m) => m.routingKey === Events.CampaignRequested && (m.payload as CampaignStatePayload).state.campaignId === campaignId,
    );
    fixture = scheduledState(campaignId, alice.id, (requested.payload as CampaignStatePayload).state.spec);
  });

  afterAll(async () => {
    await gw?.stop();
  });

  it('projects campaign.scheduled: status, revision, strategy, stages and draft posts', async () => {
    await gw.observer.publish(Events.CampaignScheduled, { state: fixture.state }, campaignId);
    const view = await eventually('campaign scheduled', async () => {
      const body = await getCampaign(campaignId);
      return body.status === 'scheduled' ? body : undefined;
    });
    expect(view.revision).toBe(5);
    expect(view.strategy).toEqual(fixture.state.strategy);
    expect(view.stages.map((s: { status: string }) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(view.stages[0].usage).toMatchObject({ provider: 'offline', tokensIn: 100 });
    expect(view.posts).toHaveLength(3);
    const image = view.posts.find((p: { id: string }) => p.id === fixture.image.id);
    expect(image).toMatchObject({
      platform: 'instagram',
      contentType: 'image',
      status: 'draft',
      text: fixture.image.text,
      hashtags: ['#Productivity'],
      visual: fixture.image.visual,
      scheduledTime: fixture.image.scheduledTime,
    });
    const thread = view.posts.find((p: { id: string }) => p.id === fixture.thread.id);
    expect(thread.threadParts).toEqual(fixture.thread.threadParts);
  });

  it('ignores a stale pipeline state (older revision)', async () => {
    const stale = { ...fixture.state, revision: 2, posts: [], stages: [] };
    const messageId = await gw.observer.publish(Events.CampaignPlanned, { state: stale }, campaignId);
    await eventually('stale state consumed', () => gw.inboxHas(messageId));
    const view = await getCampaign(campaignId);
    expect(view).toMatchObject({ status: 'scheduled', revision: 5 });
    expect(view.posts).toHaveLength(3);
  });

  it('lists and filters posts for their owner only', async () => {
    const all = await gw.http().get(`/api/v1/posts?campaignId=${campaignId}`).set(auth(alice)).expect(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const onX = await gw.http().get(`/api/v1/posts?campaignId=${campaignId}&platform=x&status=draft`).set(auth(alice)).expect(200);
    expect(onX.body.items.map((p: { id: string }) => p.id).sort()).toEqual([fixture.single.id, fixture.thread.id].sort());
    const bobs = await gw.http().get(`/api/v1/posts?campaignId=${campaignId}`).set(auth(bob)).expect(200);
    expect(bobs.body.total).toBe(0);
    await gw.http().get(`/api/v1/posts/${fixture.single.id}`).set(auth(bob)).expect(404);
    await gw.http().patch(`/api/v1/posts/${fixture.single.id}`).set(auth(bob)).send({ text: 'mine now' }).expect(404);
    await gw.http().delete(`/api/v1/posts/${fixture.single.id}`).set(auth(bob)).expect(404);
    await gw.http().get('/api/v1/posts?status=bogus').set(auth(alice)).expect(400);
  });

  it('refuses X text over 280 characters and a past time, naming the field', async () => {
    const long = await gw.http().patch(`/api/v1/posts/${fixture.single.id}`).set(auth(alice)).send({ text: 'a'.repeat(281) }).expect(400);
    expect(long.body).toMatchObject({ statusCode: 400, message: 'Validation failed', errors: [{ field: 'text', messages: [expect.stringContaining('280')] }] });
    const past = await gw.http().patch(`/api/v1/posts/${fixture.single.id}`).set(auth(alice)).send({ scheduledTime: '2020-01-01T00:00:00Z' }).expect(400);
    expect(past.body.errors[0].field).toBe('scheduledTime');
    const empty = await gw.http().patch(`/api/v1/posts/${fixture.single.id}`).set(auth(alice)).send({}).expect(400);
    expect(empty.body.errors[0].field).toBe('text');
    expect((await post(fixture.single.id)).editRevision).toBe(0);
  });

  it('edits a post and publishes post.updated', async () => {
    const scheduledTime = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const res = await gw.http().patch(`/api/v1/posts/${fixture.single.id}`).set(auth(alice)).send({ text: 'Edited by hand #Fresh', scheduledTime }).expect(200);
    expect(res.body).toMatchObject({ id: fixture.single.id, text: 'Edited by hand #Fresh', hashtags: ['#Fresh'], editRevision: 1, scheduledTime, status: 'draft' });
    const message = await gw.observer.waitFor(
      `${Events.PostUpdated} on the broker`,
      (m) => m.routingKey === Events.PostUpdated && (m.payload as { postId: string }).postId === fixture.single.id,
    );
    expect(message.payload).toEqual({ postId: fixture.single.id, campaignId, editRevision: 1, text: 'Edited by hand #Fresh', hashtags: ['#Fresh'], scheduledTime });
    expect(message.correlationId).toBe(campaignId);
  });

  it('keeps the user edit when a newer pipeline state arrives', async () => {
    const newer = { ...fixture.state, revision: 6, posts: fixture.state.posts.map((p) => ({ ...p, text: `${p.text} (v6)` })) };
    const messageId = await gw.observer.publish(Events.CampaignScheduled, { state: newer }, campaignId);
    await eventually('newer state consumed', () => gw.inboxHas(messageId));
    expect((await post(fixture.single.id)).text).toBe('Edited by hand #Fresh');
    expect((await post(fixture.thread.id)).text).toBe(`${fixture.thread.text} (v6)`);
    expect((await getCampaign(campaignId)).revision).toBe(6);
  });

  it('cancels a post with 204 and post.cancelled, idempotently; a cancelled post cannot be edited', async () => {
    await gw.http().delete(`/api/v1/posts/${fixture.image.id}`).set(auth(alice)).expect(204);
    const cancelled = await gw.observer.waitFor(
      `${Events.PostCancelled} on the broker`,
      (m) => m.routingKey === Events.PostCancelled && (m.payload as { postId: string }).postId === fixture.image.id,
    );
    expect(cancelled.payload).toEqual({ postId: fixture.image.id, campaignId, cancelledAt: expect.any(String) });
    expect((await post(fixture.image.id)).status).toBe('cancelled');
    await gw.http().delete(`/api/v1/posts/${fixture.image.id}`).set(auth(alice)).expect(204);
    const edit = await gw.http().patch(`/api/v1/posts/${fixture.image.id}`).set(auth(alice)).send({ text: 'again' }).expect(409);
    expect(edit.body.message).toContain('cancelled');
  });

  it('executes a scheduled campaign: 202 and campaign.execution-requested', async () => {
    const res = await gw.http().post(`/api/v1/campaigns/${campaignId}/execute`).set(auth(alice)).expect(202);
    expect(res.body).toMatchObject({ id: campaignId, status: 'scheduled', executionRequestedAt: expect.any(String) });
    const requested = await gw.observer.waitFor(
      `${Events.CampaignExecutionRequested} on the broker`,
      (m) => m.routingKey === Events.CampaignExecutionRequested && (m.payload as { campaignId: string }).campaignId === campaignId,
    );
    expect(requested.payload).toEqual({ campaignId, userId: alice.id, requestedAt: res.body.executionRequestedAt });
    const again = await gw.http().post(`/api/v1/campaigns/${campaignId}/execute`).set(auth(alice)).expect(202);
    expect(again.body.executionRequestedAt).toBe(res.body.executionRequestedAt);
  });

  it('projects campaign.armed: campaign active, draft posts armed; executing again is 409', async () => {
    const armedPostIds = [fixture.single.id, fixture.thread.id, fixture.image.id];
    await gw.observer.publish(Events.CampaignArmed, { campaignId, armedPostIds, armedAt: new Date().toISOString() }, campaignId);
    const view = await eventually('campaign active', async () => {
      const body = await getCampaign(campaignId);
      return body.status === 'active' ? body : undefined;
    });
    const statuses = Object.fromEntries(view.posts.map((p: { id: string; status: string }) => [p.id, p.status]));
    expect(statuses).toEqual({ [fixture.single.id]: 'armed', [fixture.thread.id]: 'armed', [fixture.image.id]: 'cancelled' });
    const again = await gw.http().post(`/api/v1/campaigns/${campaignId}/execute`).set(auth(alice)).expect(409);
    expect(again.body.message).toContain('already executing');
  });

  it('projects post.published (even before post.due, which then changes nothing)', async () => {
    const publishedAt = new Date().toISOString();
    const published = {
      postId: fixture.single.id,
      campaignId,
      userId: alice.id,
      platform: 'x',
      platformPostId: 'tweet-123',
      text: 'Edited by hand #Fresh',
      hashtags: ['#Fresh'],
      publishedAt,
    };
    await gw.observer.publish(Events.PostPublished, published, campaignId);
    const done = await eventually('post published', async () => {
      const body = await post(fixture.single.id);
      return body.status === 'published' ? body : undefined;
    });
    expect(done).toMatchObject({ platformPostId: 'tweet-123', publishedAt, error: null });

    const due = { ...fixture.single, postId: fixture.single.id, campaignId, userId: alice.id, scheduledTime: publishedAt, editRevision: 1 };
    const lateDue = await gw.observer.publish(Events.PostDue, due, campaignId);
    await eventually('late post.due consumed', () => gw.inboxHas(lateDue));
    expect((await post(fixture.single.id)).status).toBe('published');
    expect((await getCampaign(campaignId)).status).toBe('active');
  });

  it('skips events for unknown posts without dead-lettering them', async () => {
    const ghost = { postId: randomUUID(), campaignId, userId: alice.id, platform: 'x', reason: 'nope', failedAt: new Date().toISOString() };
    const messageId = await gw.observer.publish(Events.PostFailed, ghost, campaignId);
    await eventually('unknown post event consumed', () => gw.inboxHas(messageId));
  });

  it('completes the campaign once every remaining post is published or failed', async () => {
    const due = { ...fixture.thread, postId: fixture.thread.id, campaignId, userId: alice.id, scheduledTime: fixture.thread.scheduledTime, editRevision: 0 };
    await gw.observer.publish(Events.PostDue, due, campaignId);
    await eventually('thread publishing', async () => ((await post(fixture.thread.id)).status === 'publishing' ? true : undefined));
    const failure = { postId: fixture.thread.id, campaignId, userId: alice.id, platform: 'x', reason: 'rate limited', failedAt: new Date().toISOString() };
    await gw.observer.publish(Events.PostFailed, failure, campaignId);
    const view = await eventually('campaign completed', async () => {
      const body = await getCampaign(campaignId);
      return body.status === 'completed' ? body : undefined;
    });
    expect(view.posts.find((p: { id: string }) => p.id === fixture.thread.id)).toMatchObject({ status: 'failed', error: 'rate limited' });
    await gw.http().patch(`/api/v1/posts/${fixture.thread.id}`).set(auth(alice)).send({ text: 'too late' }).expect(409);
    await gw.http().delete(`/api/v1/posts/${fixture.single.id}`).set(auth(alice)).expect(409);
  });

  it('completes an active campaign when its last open post is cancelled', async () => {
    const created = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ name: 'Short-lived' })).expect(202);
    const id: string = created.body.id;
    const own = scheduledState(id, alice.id, fixture.state.spec);
    await gw.observer.publish(Events.CampaignScheduled, { state: own.state }, id);
    await eventually('scheduled', async () => ((await getCampaign(id)).status === 'scheduled' ? true : undefined));
    await gw.observer.publish(Events.CampaignArmed, { campaignId: id, armedPostIds: own.state.posts.map((p) => p.id), armedAt: new Date().toISOString() }, id);
    await eventually('active', async () => ((await getCampaign(id)).status === 'active' ? true : undefined));
    for (const settled of [own.single, own.thread]) {
      const failure = { postId: settled.id, campaignId: id, userId: alice.id, platform: 'x', reason: 'suspended', failedAt: new Date().toISOString() };
      const messageId = await gw.observer.publish(Events.PostFailed, failure, id);
      await eventually('post failed', () => gw.inboxHas(messageId));
    }
    expect((await getCampaign(id)).status).toBe('active');
    await gw.http().delete(`/api/v1/posts/${own.image.id}`).set(auth(alice)).expect(204);
    expect((await getCampaign(id)).status).toBe('completed');
  });

  it('projects campaign.failed onto the stage it failed at and keeps it failed', async () => {
    const created = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ name: 'Doomed' })).expect(202);
    const id = created.body.id;
    const failedAt = new Date().toISOString();
    const failed = await gw.observer.publish(Events.CampaignFailed, { campaignId: id, userId: alice.id, stage: 'content', reason: 'model kept inventing facts', failedAt, revision: 2 }, id);
    await eventually('failure consumed', () => gw.inboxHas(failed));
    const late = { ...fixture.state, campaignId: id, revision: 2, posts: [], stages: [fixture.state.stages[0]] };
    const planned = await gw.observer.publish(Events.CampaignPlanned, { state: late }, id);
    await eventually('late planned consumed', () => gw.inboxHas(planned));
    const view = await getCampaign(id);
    expect(view.status).toBe('failed');
    expect(view.failure).toEqual({ stage: 'content', reason: 'model kept inventing facts', failedAt });
    expect(view.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
      'strategy:succeeded',
      'content:failed',
      'creative:pending',
      'schedule:pending',
    ]);
    expect(view.stages[1].error).toBe('model kept inventing facts');
  });

  it('dead-lettered nothing', async () => {
    expect(await queueDepth(`${gw.namespace}.gateway.dlq`)).toBe(0);
  });
});
