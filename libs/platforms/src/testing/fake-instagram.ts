import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './fake-platform-server';
import { FakeMetaGraph, graphError, graphParams, graphTime, insightsAnswer, metricParam, select, stringParam, timeParam, unsupported, type GraphNode, type GraphPrincipal } from './fake-meta-graph';

export interface FakeIgAccount {
  id: string;
  username: string;
  pageId: string;
  userId: string;
}

export type FakeContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface FakeIgContainer {
  id: string;
  igUserId: string;
  mediaType: 'IMAGE' | 'CAROUSEL' | 'REELS' | 'STORIES';
  /** The URL Instagram was told to fetch (recorded, never fetched). */
  imageUrl?: string;
  videoUrl?: string;
  caption?: string;
  altText?: string;
  isCarouselItem: boolean;
  children: string[];
  createdAt: Date;
  /** Status reads answered so far. */
  polls: number;
  /** With a processing failure: the `status` text of the `ERROR`. */
  error?: string;
  /** Set by `media_publish`. */
  mediaId?: string;
}

export interface FakeIgMedia {
  id: string;
  igUserId: string;
  caption?: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  productType: 'FEED' | 'REELS' | 'STORY';
  shortcode: string;
  timestamp: Date;
  likeCount: number;
  commentsCount: number;
  /** The owner hid like counts: `like_count` is left out of list reads (§4.6). */
  likesHidden: boolean;
  children: string[];
  /** A carousel slide (not listed on its own). */
  parentId?: string;
  containerId?: string;
  mediaUrl?: string;
}

