import 'reflect-metadata';
import { Events, signedMediaUrl } from '@app/contracts';
import type { CampaignStatePayload, ConnectionView, PostRequestedPayload } from '@app/contracts';
import { eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { campaignBody, scheduledState } from './support/campaign-fixtures';
import { FakeBluesky, FakeInstagram, FakeX } from '@app/platforms';
import { GatewayHarness, queueDepth } from './support/gateway-harness';
import type { TestUser } from './support/gateway-harness';
import { PeerServices } from './support/peer-services';

const auth = GatewayHarness.auth;
const MEDIA_KEY = 'media-signing-key-for-tests';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

/**
 * Publishing to connected accounts, on the real gateway with real PostgreSQL and RabbitMQ: ad-hoc posts
 * (connections held by the real posting-svc, platforms faked), the read model of the publishing lifecycle
 * (events published on the broker as posting-svc would), and signed media URLs (images from the real
 * creative-svc).
 */
describe('gateway publishing: ad-hoc posts, lifecycle projection, signed media (real PostgreSQL and RabbitMQ)', () => {
  const fakeX = new FakeX();
  const fakeBluesky = new FakeBluesky();
  const fakeInstagram = new FakeInstagram();
  let peers: PeerServices;
  let gw: GatewayHarness;
  let alice: TestUser;
  let bob: TestUser;
  let x: ConnectionView;
  let bsky: ConnectionView;
  let instagram: ConnectionView;
  let bobsX: ConnectionView;

  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
  const getPost = async (id: string, user = alice) => (await gw.http().get(`/api/v1/posts/${id}`).set(auth(user)).expect(200)).body;
  const getCampaign = async (id: string, user = alice) => (await gw.http().get(`/api/v1/campaigns/${id}`).set(auth(user)).expect(200)).body;
  const createPost = (body: Record<string, unknown>, user = alice) => gw.http().post('/api/v1/posts').set(auth(user)).send(body);
  const requested = (postId: string) =>
    gw.observer.waitFor(`${Events.PostRequested} for ${postId}`, (m) => m.routingKey === Events.PostRequested && (m.payload as PostRequestedPayload).postId === postId);

  beforeAll(async () => {
    await Promise.all([fakeX.start(), fakeBluesky.start(), fakeInstagram.start()]);
    peers = await PeerServices.start({ X_API_BASE_URL: fakeX.url, BLUESKY_API_BASE_URL: fakeBluesky.url, INSTAGRAM_API_BASE_URL: fakeInstagram.graphUrl });
    gw = await GatewayHarness.start({ env: { POSTING_URL: peers.postingUrl, CREATIVE_URL: peers.creativeUrl, MEDIA_SIGNING_KEY: MEDIA_KEY } });
    alice = await gw.signUp('alice@example.com');
    bob = await gw.signUp('bob@example.com');
    x = await peers.connect({ userId: alice.id, platform: 'x', accessToken: fakeX.addAccount('alice').token, timeZone: 'Europe/Paris' });
    const sky = fakeBluesky.addAccount('alice.bsky.social');
    bsky = await peers.connect({ userId: alice.id, platform: 'bluesky', identifier: sky.handle, appPassword: sky.appPassword });
    const ig = fakeInstagram.addAccount('alice.ig');
    instagram = await peers.connect({ userId: alice.id, platform: 'instagram', accountId: ig.igUserId, accessToken: ig.pageToken });
    bobsX = await peers.connect({ userId: bob.id, platform: 'x', accessToken: fakeX.addAccount('bob').token });
  });

  afterAll(async () => {
    await gw?.stop();
    await peers?.stop();
    await Promise.all([fakeX.close(), fakeBluesky.close(), fakeInstagram.close()]);
  });

  describe('ad-hoc posts', () => {
    let campaignId: string;
    let onX: string;
    let onBsky: string;

    it('creates one armed post per connection under an ad-hoc campaign and publishes post.requested for each', async () => {
      const scheduledTime = inHours(2);
      const text = 'We just shipped dark mode to everyone, on every device, with a toggle per device. Try it tonight #release';
      const res = await createPost({ text, connectionIds: [x.id, bsky.id], scheduledTime }).expect(201);
      campaignId = res.body.campaignId;
      expect(res.body.posts.map((p: { platform: string }) => p.platform)).toEqual(['x', 'bluesky']);
      [onX, onBsky] = res.body.posts.map((p: { id: string }) => p.id);
      expect(res.body.posts[0]).toMatchObject({
        campaignId,
        platform: 'x',
        contentType: 'single',
        pillar: 'ad-hoc',
        text,
        threadParts: null,
        hashtags: ['#release'],
        scheduledTime,
        status: 'armed',
        editRevision: 0,
        connectionId: x.id,
        failureCode: null,
        url: null,
      });
      expect(res.body.posts[0]).not.toHaveProperty('attempts');

      for (const [postId, connection] of [[onX, x], [onBsky, bsky]] as const) {
        const message = await requested(postId);
        expect(message.correlationId).toBe(campaignId);
        expect(message.payload).toEqual({
          postId,
          campaignId,
          userId: alice.id,
          platform: connection.platform,
          connectionId: connection.id,
          contentType: 'single',
          text,
          hashtags: ['#release'],
          scheduledTime,
          editRevision: 0,
        });
      }

      const campaign = await getCampaign(campaignId);
      expect(campaign).toMatchObject({
        kind: 'adhoc',
        name: 'Ad-hoc post',
        goal: [...text].slice(0, 80).join(''),
        status: 'active',
        targetPlatforms: ['x', 'bluesky'],
        durationDays: 1,
        startDate: scheduledTime,
        timezone: 'Europe/Paris',
        stages: [],
      });
      expect(campaign.posts.map((p: { id: string }) => p.id).sort()).toEqual([onX, onBsky].sort());
      const list = await gw.http().get('/api/v1/campaigns').set(auth(alice)).expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === campaignId).kind).toBe('adhoc');
    });

    it('publishes now by default, and threads with every part', async () => {
      const before = Date.now();
      const parts = ['1/2 Three things we learned #eng', '2/2 Ship small, review fast, deploy daily.'];
      const res = await createPost({ text: parts[0], threadParts: parts, connectionIds: [bsky.id], timeZone: 'Asia/Tokyo' }).expect(201);
      const post = res.body.posts[0];
      expect(new Date(post.scheduledTime).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(post.scheduledTime).getTime()).toBeLessThanOrEqual(Date.now());
      expect(post).toMatchObject({ contentType: 'thread', threadParts: parts, hashtags: ['#eng'] });
      expect((await requested(post.id)).payload).toMatchObject({ contentType: 'thread', text: parts[0], threadParts: parts, scheduledTime: post.scheduledTime });
      expect((await getCampaign(res.body.campaignId)).timezone).toBe('Asia/Tokyo');
    });

    it('answers 400 naming the field, and stores and publishes nothing', async () => {
      const campaignsBefore = (await gw.http().get('/api/v1/campaigns').set(auth(alice)).expect(200)).body.total;
      const requestsBefore = gw.observer.of(Events.PostRequested).length;
      const fieldsOf = async (body: Record<string, unknown>) => (await createPost(body).expect(400)).body.errors as Array<{ field: string; messages: string[] }>;

      expect(await fieldsOf({ text: 'hi', connectionIds: [x.id, bobsX.id] })).toEqual([{ field: 'connectionIds.1', messages: [expect.stringContaining(bobsX.id)] }]);
      expect(await fieldsOf({ text: 'hi', connectionIds: [randomUUID()] })).toEqual([{ field: 'connectionIds.0', messages: [expect.stringContaining('not one of your connected accounts')] }]);
      expect(await fieldsOf({ text: 'a'.repeat(290), connectionIds: [bsky.id, x.id] })).toEqual([
        { field: 'text', messages: ['text is 290 characters long as x counts them; the limit is 280'] },
      ]);
      expect(await fieldsOf({ text: 'ok', threadParts: ['ok', 'fine', 'b'.repeat(301)], connectionIds: [bsky.id] })).toEqual([
        { field: 'threadParts.2', messages: ['threadParts.2 is 301 characters long as bluesky counts them; the limit is 300'] },
      ]);
      expect(await fieldsOf({ text: 'hi', connectionIds: [x.id], scheduledTime: new Date(Date.now() - 10 * 60_000).toISOString() })).toEqual([
        { field: 'scheduledTime', messages: [expect.stringContaining('more than 5 minutes in the past')] },
      ]);
      expect((await fieldsOf({ text: 'hi', connectionIds: [x.id], scheduledTime: new Date(Date.now() + 400 * 86_400_000).toISOString() }))[0].field).toBe('scheduledTime');
      expect(await fieldsOf({ text: 'hi', connectionIds: [instagram.id] })).toEqual([{ field: 'connectionIds.0', messages: [expect.stringContaining('need an image')] }]);
      expect((await fieldsOf({ text: 'hi', connectionIds: [] })).map((e) => e.field)).toEqual(['connectionIds']);
      expect((await fieldsOf({ text: 'hi', connectionIds: ['nope'], extra: true })).map((e) => e.field).sort()).toEqual(['connectionIds', 'extra']);
      expect((await fieldsOf({ text: 'hi', connectionIds: Array.from({ length: 11 }, () => randomUUID()) })).map((e) => e.field)).toEqual(['connectionIds']);
      expect((await fieldsOf({ connectionIds: [x.id] })).map((e) => e.field)).toEqual(['text']);

      expect((await gw.http().get('/api/v1/campaigns').set(auth(alice)).expect(200)).body.total).toBe(campaignsBefore);
      expect(gw.observer.of(Events.PostRequested).length).toBe(requestsBefore);
      await gw.http().post('/api/v1/posts').send({ text: 'hi', connectionIds: [x.id] }).expect(401);
    });

    it('edits, reschedules and cancels ad-hoc posts like any other (post.updated, post.cancelled); the campaign completes', async () => {
      const scheduledTime = inHours(3);
      const edited = await gw.http().patch(`/api/v1/posts/${onX}`).set(auth(alice)).send({ text: 'Dark mode is live #release #ui', scheduledTime }).expect(200);
      expect(edited.body).toMatchObject({ text: 'Dark mode is live #release #ui', hashtags: ['#release', '#ui'], scheduledTime, editRevision: 1, status: 'armed' });
      const updated = await gw.observer.waitFor(`${Events.PostUpdated} for ${onX}`, (m) => m.routingKey === Events.PostUpdated && (m.payload as { postId: string }).postId === onX);
      expect(updated.payload).toEqual({ postId: onX, campaignId, editRevision: 1, text: 'Dark mode is live #release #ui', hashtags: ['#release', '#ui'], scheduledTime });
      const tooLong = await gw.http().patch(`/api/v1/posts/${onBsky}`).set(auth(alice)).send({ text: 'b'.repeat(301) }).expect(400);
      expect(tooLong.body.errors[0].messages[0]).toContain('bluesky');
      await gw.http().delete(`/api/v1/posts/${onX}`).set(auth(bob)).expect(404);

      for (const id of [onX, onBsky]) {
        await gw.http().delete(`/api/v1/posts/${id}`).set(auth(alice)).expect(204);
        const cancelled = await gw.observer.waitFor(`${Events.PostCancelled} for ${id}`, (m) => m.routingKey === Events.PostCancelled && (m.payload as { postId: string }).postId === id);
        expect(cancelled.payload).toEqual({ postId: id, campaignId, cancelledAt: expect.any(String) });
      }
      expect((await getCampaign(campaignId)).status).toBe('completed');
    });
  });

  describe('publishing lifecycle read model', () => {
    let campaignId: string;
    let postId: string;
    let other: string;
    const failedAt = new Date(Date.now() - 60_000);
    const event = <T extends Record<string, unknown>>(extra: T) => ({ postId, campaignId, userId: alice.id, platform: 'x', ...extra });
    const consumed = async (key: Parameters<GatewayHarness['observer']['publish']>[0], payload: unknown) => {
      const messageId = await gw.observer.publish(key, payload, campaignId);
      await eventually(`${key} consumed`, () => gw.inboxHas(messageId));
    };

    beforeAll(async () => {
      const res = await createPost({ text: 'Lifecycle #test', connectionIds: [x.id, bsky.id], scheduledTime: inHours(1) }).expect(201);
      campaignId = res.body.campaignId;
      [postId, other] = res.body.posts.map((p: { id: string }) => p.id);
    });

    it('post.attempted records the attempt once (even when published twice) and moves an armed post to publishing', async () => {
      const attempt = event({
        attempt: 1,
        outcome: 'retry',
        detail: '429 Too Many Requests',
        httpStatus: 429,
        startedAt: new Date(failedAt.getTime() - 120_000).toISOString(),
        finishedAt: new Date(failedAt.getTime() - 119_000).toISOString(),
        nextAttemptAt: new Date(failedAt.getTime() - 90_000).toISOString(),
      });
      await consumed(Events.PostAttempted, attempt);
      await consumed(Events.PostAttempted, attempt); // a copy with another message id: the history does not grow
      const post = await getPost(postId);
      expect(post.status).toBe('publishing');
      expect(post.attempts).toEqual([
        {
          attempt: 1,
          outcome: 'retry',
          detail: '429 Too Many Requests',
          httpStatus: 429,
          startedAt: attempt.startedAt,
          finishedAt: attempt.finishedAt,
          nextAttemptAt: attempt.nextAttemptAt,
        },
      ]);
      const list = await gw.http().get(`/api/v1/posts?campaignId=${campaignId}`).set(auth(alice)).expect(200);
      expect(list.body.items.every((p: object) => !('attempts' in p))).toBe(true);
      expect((await getPost(other)).attempts).toEqual([]);
    });

    it('post.failed stores the failure code; a post waiting for a reconnect settles its campaign', async () => {
      await consumed(Events.PostFailed, event({ platform: 'bluesky', postId: other, reason: 'the post was refused: blocked word' }));
      expect(await getPost(other)).toMatchObject({ status: 'failed', failureCode: 'rejected', error: 'the post was refused: blocked word' });

      await consumed(Events.PostFailed, event({ reason: 'the token was revoked', code: 'reconnect_required', failedAt: failedAt.toISOString(), connectionId: x.id }));
      expect(await getPost(postId)).toMatchObject({ status: 'failed', failureCode: 'reconnect_required', error: 'the token was revoked', connectionId: x.id });
      expect((await getCampaign(campaignId)).status).toBe('completed');
    });

    it('an attempt from before the failure, delivered late, resumes nothing', async () => {
      const late = new Date(failedAt.getTime() - 30_000).toISOString();
      await consumed(Events.PostAttempted, event({ attempt: 2, outcome: 'reconnect_required', startedAt: late, finishedAt: late }));
      expect(await getPost(postId)).toMatchObject({ status: 'failed', failureCode: 'reconnect_required' });
      expect((await getPost(postId)).attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2]);
    });

    it('after a reconnect, the next attempt resumes the post (publishing, failure cleared) and re-opens its campaign', async () => {
      const now = new Date().toISOString();
      await consumed(Events.PostAttempted, event({ attempt: 3, outcome: 'published', startedAt: now, finishedAt: now }));
      expect(await getPost(postId)).toMatchObject({ status: 'publishing', failureCode: null, error: null });
      expect((await getCampaign(campaignId)).status).toBe('active');
      await consumed(Events.PostFailed, event({ reason: 'old news', code: 'reconnect_required', failedAt: new Date(failedAt.getTime() - 1000).toISOString() }));
      expect((await getPost(postId)).status).toBe('publishing');
    });

    it('post.published stores the url, the account and the connection, and completes the campaign', async () => {
      const publishedAt = new Date().toISOString();
      await consumed(
        Events.PostPublished,
        event({ platformPostId: '1864', url: 'https://x.com/alice/status/1864', text: 'Lifecycle #test', hashtags: ['#test'], publishedAt, connectionId: x.id, accountName: '@alice' }),
      );
      expect(await getPost(postId)).toMatchObject({
        status: 'published',
        platformPostId: '1864',
        url: 'https://x.com/alice/status/1864',
        accountName: '@alice',
        connectionId: x.id,
        publishedAt,
        failureCode: null,
        error: null,
      });
      expect((await getCampaign(campaignId)).status).toBe('completed');
    });

    it('post.unconfirmed settles a publishing post with its reason; the campaign completes with it', async () => {
      const res = await createPost({ text: 'Maybe out there', connectionIds: [bsky.id] }).expect(201);
      const id = res.body.posts[0].id;
      const cid = res.body.campaignId;
      const publish = async (key: Parameters<GatewayHarness['observer']['publish']>[0], payload: unknown) => {
        const messageId = await gw.observer.publish(key, payload, cid);
        await eventually(`${key} consumed`, () => gw.inboxHas(messageId));
      };
      const base = { postId: id, campaignId: cid, userId: alice.id, platform: 'bluesky' };
      const now = new Date().toISOString();
      await publish(Events.PostAttempted, { ...base, attempt: 1, outcome: 'unknown', startedAt: now, finishedAt: now, nextAttemptAt: now });
      expect((await getPost(id)).status).toBe('publishing');
      await publish(Events.PostUnconfirmed, { ...base, reason: 'the request timed out and the platform cannot be searched', at: new Date().toISOString() });
      expect(await getPost(id)).toMatchObject({ status: 'unconfirmed', error: 'the request timed out and the platform cannot be searched', failureCode: null });
      expect((await getCampaign(cid)).status).toBe('completed');
      const filtered = await gw.http().get('/api/v1/posts?status=unconfirmed').set(auth(alice)).expect(200);
      expect(filtered.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
      await publish(Events.PostFailed, { ...base, reason: 'too late', code: 'gave_up', failedAt: new Date(Date.now() - 3_600_000).toISOString() });
      expect((await getPost(id)).status).toBe('unconfirmed');
    });

    it('skips events for unknown posts, and dead-letters nothing', async () => {
      const now = new Date().toISOString();
      await consumed(Events.PostAttempted, event({ postId: randomUUID(), attempt: 1, outcome: 'retry', startedAt: now }));
      await consumed(Events.PostUnconfirmed, event({ postId: randomUUID(), reason: 'r', at: now }));
      expect(await queueDepth(`${gw.namespace}.gateway.dlq`)).toBe(0);
    });
  });

  describe('signed media URLs', () => {
    const imageId = randomUUID();
    const path = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

    beforeAll(async () => {
      await peers.addImage(imageId, PNG);
    });

    it('serves the image for a valid signature, without a bearer token', async () => {
      const res = await gw.http().get(path(signedMediaUrl('https://gw.example', imageId, MEDIA_KEY, 600))).expect(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(Buffer.from(res.body).equals(PNG)).toBe(true);
      const maxAge = Number(/max-age=(\d+)/.exec(res.headers['cache-control'])?.[1]);
      expect(maxAge).toBeGreaterThan(590);
      expect(maxAge).toBeLessThanOrEqual(600);
    });

    it('answers 403 for an expired, a tampered or a missing signature', async () => {
      const expired = path(signedMediaUrl('', imageId, MEDIA_KEY, 60, Date.now() - 120_000));
      expect((await gw.http().get(expired).expect(403)).body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'The media URL is invalid or has expired' });
      const valid = new URL(signedMediaUrl('https://gw.example', imageId, MEDIA_KEY, 600));
      const signature = valid.searchParams.get('signature')!;
      const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
      await gw.http().get(`${valid.pathname}?expires=${valid.searchParams.get('expires')}&signature=${flipped}`).expect(403);
      await gw.http().get(`${valid.pathname}?expires=${Number(valid.searchParams.get('expires')) + 3600}&signature=${signature}`).expect(403);
      await gw.http().get(path(signedMediaUrl('', imageId, 'another-key', 600))).expect(403);
      await gw.http().get(valid.pathname).expect(403);
    });

    it('answers 404 for an image creative-svc does not have and for an id that is not a uuid', async () => {
      await gw.http().get(path(signedMediaUrl('', randomUUID(), MEDIA_KEY, 600))).expect(404);
      await gw.http().get('/api/v1/media/not-an-id?expires=9999999999&signature=x').expect(404);
    });

    it("serves a post's image to its owner through the same reader", async () => {
      const created = await gw.http().post('/api/v1/campaigns').set(auth(alice)).send(campaignBody({ name: 'With images' })).expect(202);
      const id: string = created.body.id;
      const requestedState = await gw.observer.waitFor(
        `${Events.CampaignRequested} for ${id}`,
        (m) => m.routingKey === Events.CampaignRequested && (m.payload as CampaignStatePayload).state.campaignId === id,
      );
      const fixture = scheduledState(id, alice.id, (requestedState.payload as CampaignStatePayload).state.spec);
      fixture.image.visual = { ...fixture.image.visual!, imageId };
      const messageId = await gw.observer.publish(Events.CampaignScheduled, { state: fixture.state }, id);
      await eventually('scheduled consumed', () => gw.inboxHas(messageId));
      expect((await getPost(fixture.image.id)).visual.imageUrl).toBe(`/api/v1/posts/${fixture.image.id}/image`);
      const res = await gw.http().get(`/api/v1/posts/${fixture.image.id}/image`).set(auth(alice)).expect(200);
      expect(Buffer.from(res.body).equals(PNG)).toBe(true);
      expect(res.headers['cache-control']).toBe('private, max-age=3600');
      await gw.http().get(`/api/v1/posts/${fixture.image.id}/image`).set(auth(bob)).expect(404);
    });
  });
});
