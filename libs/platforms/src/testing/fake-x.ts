import { xWeightedLength } from '@app/contracts';
import { FakePlatformServer, bearer, snowflake, type FakeRequest, type FakeResponse } from './fake-platform-server';
import { FakeOAuthServer } from './fake-oauth';
import { FakeXMedia } from './fake-x-media';
import { FAKE_X_ALL_SCOPES, FakeXOAuth } from './fake-x-oauth';
import { FakeXTimeline, type FakeTweet, type FakeXMediaKind, type FakeXUser } from './fake-x-timeline';
import { FakeXRateLimits, X_APP_ONLY_FORBIDDEN, X_DUPLICATE, X_PROBLEMS, X_TOO_MANY, X_UNAUTHORIZED, X_USAGE_CAPPED, xInvalid, xProblem } from './fake-x-support';

export type { FakeTweet, FakeXMediaKind, FakeXUser } from './fake-x-timeline';

/** Raw X metric fields a test can set on a post: `public_metrics`, owner-only `non_public_metrics` counts, and the video's `view_count`. */
export type FakeXMetrics = Partial<FakeTweet['metrics'] & FakeTweet['privateMetrics'] & { view_count: number }>;

const UPLOAD_KIND: Record<string, FakeXMediaKind> = { tweet_image: 'photo', tweet_gif: 'animated_gif', tweet_video: 'video' };

/** Top-level properties `POST /2/tweets` accepts (`additionalProperties: false`). */
const TWEET_PROPERTIES = new Set([
  'text', 'media', 'reply', 'quote_tweet_id', 'poll', 'reply_settings', 'community_id', 'share_with_followers', 'for_super_followers_only',
  'geo', 'direct_message_deep_link', 'card_uri', 'nullcast', 'edit_options', 'made_with_ai', 'paid_partnership',
]);
const X_EPOCH_MS = 1_288_834_974_657n;

type Handler = (request: FakeRequest, user: FakeXUser) => FakeResponse;
type ReadHandler = (request: FakeRequest, user: FakeXUser | undefined) => FakeResponse;

/**
 * X API v2 on loopback (§2.11): OAuth 2.0 with PKCE (2-hour access tokens, rotating refresh tokens,
 * confidential or public clients), `GET /2/users/me`, `POST /2/tweets` (201, duplicate-text 403, reply-chain
 * and media validation), `DELETE /2/tweets/:id`, post lookups and `GET /2/users/:id/tweets` (newest first,
 * opaque `next_token`, `exclude=replies,retweets`, fields only when asked via `tweet.fields` or `post.fields`,
 * `includes.media` with video `view_count`, unknown field names refused with X's 400), settable metrics
 * (`setMetrics`), seeded posts with media and reposts for history imports, the chunked media upload
 * with processing and alt text, `x-rate-limit-*` (plus the 24-hour families) on every answer from per-user
 * counters, and problem-details errors. Post ids are time-ordered snowflakes, media ids numeric strings
 * above 2^53. A bearer equal to `appToken` acts as an app-only token (reads only).
 */
export class FakeX extends FakePlatformServer {
  readonly oauthServer = new FakeOAuthServer({ expiresIn: 7200, rotateRefresh: true, issueRefresh: true });
  readonly oauth = new FakeXOAuth(this.oauthServer);
  readonly media = new FakeXMedia();
  readonly limits = new FakeXRateLimits();
  readonly timeline = new FakeXTimeline();
  readonly appToken = 'AAAAAAAAAAAAAAAAAAAAAfake-x-app-only-bearer';
  /** Every API call answers 429 `usage-capped` (the app's billing cap is used up). */
  usageCapped = false;
  /** Weighted characters a post may have (280; paid accounts get more). */
  maxTextLength = 280;
  /** How far back identical text counts as a duplicate (unconfirmed on X; default: any live post). */
  duplicateWindowMs = Number.POSITIVE_INFINITY;
  private sequence = 0;
  private seededMedia = 0;