const DAY_MS = 86_400_000;
/** Media insight metrics Instagram serves (§4.4; `total_*` with Facebook Login only). */
const MEDIA_METRICS = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'profile_visits', 'follows', 'replies', 'navigation', 'total_likes', 'total_comments', 'total_views'];
/** Deprecated since v22.0 and, from 2025-04-21, for every version (§4.4). */
const DEPRECATED_MEDIA_METRICS = ['impressions', 'plays', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count', 'video_views'];

/** Raw media insight values by metric name, as `/{ig-media-id}/insights` reports them. */
export type FakeIgInsights = Record<string, number>;

/**
 * Instagram content publishing on loopback (`../shared/reference/platform-apis.md` §4): IG accounts linked to
 * Pages (`/{page}?fields=instagram_business_account`), containers (`POST /{ig}/media`: image, `is_carousel_item`
 * children, `CAROUSEL` of 2–10, `REELS`, `STORIES`; caption ≤ 2,200 chars, ≤ 30 hashtags, ≤ 20 mentions;
 * `image_url` must be http(s) and is recorded, not fetched) that answer `IN_PROGRESS` for `processingPolls`
 * status reads, then `FINISHED` (or `ERROR`), `EXPIRED` after 24 h, `PUBLISHED` after `media_publish`; the
 * rolling publishing quota (`content_publishing_limit`, code 9 / subcode 2207042 past it); `/{ig}/media` lists;
 * media nodes with permalinks; `/{media}/insights` (deprecated metrics refused with code 100, empty `data` until
 * `setInsights`, none for carousel slides); delete (configurable); and `GET /refresh_access_token` (graph.instagram.com style)
 * for Instagram-Login tokens. Tokens, OAuth and usage headers (BUC type `instagram`) come from FakeMetaGraph.
 */
export class FakeInstagram extends FakeMetaGraph {
  readonly accounts: FakeIgAccount[] = [];
  readonly containers: FakeIgContainer[] = [];
  readonly media: FakeIgMedia[] = [];
  /** Status reads a new container answers `IN_PROGRESS` before `FINISHED`. */
  processingPolls = 1;
  /** Publishes allowed per rolling window (`config.quota_total`; the reference says never hard-code it). */
  quotaTotal = 100;
  quotaDurationSeconds = 86_400;
  containerTtlMs = DAY_MS;
  /** Instagram-Login tokens refresh only once this old (§4.1: 24 h). */
  minRefreshAgeSeconds = 86_400;
  /** Lifetime of Instagram-Login long-lived tokens (60 days). */
  igTokenSeconds = 5_184_000;
  /** Whether `DELETE /{ig-media-id}` works (§4.5, unconfirmed). */
  deleteSupported = true;
  protected readonly bucType = 'instagram' as const;
  /** Publish instants per IG account, for the quota. */
  private readonly publishLog = new Map<string, number[]>();
  private readonly igTokens = new Map<string, { igUserId: string; issuedAt: number }>();
  private readonly failures: string[] = [];
  private readonly insights = new Map<string, FakeIgInsights>();

  constructor() {
    super();
    this.route('GET', '/refresh_access_token', (r) => this.refreshToken(r));
    this.graph('POST', '/:id/media', (r, p) => this.withAccount(r, p, (a) => this.createContainer(r, a)));
    this.graph('GET', '/:id/media', (r, p) => this.withAccount(r, p, (a) => this.listMedia(r, a)));
    this.graph('POST', '/:id/media_publish', (r, p) => this.withAccount(r, p, (a) => this.publish(r, a)));
    this.graph('GET', '/:id/insights', (r, p) => this.mediaInsights(r, p));
    this.graph('GET', '/:id/content_publishing_limit', (r, p) => this.withAccount(r, p, (a) => this.publishingLimit(r, a)));
  }

  /**
   * An IG professional account linked to a new Page of a new user. `userToken` (Facebook Login, 60 days) and
   * `pageToken` both act for it; `igToken` is an Instagram-Login long-lived token, issued two days ago so it can
   * be refreshed at once.
   */
  addAccount(username: string): { igUserId: string; username: string; pageId: string; pageToken: string; userId: string; userToken: string; igToken: string } {
    const { userId, userToken } = this.addUser(`${username} owner`);
    const page = this.addGraphPage(`${username} page`, userId);
    const account: FakeIgAccount = { id: this.nextId(17_841_400_000_000_000n), username, pageId: page.id, userId };
    page.igUserId = account.id;
    this.accounts.push(account);
    this.principals.set(account.id, { kind: 'instagram', id: account.id });
    const igToken = this.issueIgToken(account.id, Date.now() - 2 * DAY_MS);
    return { igUserId: account.id, username, pageId: page.id, pageToken: page.token, userId, userToken, igToken };
  }

  /** The next container created ends in `ERROR` with this `status` text. */
  failNextContainer(status = 'ERROR: Media download has failed. The media URI does not meet our requirements. 2207052'): void {
    this.failures.push(status);
  }

  /** Published media of an account (carousel slides excluded), newest first. */
  mediaOf(igUserId: string): FakeIgMedia[] {
    return this.media.filter((m) => m.igUserId === igUserId && !m.parentId).sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime());
  }

  /**
   * Media published earlier (history), counted neither against the quota nor as a publish; a
   * `CAROUSEL_ALBUM` gets `slides` child media (default 2).
   */
  seedMedia(
    igUserId: string,
    media: { caption?: string; timestamp: Date; likeCount?: number; commentsCount?: number; likesHidden?: boolean; mediaType?: FakeIgMedia['mediaType']; productType?: FakeIgMedia['productType']; slides?: number },
  ): FakeIgMedia {
    const { slides, ...fields } = media;
    const seeded: FakeIgMedia = { id: this.nextId(17_900_000_000_000_000n), igUserId, mediaType: 'IMAGE', productType: 'FEED', shortcode: shortcode(), likeCount: 0, commentsCount: 0, likesHidden: false, children: [], ...fields };
    const childCount = seeded.mediaType === 'CAROUSEL_ALBUM' ? (slides ?? 2) : 0;
    for (let i = 0; i < childCount; i++) {
      const child: FakeIgMedia = { ...seeded, id: this.nextId(17_900_000_000_000_000n), caption: undefined, mediaType: 'IMAGE', shortcode: shortcode(), children: [], parentId: seeded.id };
      seeded.children.push(child.id);
      this.media.push(child);
    }
    this.media.push(seeded);
    return seeded;
  }

  /**
   * Sets a media's insight values (`views`, `reach`, `likes`, `comments`, `shares`, `saved`,
   * `total_interactions`, …). Media without any answer insights with an empty `data` (not available, §4.4);
   * media with some answer 0 for the requested metrics not set.
   */
  setInsights(mediaId: string, values: FakeIgInsights): void {
    this.insights.set(mediaId, { ...this.insights.get(mediaId), ...values });
  }

  /** Publishes of an account within the rolling quota window. */
  publishesInWindow(igUserId: string, since = Date.now() - this.quotaDurationSeconds * 1000): number {
    return (this.publishLog.get(igUserId) ?? []).filter((t) => t >= since).length;
  }

  /** What a status read would answer now (without counting as a poll). */
  statusOf(container: FakeIgContainer): FakeContainerStatus {
    if (container.mediaId) return 'PUBLISHED';
    if (Date.now() - container.createdAt.getTime() >= this.containerTtlMs) return 'EXPIRED';
    if (container.polls < this.processingPolls) return 'IN_PROGRESS';
    return container.error ? 'ERROR' : 'FINISHED';
  }

  protected bucTarget(principal: GraphPrincipal, request: FakeRequest): string | undefined {
    if (principal.kind === 'instagram') return principal.id;
    // Calls on an IG account, or on its containers and media, spend that account's budget.
    const id = request.params.id;
    if (this.accounts.some((a) => a.id === id)) return id;
    return this.containers.find((c) => c.id === id)?.igUserId ?? this.media.find((m) => m.id === id)?.igUserId;
  }

  protected override nodeOf(id: string, principal: GraphPrincipal): GraphNode | undefined {
    const account = this.accounts.find((a) => a.id === id);
    if (account && this.actsFor(principal, account.id)) return this.accountNode(account);
    const container = this.containers.find((c) => c.id === id);
    if (container && this.actsFor(principal, container.igUserId)) return this.containerNode(container);
    const media = this.media.find((m) => m.id === id);
    if (media && this.actsFor(principal, media.igUserId)) return this.mediaNode(media, true);
    return super.nodeOf(id, principal);
  }

  protected override deleteNode(id: string, principal: GraphPrincipal): FakeResponse | undefined {
    const index = this.media.findIndex((m) => m.id === id && this.actsFor(principal, m.igUserId) && !m.parentId);
    if (index < 0) return undefined;
    if (!this.deleteSupported || principal.kind === 'instagram') return graphError(100, '(#100) Deleting media is not supported for this account');
    const [removed] = this.media.splice(index, 1);
    for (let i = this.media.length - 1; i >= 0; i--) if (this.media[i].parentId === removed.id) this.media.splice(i, 1);
    return { body: { success: true } };
  }

  protected override readNode(request: FakeRequest, principal: GraphPrincipal, id: string): FakeResponse {
    const container = this.containers.find((c) => c.id === id);
    // A status read is a poll: a processing container advances one step.
    if (container && this.actsFor(principal, container.igUserId) && this.statusOf(container) === 'IN_PROGRESS') {
      const answer = super.readNode(request, principal, id);
      container.polls += 1;
      return answer;
    }
    return super.readNode(request, principal, id);
  }

  private withAccount(request: FakeRequest, principal: GraphPrincipal, handler: (account: FakeIgAccount) => FakeResponse): FakeResponse {
    const id = request.params.id === 'me' ? principal.id : request.params.id;
    const account = this.accounts.find((a) => a.id === id);
    if (!account || !this.actsFor(principal, account.id)) return unsupported(request.method === 'GET' ? 'get' : 'post', id);
    return handler(account);
  }

  private createContainer(request: FakeRequest, account: FakeIgAccount): FakeResponse {
    const params = graphParams(request);
    const mediaType = (stringParam(params, 'media_type') ?? 'IMAGE').toUpperCase();
    const isCarouselItem = stringParam(params, 'is_carousel_item') === 'true';
    const caption = isCarouselItem ? undefined : stringParam(params, 'caption');
    const captionError = caption === undefined ? undefined : checkCaption(caption);
    if (captionError) return captionError;
    const imageUrl = stringParam(params, 'image_url');
    const videoUrl = stringParam(params, 'video_url');
    let children: string[] = [];
    if (mediaType === 'VIDEO') return graphError(100, '(#100) The VIDEO media type is no longer supported for feed videos; use REELS', { subcode: 2207023 });
    if (mediaType === 'CAROUSEL') {
      if (params.collaborators !== undefined) return graphError(100, '(#100) param collaborators is not allowed');
      children = (stringParam(params, 'children') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
      const invalid = this.checkChildren(children, account);
      if (invalid) return invalid;
    } else if (mediaType === 'IMAGE' || mediaType === 'STORIES' || mediaType === 'REELS') {
      const url = mediaType === 'REELS' ? videoUrl : (imageUrl ?? (mediaType === 'STORIES' ? videoUrl : undefined));
      if (!url) return graphError(100, `(#100) The parameter ${mediaType === 'REELS' ? 'video_url' : 'image_url'} is required`);
      if (!/^https?:\/\/\S+$/i.test(url)) return graphError(9004, `(#9004) The media could not be fetched from this uri: ${url}`, { subcode: 2207052, userTitle: 'Media download has failed', userMsg: 'The media URI does not meet our requirements.' });
    } else {
      return graphError(100, `(#100) The media_type ${mediaType} is not supported`, { subcode: 2207023 });
    }
    const container: FakeIgContainer = {
      id: this.nextId(17_950_000_000_000_000n),
      igUserId: account.id,
      mediaType: mediaType as FakeIgContainer['mediaType'],
      imageUrl,
      videoUrl,
      caption,
      altText: stringParam(params, 'alt_text'),
      isCarouselItem,
      children,
      createdAt: new Date(),
      polls: 0,
      error: this.failures.shift(),
    };
    this.containers.push(container);
    return { body: { id: container.id } };
  }

  private checkChildren(children: string[], account: FakeIgAccount): FakeResponse | undefined {
    if (children.length < 2 || children.length > 10) {
      return graphError(100, '(#100) The carousel must have between 2 and 10 children', { subcode: 2207028, userTitle: 'Carousel validation failed', userMsg: 'A carousel holds 2 to 10 photos or videos.' });
    }
    for (const id of children) {
      const child = this.containers.find((c) => c.id === id && c.igUserId === account.id);
      if (!child || !child.isCarouselItem) return graphError(100, `(#100) ${id} is not a carousel item of this account`, { subcode: 2207028 });
      if (this.statusOf(child) !== 'FINISHED') return graphError(9007, '(#9007) Media ID is not available', { subcode: 2207027, userTitle: 'Media not ready', userMsg: 'A carousel item is not ready yet; wait until every item is FINISHED.' });
    }
    return undefined;
  }

  private publish(request: FakeRequest, account: FakeIgAccount): FakeResponse {
    const creationId = stringParam(graphParams(request), 'creation_id');
    if (!creationId) return graphError(100, '(#100) The parameter creation_id is required');
    const container = this.containers.find((c) => c.id === creationId && c.igUserId === account.id && !c.isCarouselItem);
    const status = container ? this.statusOf(container) : undefined;
    if (status === 'EXPIRED') return graphError(100, '(#100) The media builder has expired', { subcode: 2207008 });
    if (!container || status !== 'FINISHED') {
      const userMsg = status === 'PUBLISHED' ? 'This media has already been published.' : 'The media is not ready for publishing, please wait for a moment.';
      return graphError(9007, '(#9007) Media ID is not available', { subcode: 2207027, userTitle: 'Media ID is not available', userMsg });
    }
    if (this.publishesInWindow(account.id) >= this.quotaTotal) {
      return graphError(9, '(#9) Application request limit reached', { subcode: 2207042, transient: false, userTitle: 'Publishing limit reached', userMsg: `You reached the limit of ${this.quotaTotal} posts in 24 hours.` });
    }
    const now = new Date();
    const media: FakeIgMedia = {
      id: this.nextId(17_900_000_000_000_000n),
      igUserId: account.id,
      caption: container.caption,
      mediaType: container.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : container.mediaType === 'REELS' ? 'VIDEO' : 'IMAGE',
      productType: container.mediaType === 'REELS' ? 'REELS' : container.mediaType === 'STORIES' ? 'STORY' : 'FEED',
      shortcode: shortcode(),
      timestamp: now,
      likeCount: 0,
      commentsCount: 0,
      likesHidden: false,
      children: [],
      containerId: container.id,
      mediaUrl: container.imageUrl ?? container.videoUrl,
    };
    for (const childId of container.children) {
      const child = this.containers.find((c) => c.id === childId)!;
      const slide = { ...media, id: this.nextId(17_900_000_000_000_000n), caption: undefined, mediaType: 'IMAGE' as const, shortcode: shortcode(), parentId: media.id, containerId: child.id, mediaUrl: child.imageUrl };
      media.children.push(slide.id);
      child.mediaId = slide.id;
      this.media.push(slide);
    }
    this.media.push(media);
    container.mediaId = media.id;
    this.publishLog.set(account.id, [...(this.publishLog.get(account.id) ?? []), now.getTime()]);
    return { body: { id: media.id } };
  }

  /**
   * `GET /{ig-media-id}/insights?metric=…` (§4.4). A deprecated metric fails the call with code 100 and the
   * "no longer supported" message, an unknown one with the list of valid values; carousel slides have no
   * insights (the exact error is unconfirmed).
   */
  private mediaInsights(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    const media = this.media.find((m) => m.id === request.params.id);
    if (!media || !this.actsFor(principal, media.igUserId)) return unsupported('get', request.params.id);
    const metrics = metricParam(request);
    if (metrics.length === 0) return graphError(100, '(#100) The parameter metric is required');
    for (const [index, name] of metrics.entries()) {
      if (DEPRECATED_MEDIA_METRICS.includes(name)) {
        return graphError(100, `(#100) Starting from version v22.0 and above, the ${name} metric is no longer supported for this media. Please refer to the documentation at https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights for a list of supported metrics.`);
      }
      if (!MEDIA_METRICS.includes(name)) return graphError(100, `(#100) metric[${index}] must be one of the following values: ${MEDIA_METRICS.join(', ')}`);
    }
    if (media.parentId) return graphError(100, '(#100) Insights are not available for media inside a carousel album; request the insights of the album');
    const values = this.insights.get(media.id);
    return insightsAnswer(media.id, values ? metrics : [], (name) => values?.[name] ?? 0);
  }

  private listMedia(request: FakeRequest, account: FakeIgAccount): FakeResponse {
    const listed = this.mediaOf(account.id).filter((m) => m.productType !== 'STORY').slice(0, 10_000);
    const inRange = this.inTimeRange(request, listed, (m) => m.timestamp);
    if (!Array.isArray(inRange)) return inRange;
    return this.paged(request, inRange, (m) => this.mediaNode(m, false));
  }

  private publishingLimit(request: FakeRequest, account: FakeIgAccount): FakeResponse {
    const windowStart = Date.now() - this.quotaDurationSeconds * 1000;
    const since = timeParam(request.query.get('since'));
    if (since === null || (since && since.getTime() < windowStart - 60_000)) return graphError(100, '(#100) since must be a Unix timestamp within the last 24 hours');
    const node: GraphNode = {
      type: 'ContentPublishingLimit',
      defaults: ['quota_usage'],
      fields: { quota_usage: this.publishesInWindow(account.id, since ? since.getTime() : windowStart), config: { quota_total: this.quotaTotal, quota_duration: this.quotaDurationSeconds } },
    };
    const selected = select(request, node);
    return selected.status ? selected : { body: { data: [selected.body] } };
  }

  /** `GET /refresh_access_token?grant_type=ig_refresh_token&access_token=…` (graph.instagram.com, unversioned). */
  private refreshToken(request: FakeRequest): FakeResponse {
    if (request.query.get('grant_type') !== 'ig_refresh_token') return graphError(100, '(#100) grant_type must be ig_refresh_token');
    const token = request.query.get('access_token') ?? undefined;
    const issued = token ? this.igTokens.get(token) : undefined;
    if (!issued) return graphError(190, 'Invalid OAuth access token - Cannot parse access token');
    const denied = this.checkToken(token);
    if (denied) return denied;
    if (Date.now() - issued.issuedAt < this.minRefreshAgeSeconds * 1000) {
      return graphError(10, '(#10) The access token must be at least 24 hours old to be refreshed', { type: 'IGApiException' });
    }
    const fresh = this.issueIgToken(issued.igUserId, Date.now());
    return { body: { access_token: fresh, token_type: 'bearer', expires_in: this.igTokenSeconds } };
  }

  private issueIgToken(igUserId: string, issuedAt: number): string {
    const token = this.newToken('IGAA');
    this.igTokens.set(token, { igUserId, issuedAt });
    this.oauthServer.grantsFor(token, igUserId, { expiresInSeconds: this.igTokenSeconds });
    return token;
  }

  private accountNode(account: FakeIgAccount): GraphNode {
    return {
      type: 'IGUser',
      defaults: ['id'],
      fields: {
        id: account.id,
        username: account.username,
        name: account.username,
        biography: '',
        followers_count: 0,
        follows_count: 0,
        media_count: this.mediaOf(account.id).length,
        profile_picture_url: `https://scontent.cdninstagram.com/${account.id}.jpg`,
      },
    };
  }

  private containerNode(container: FakeIgContainer): GraphNode {
    const status = this.statusOf(container);
    const text: Record<FakeContainerStatus, string> = {
      IN_PROGRESS: 'In Progress: Media is still being processed.',
      FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
      PUBLISHED: 'Published: Media has been successfully published.',
      EXPIRED: 'Expired: Media was not published within 24 hours.',
      ERROR: container.error ?? 'ERROR',
    };
    return { type: 'ShadowIGMediaBuilder', defaults: ['id'], fields: { id: container.id, status_code: status, status: text[status] } };
  }

  private mediaNode(media: FakeIgMedia, direct: boolean): GraphNode {
    const account = this.accounts.find((a) => a.id === media.igUserId);
    return {
      type: 'IGMedia',
      defaults: ['id'],
      fields: {
        id: media.id,
        caption: media.caption,
        media_type: media.mediaType,
        media_product_type: media.productType,
        media_url: media.mediaUrl,
        permalink: `https://www.instagram.com/p/${media.shortcode}/`,
        shortcode: media.shortcode,
        timestamp: graphTime(media.timestamp),
        like_count: media.likesHidden && !direct ? undefined : media.likeCount,
        comments_count: media.commentsCount,
        username: account?.username,
        owner: { id: media.igUserId },
        is_comment_enabled: true,
        children: media.children.length ? { data: media.children.map((id) => ({ id })) } : undefined,
      },
    };
  }
}

/** §4.7: 2,200 characters, 30 hashtags, 20 @mentions (error subcode 2207010, unconfirmed for the counts). */
function checkCaption(caption: string): FakeResponse | undefined {
  const fail = (userMsg: string) => graphError(100, '(#100) The caption is invalid', { subcode: 2207010, userTitle: 'Caption error', userMsg });
  if ([...caption].length > 2_200) return fail('The caption can be at most 2,200 characters long.');
  if ((caption.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > 30) return fail('The caption can contain at most 30 hashtags.');
  if ((caption.match(/@[\w.]+/g) ?? []).length > 20) return fail('The caption can mention at most 20 accounts.');
  return undefined;
}

function shortcode(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}
