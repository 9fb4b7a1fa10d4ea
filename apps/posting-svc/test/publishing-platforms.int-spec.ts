import { Events } from '@app/contracts';
import type { PostFailedPayload, PostPublishedPayload } from '@app/contracts';
import { FakeBluesky, FakeFacebook, FakeInstagram, FakeLinkedIn, FakeX } from '@app/platforms';
import { BusObserver, InProcessService } from '@app/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TokenCipher } from '../src/connections/token-cipher';
import { OBSERVED_EVENTS, attemptsOf, connect, duePost, outcomeOf, publicationOf, startPosting } from './support/posting-harness';

/**
 * posting-svc on the real database and broker with every real adapter against its local fake platform:
 * threads, token refresh (rotating), the unknown outcome reconciled by listing, duplicate content, Instagram
 * containers, Bluesky sessions, LinkedIn and Facebook Pages.
 */
describe('posting-svc publishing to X, Facebook, Instagram, LinkedIn and Bluesky', () => {
  const x = new FakeX();
  const facebook = new FakeFacebook();
  const instagram = new FakeInstagram();
  const linkedin = new FakeLinkedIn({ rotateRefresh: false });
  const bluesky = new FakeBluesky();
  let svc: InProcessService;
  let observer: BusObserver;
  let db: DataSource;
  const userId = randomUUID();

  beforeAll(async () => {
    await Promise.all([x.start(), facebook.start(), instagram.start(), linkedin.start(), bluesky.start()]);
    instagram.processingPolls = 2;
    svc = await startPosting({
      X_API_BASE_URL: x.url,
      X_CLIENT_ID: 'x-client',
      FACEBOOK_API_BASE_URL: facebook.graphUrl,
      FACEBOOK_CLIENT_ID: 'fb-app',
      FACEBOOK_CLIENT_SECRET: 'fb-secret',
      INSTAGRAM_API_BASE_URL: instagram.graphUrl,
      INSTAGRAM_POLL_INTERVAL_MS: '50',
      LINKEDIN_API_BASE_URL: linkedin.url,
      LINKEDIN_TOKEN_URL: `${linkedin.url}/oauth/v2/accessToken`,
      LINKEDIN_CLIENT_ID: 'li-client',
      LINKEDIN_CLIENT_SECRET: 'li-secret',
      BLUESKY_API_BASE_URL: bluesky.url,
      MEDIA_SIGNING_KEY: 'media-signing-key',
      PUBLIC_BASE_URL: 'https://social.example.com',
    });
    observer = await BusObserver.start(svc.namespace, OBSERVED_EVENTS);
    db = svc.app.get(DataSource);
  });

  afterAll(async () => {
    await observer?.close();
    await svc?.stop();
    await Promise.all([x.close(), facebook.close(), instagram.close(), linkedin.close(), bluesky.close()]);
  });

  const storedRefreshToken = async (connectionId: string): Promise<string | null> => {
    const [row] = await db.query(`SELECT refresh_token_enc, key_id FROM posting.platform_connections WHERE id = $1`, [connectionId]);
    return row.refresh_token_enc ? svc.app.get(TokenCipher).open({ ciphertext: row.refresh_token_enc, keyId: row.key_id }) : null;
  };

  describe('X', () => {
    let account: { accountId: string; token: string; refreshToken: string };
    let connectionId: string;

    beforeAll(async () => {
      account = x.addAccount('harborcoffee');
      connectionId = (await connect(svc, { userId, platform: 'x', accessToken: account.token, refreshToken: account.refreshToken, expiresAt: new Date(Date.now() + 7_200_000).toISOString() })).id;
    });

    it('publishes a thread as a reply chain', async () => {
      const parts = ['1/3 Three things about cold brew', '2/3 It takes twelve hours', '3/3 Come taste it on Friday'];
      const post = duePost(userId, 'x', { contentType: 'thread', text: parts[0], threadParts: parts });
      await observer.publish(Events.PostDue, post, post.campaignId);
      const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
      const chain = x.tweetsOf(account.accountId).filter((t) => parts.includes(t.text));
      expect(chain.map((t) => t.text)).toEqual(parts);
      expect(chain[1].inReplyToId).toBe(chain[0].id);
      expect(chain[2].inReplyToId).toBe(chain[1].id);
      expect(published).toMatchObject({ platformPostId: chain[0].id, url: `https://x.com/harborcoffee/status/${chain[0].id}`, accountName: '@harborcoffee' });
    });

    it('refreshes an expired token mid-campaign with the rotating refresh token, then publishes', async () => {
      x.expire(account.token);
      const post = duePost(userId, 'x');
      await observer.publish(Events.PostDue, post, post.campaignId);
      expect((await outcomeOf(observer, post.postId)).routingKey).toBe(Events.PostPublished);
      expect(x.tweetsOf(account.accountId).filter((t) => t.text === post.text)).toHaveLength(1);
      const rotated = await storedRefreshToken(connectionId);
      expect(rotated).toBeTruthy();
      expect(rotated).not.toBe(account.refreshToken);
      const reuse = await fetch(`${x.url}/2/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=refresh_token&refresh_token=${account.refreshToken}&client_id=x-client` });
      expect(reuse.status).toBe(400); // the old refresh token died when it was used
      const [row] = await db.query(`SELECT status, token_version FROM posting.platform_connections WHERE id = $1`, [connectionId]);
      expect(row).toEqual({ status: 'active', token_version: 2 });
    });

    it('after X accepted a post but the connection dropped, reconciles it from the timeline instead of posting twice', async () => {
      const post = duePost(userId, 'x');
      x.inject('POST', '/2/tweets', { dropAfterHandling: true });
      await observer.publish(Events.PostDue, post, post.campaignId);
      const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
      const matching = x.tweetsOf(account.accountId).filter((t) => t.text === post.text);
      expect(matching).toHaveLength(1);
      expect(published.platformPostId).toBe(matching[0].id);
      expect(attemptsOf(observer, post.postId).map((a) => a.outcome)).toEqual(['unknown', 'reconciled']);
    });

    it('duplicate content the account posted itself earlier is refused, visibly and for good', async () => {
      const post = duePost(userId, 'x');
      x.seedTweet(account.accountId, post.text, { createdAt: new Date(Date.now() - 3_600_000) });
      await observer.publish(Events.PostDue, post, post.campaignId);
      const failed = await outcomeOf(observer, post.postId);
      expect(failed.routingKey).toBe(Events.PostFailed);
      expect((failed.payload as PostFailedPayload).reason).toMatch(/duplicate/i);
      expect(await publicationOf(db, post.postId)).toMatchObject({ status: 'failed', error_code: 'rejected', attempts: 1 });
    });

    it('connects an account through the OAuth code flow with PKCE, once per state', async () => {
      const owner = randomUUID();
      const oauthUser = x.addAccount('oauthcoffee');
      const http = request(svc.app.getHttpServer());
      const start = await http.post('/internal/oauth/x/start').send({ userId: owner, timeZone: 'America/New_York' });
      expect(start.status).toBe(200);
      const authorize = new URL(start.body.authorizeUrl);
      expect(authorize.searchParams.get('redirect_uri')).toBe('https://social.example.com/api/v1/platforms/oauth/x/callback'); // PUBLIC_BASE_URL
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      const callback = new URL(x.oauth.approve(start.body.authorizeUrl, oauthUser.accountId));
      const body = { state: callback.searchParams.get('state'), code: callback.searchParams.get('code') };
      const done = await http.post('/internal/oauth/x/callback').send(body);
      expect(done.status).toBe(201);
      expect(done.body).toMatchObject({ userId: owner, platform: 'x', accountId: oauthUser.accountId, accountName: '@oauthcoffee', status: 'active', timeZone: 'America/New_York' });
      expect(await storedRefreshToken(done.body.id)).toMatch(/\S/);
      const replay = await http.post('/internal/oauth/x/callback').send(body);
      expect(replay.status).toBe(400);
      expect(replay.body.fields.state).toMatch(/unknown or expired/);
      const noClient = await http.post('/internal/oauth/linkedin/start').send({ userId: owner });
      expect(noClient.status).toBe(200); // LINKEDIN_CLIENT_ID is configured in this suite
      const bluesky = await http.post('/internal/oauth/bluesky/start').send({ userId: owner });
      expect(bluesky.status).toBe(400);
      expect(bluesky.body.fields.platform).toMatch(/app password/);
    });

    it('without a refresh token, an expired token blocks the post until the user reconnects', async () => {
      const other = x.addAccount('norefresh');
      const owner = randomUUID();
      const connection = await connect(svc, { userId: owner, platform: 'x', accessToken: other.token });
      x.expire(other.token);
      const post = duePost(owner, 'x');
      await observer.publish(Events.PostDue, post, post.campaignId);
      expect(((await outcomeOf(observer, post.postId)).payload as PostFailedPayload).code).toBe('reconnect_required');
      const [row] = await db.query(`SELECT status, status_reason FROM posting.platform_connections WHERE id = $1`, [connection.id]);
      expect(row.status).toBe('reconnect_required');
      expect(await publicationOf(db, post.postId)).toMatchObject({ status: 'blocked', error_code: 'reconnect_required' });
    });
  });

  it('Instagram: creates the container from the signed media URL, polls it while IN_PROGRESS, then publishes', async () => {
    const account = instagram.addAccount('harbor.ig');
    await connect(svc, { userId, platform: 'instagram', accountId: account.igUserId, accessToken: account.pageToken });
    const imageId = randomUUID();
    const post = duePost(userId, 'instagram', { contentType: 'image', imageIds: [imageId], altText: 'A latte with a leaf pattern' });
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    const container = instagram.containers.find((c) => c.caption === post.text)!;
    expect(container.imageUrl).toMatch(new RegExp(`^https://social\\.example\\.com/api/v1/media/${imageId}\\?expires=\\d+&signature=`));
    expect(instagram.requestsTo('GET', `/v25.0/${container.id}`).length).toBeGreaterThanOrEqual(3);
    expect(instagram.mediaOf(account.igUserId).map((m) => m.id)).toContain(published.platformPostId);
  });

  it('Facebook Pages: publishes a text post on the Page', async () => {
    const page = facebook.addPage('Harbor Coffee');
    await connect(svc, { userId, platform: 'facebook', accountId: page.pageId, accessToken: page.pageToken });
    const post = duePost(userId, 'facebook');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    expect(facebook.postsOf(page.pageId).find((p) => p.id === published.platformPostId)?.message).toBe(post.text);
  });

  it('Facebook Login connects each Page the user manages with its Page token', async () => {
    const owner = randomUUID();
    const page = facebook.addPage('Harbor Roastery');
    const http = request(svc.app.getHttpServer());
    const start = await http.post('/internal/oauth/facebook/start').send({ userId: owner });
    const callback = new URL(facebook.oauthServer.approve(start.body.authorizeUrl, page.userId));
    const done = await http.post('/internal/oauth/facebook/callback').send({ state: callback.searchParams.get('state'), code: callback.searchParams.get('code') });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ platform: 'facebook', accountId: page.pageId, accountName: 'Harbor Roastery' });
    const [row] = await db.query(`SELECT access_token_enc, key_id FROM posting.platform_connections WHERE id = $1`, [done.body.id]);
    expect(svc.app.get(TokenCipher).open({ ciphertext: row.access_token_enc, keyId: row.key_id })).toBe(page.pageToken);
  });

  it('LinkedIn: refreshes an expired token without losing the (non-rotating) refresh token, then publishes', async () => {
    const member = linkedin.addMember('Ada Harbor');
    const connection = await connect(svc, { userId, platform: 'linkedin', accessToken: member.token, refreshToken: member.refreshToken });
    linkedin.oauthServer.expire(member.token);
    const post = duePost(userId, 'linkedin');
    await observer.publish(Events.PostDue, post, post.campaignId);
    expect((await outcomeOf(observer, post.postId)).routingKey).toBe(Events.PostPublished);
    expect(linkedin.postsOf(member.urn).some((p) => p.commentary.includes('Quiet desks, loud ideas'))).toBe(true);
    expect(await storedRefreshToken(connection.id)).toBe(member.refreshToken);
  });

  it('Bluesky: connects with an app password, refreshes an expired session (rotating) and publishes', async () => {
    const account = bluesky.addAccount('harbor.bsky.social');
    const connection = await connect(svc, { userId, platform: 'bluesky', identifier: account.handle, appPassword: account.appPassword });
    expect(connection).toMatchObject({ accountId: account.did, accountName: '@harbor.bsky.social' });
    const [row] = await db.query(`SELECT access_token_enc FROM posting.platform_connections WHERE id = $1`, [connection.id]);
    const opened = svc.app.get(TokenCipher).open({ ciphertext: row.access_token_enc, keyId: 'test' });
    bluesky.expire(opened);
    const post = duePost(userId, 'bluesky');
    await observer.publish(Events.PostDue, post, post.campaignId);
    const published = (await outcomeOf(observer, post.postId)).payload as PostPublishedPayload;
    expect(bluesky.postsOf(account.did).map((r) => r.uri)).toContain(published.platformPostId);
    expect(await storedRefreshToken(connection.id)).not.toBe(account.refreshJwt);
  });
});