  constructor() {
    super();
    this.route('POST', '/2/oauth2/token', (r) => this.oauth.token(r));
    this.route('POST', '/2/oauth2/revoke', (r) => this.oauth.revoke(r));
    this.api('GET', '/2/users/me', (_, user) => ({ body: { data: { id: user.id, name: user.name, username: user.username } } }));
    this.read('GET', '/2/users/:id', (r) => this.showUser(r.params.id));
    this.api('POST', '/2/tweets', (r, user) => this.createTweet(r, user));
    this.api('DELETE', '/2/tweets/:id', (r, user) => this.deleteTweet(r.params.id, user));
    this.read('GET', '/2/tweets/:id', (r, user) => this.timeline.lookup(r, [r.params.id], user, true));
    this.read('GET', '/2/tweets', (r, user) => this.timeline.lookup(r, (r.query.get('ids') ?? '').split(',').filter(Boolean), user, false));
    this.read('GET', '/2/users/:id/tweets', (r, user) => this.timeline.userTweets(r, user));
    this.api('POST', '/2/media/upload/initialize', (r, user) => this.media.initialize(r, user.id));
    this.api('POST', '/2/media/upload/:id/append', (r, user) => this.media.append(r, user.id));
    this.api('POST', '/2/media/upload/:id/finalize', (r, user) => this.media.finalize(r, user.id));
    this.api('GET', '/2/media/upload', (r, user) => this.media.status(r, user.id));
    this.api('POST', '/2/media/upload', (r, user) => this.media.oneShot(r, user.id));
    this.api('POST', '/2/media/metadata', (r, user) => this.media.metadata(r, user.id));
  }

  get tweets(): FakeTweet[] {
    return this.timeline.tweets;
  }

  /** Registers an account with a 2-hour access token and a refresh token. */
  addAccount(username: string, name = username): { accountId: string; token: string; refreshToken: string } {
    const user = { id: snowflake(500 + this.timeline.users.length), username, name };
    this.timeline.users.push(user);
    const token = `x-token-${username}-${this.timeline.users.length}`;
    const refreshToken = `x-refresh-${username}-${this.timeline.users.length}`;
    this.oauthServer.grantsFor(token, user.id, { refreshToken });
    this.oauth.scopeOf.set(refreshToken, FAKE_X_ALL_SCOPES);
    return { accountId: user.id, token, refreshToken };
  }

  /** Makes an access token expire now (it answers 401 from then on). */
  expire(token: string): void {
    this.oauthServer.expire(token);
  }

  tweetsOf(accountId: string): FakeTweet[] {
    return this.timeline.tweets.filter((t) => t.authorId === accountId);
  }

  /**
   * Adds a post as if made earlier (history imports, reconciliation windows), optionally with attachments of the
   * given kinds (each gets a media id) and raw metrics.
   */
  seedTweet(accountId: string, text: string, options: { createdAt?: Date; inReplyToId?: string; metrics?: FakeXMetrics; media?: FakeXMediaKind[] } = {}): FakeTweet {
    const createdAt = options.createdAt ?? new Date();
    const mediaIds = (options.media ?? []).map((type) => {
      const id = snowflake(7_000_000 + ++this.seededMedia);
      this.timeline.media.set(id, { type, viewCount: 0 });
      return id;
    });
    const tweet = this.timeline.add({ id: this.nextId(createdAt), authorId: accountId, text, mediaIds, inReplyToId: options.inReplyToId ?? null, createdAt });
    if (options.metrics) this.setMetrics(tweet.id, options.metrics);
    return tweet;
  }

  /** The account reposts (retweets) a post: its timeline shows `RT @…` with `referenced_tweets` type `retweeted`. */
  seedRetweet(accountId: string, originalId: string, createdAt = new Date()): FakeTweet {
    return this.timeline.add({ id: this.nextId(createdAt), authorId: accountId, text: '', retweetOfId: originalId, createdAt });
  }

  /** Sets raw metrics of a post: public counts, owner-only counts (`url_link_clicks`, …) and the `view_count` of its video or GIF. */
  setMetrics(tweetId: string, metrics: FakeXMetrics): void {
    const tweet = this.timeline.tweets.find((t) => t.id === tweetId);
    if (!tweet) throw new Error(`no post ${tweetId} on the fake X`);
    for (const [key, value] of Object.entries(metrics)) {
      if (value === undefined) continue;
      if (key === 'view_count') {
        for (const id of tweet.mediaIds) {
          const info = this.timeline.media.get(id);
          if (info && info.type !== 'photo') info.viewCount = value;
        }
      } else if (key in tweet.privateMetrics) tweet.privateMetrics[key as keyof FakeTweet['privateMetrics']] = value;
      else tweet.metrics[key as keyof FakeTweet['metrics']] = value;
    }
  }

  protected override notFound(request: FakeRequest): FakeResponse {
    return xProblem(404, 'Not Found Error', `No route for ${request.method} ${request.path}`, `${X_PROBLEMS}resource-not-found`);
  }

  /** A user-context endpoint: app-only tokens get 403 Unsupported Authentication. */
  private api(method: string, path: string, handler: Handler): void {
    this.read(method, path, (r, user) => (user ? handler(r, user) : X_APP_ONLY_FORBIDDEN()));
  }

  /** An endpoint open to user and app-only tokens, counted against the caller's limits. */
  private read(method: string, path: string, handler: ReadHandler): void {
    const endpoint = `${method} ${path}`;
    this.route(method, path, (request) => {
      const token = bearer(request);
      const appOnly = token === this.appToken;
      const user = this.timeline.users.find((u) => u.id === this.oauthServer.accountOf(token));
      if (!user && !appOnly) return X_UNAUTHORIZED();
      const { headers, exhausted } = this.limits.take(user?.id ?? 'app', endpoint);
      const response = this.usageCapped ? X_USAGE_CAPPED() : exhausted ? X_TOO_MANY() : handler(request, user);
      return { ...response, headers: { ...headers, ...response.headers } };
    });
  }

  private showUser(id: string): FakeResponse {
    const user = this.timeline.users.find((u) => u.id === id);
    if (!user) return { body: { errors: [{ value: id, detail: `Could not find user with id: [${id}].`, title: 'Not Found Error', resource_type: 'user', parameter: 'id', resource_id: id, type: `${X_PROBLEMS}resource-not-found` }] } };
    return { body: { data: { id: user.id, name: user.name, username: user.username } } };
  }

  private createTweet(request: FakeRequest, user: FakeXUser): FakeResponse {
    const body = request.json as Record<string, any> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return xInvalid('The request body must be a JSON object');
    const unknown = Object.keys(body).find((key) => !TWEET_PROPERTIES.has(key));
    if (unknown) return xInvalid(`The property '${unknown}' is not defined and the schema does not allow additional properties.`, { [unknown]: [] });
    const text = typeof body.text === 'string' ? body.text : '';
    const mediaIds = body.media?.media_ids as string[] | undefined;
    if (!text && !mediaIds) return xInvalid('You must specify at least one of text, media, poll or quote_tweet_id', { text: [] });
    if (xWeightedLength(text) > this.maxTextLength) return xInvalid(`Your Tweet text is too long. It can be at most ${this.maxTextLength} weighted characters.`, { text: [text] });
    const mediaProblem = mediaIds === undefined ? undefined : this.media.rejectForPost(mediaIds, user.id);
    if (mediaProblem) return mediaProblem;
    const replyTo = body.reply?.in_reply_to_tweet_id as string | undefined;
    if (replyTo !== undefined && !this.timeline.tweets.some((t) => t.id === String(replyTo))) {
      return xProblem(403, 'Forbidden', 'You attempted to reply to a Tweet that is deleted or not visible to you.');
    }
    const since = Date.now() - this.duplicateWindowMs;
    if (text && this.tweetsOf(user.id).some((t) => t.text === text && t.createdAt.getTime() >= since)) return X_DUPLICATE();
    const now = new Date();
    for (const id of mediaIds ?? []) this.timeline.media.set(id, { type: UPLOAD_KIND[this.media.uploads.get(id)?.category ?? 'tweet_image'], viewCount: 0 });
    const tweet = this.timeline.add({ id: this.nextId(now), authorId: user.id, text, mediaIds: mediaIds ?? [], inReplyToId: replyTo === undefined ? null : String(replyTo), createdAt: now });
    return { status: 201, body: { data: { id: tweet.id, text: this.timeline.displayText(tweet), edit_history_tweet_ids: [tweet.id] } } };
  }

  private deleteTweet(id: string, user: FakeXUser): FakeResponse {
    const tweet = this.timeline.tweets.find((t) => t.id === id);
    if (!tweet) return xProblem(404, 'Not Found Error', `Could not find tweet with id: [${id}].`, `${X_PROBLEMS}resource-not-found`);
    if (tweet.authorId !== user.id) return xProblem(403, 'Forbidden', 'You are not allowed to delete a Tweet that is not yours.');
    this.timeline.remove(id);
    return { body: { data: { deleted: true } } };
  }

  /** A time-ordered snowflake (milliseconds since X's epoch << 22 | sequence), as X post ids are. */
  private nextId(at: Date): string {
    this.sequence = (this.sequence + 1) & 0x3fffff;
    return ((BigInt(at.getTime()) - X_EPOCH_MS) * 4_194_304n + BigInt(this.sequence)).toString();
  }
}
