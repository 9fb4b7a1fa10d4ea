import type { ContentType, MediaType, Platform, PostMetrics } from '@app/contracts';
import type { PlatformHttp } from './http/platform-http';

/**
 * The port every social platform adapter implements. An adapter is stateless: credentials, the HTTP client
 * (base URL, timeouts, rate-limit observation) and a place to checkpoint a multi-step publish are passed in
 * with each call, so one adapter instance serves every account of its platform.
 */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Who the credentials belong to; used when an account is connected (and to verify the token works). */
  identify(call: CallContext): Promise<AccountIdentity>;
  /**
   * Publishes a post. Prepare steps (uploads, containers) may run again on a retry; the commit call (the
   * one that makes the post public) must be classified `unknown` when it was sent but no answer came back.
   * Multi-step publishes (threads, containers) checkpoint with `call.saveProgress` after every step, and
   * resume from `call.progress` on the next attempt, so nothing that went out is sent again.
   */
  publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt>;
  /**
   * After an unknown outcome: looks for the post on the platform (its idempotency key where it has one,
   * else the account's recent posts around `sentAt`). `found` settles it as published; `absent` means the
   * platform answered and the post is not there, so a new attempt is safe; `unsure` means it cannot tell.
   */
  reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation>;
  /**
   * Gets a fresh access token (X and LinkedIn: refresh-token grant, rotating; Instagram: long-lived token
   * extension; Bluesky: refreshSession). Absent where the platform has no refresh (Mastodon, Facebook Page
   * tokens): the connection then needs the user to reconnect. A refused refresh throws a PlatformError of kind
   * `refresh` (the grant is dead) or `retry` (try later).
   */
  refresh?(call: RefreshContext): Promise<TokenGrant>;
  /** The OAuth 2.0 authorization-code flow, where the platform uses one. */
  readonly oauth?: OAuthFlow;
  /** Reading the account's posts and their metrics (the Analytics agent's source). */
  readonly insights?: InsightsApi;
}

/**
 * Reads metrics of the account's own posts, mapped to the common model (`PostMetrics`: a metric the
 * platform does not report is absent, not 0). Errors are PlatformErrors classified as for publishing:
 * `retry` (with `retryAt` from the platform's reset signal), `refresh`, `permanent`. Reads are never
 * `unknown`: a timeout is `retry`.
 */
export interface InsightsApi {
  /**
   * Lifetime metrics of the given posts, by platform post id. Batches where the platform allows it (X 100
   * ids, Bluesky 25 uris) and calls per post where it must (Facebook, Instagram, LinkedIn insights). A post
   * the platform no longer has (deleted) is absent from the result instead of failing the batch.
   */
  metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>>;
  /**
   * One page of the account's own posts published at or after `since`, newest first, each with its metrics
   * (list fields, completed with per-post insights where impressions/reach are not list fields). Reposts and
   * replies are left out. Page with the platform's own mechanism; `nextCursor` is absent on the last page.
   */
  history(call: CallContext, query: HistoryQuery): Promise<HistoryPage>;
}

export interface HistoryQuery {
  since: Date;
  /** From the previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
  /** Posts per page (the adapter caps it at the platform's maximum). */
  limit?: number;
}

export interface HistoryPage {
  posts: HistoricalPost[];
  nextCursor?: string;
}

export interface HistoricalPost {
  platformPostId: string;
  text: string;
  publishedAt: Date;
  url?: string;
  mediaType: MediaType;
  /** The platform's own format name where it has one (Instagram `CAROUSEL_ALBUM`, ...). */
  rawType?: string;
  metrics: PostMetrics;
}

/** A connected account's secrets and coordinates, decrypted for the length of one call. */
export interface AccountCredentials {
  /** The platform's id of the account (X user id, Page id, IG user id, person/organization URN, DID, account id). */
  accountId: string;
  accountName?: string;
  accessToken: string;
  /** The account's server where it has one (Bluesky PDS, Mastodon instance); else the configured base URL. */
  serverUrl?: string;
}

export interface CallContext {
  credentials: AccountCredentials;
  http: PlatformHttp;
}

/** A call that needs no account token (OAuth code exchange, token refresh). */
export interface AuthCallContext {
  http: PlatformHttp;
  serverUrl?: string;
}

export interface RefreshContext extends AuthCallContext {
  /** The OAuth client, where the platform's refresh needs one (X, LinkedIn). */
  client?: OAuthClient;
  accessToken: string;
  refreshToken?: string;
}

export interface PublishContext extends CallContext {
  /** What an earlier attempt of this publish checkpointed, or null on the first attempt. */
  progress: PublishProgress | null;
  /** Durably records progress before the next step runs. */
  saveProgress(progress: PublishProgress): Promise<void>;
  /** The post's media, loaded on demand. */
  media: MediaSource;
}

/** Adapter-defined checkpoint, stored as JSON (e.g. ids of thread parts already posted, a container id). */
export type PublishProgress = Record<string, unknown>;

export interface PublishRequest {
  /** Our post id: stable across attempts; sent as the platform's idempotency key where it has one. */
  idempotencyKey: string;
  platform: Platform;
  contentType: ContentType;
  text: string;
  /** Every part of a thread, in order (the first equals `text`). */
  threadParts?: string[];
  hashtags: string[];
  altText?: string;
  /** Ids of the post's images (0 or more, in order). */
  mediaIds: string[];
  /** The visual's description when no image was generated (the sandbox accepts it as the post's visual). */
  imagePrompt?: string;
}

export interface MediaItem {
  id: string;
  mimeType: string;
  bytes: Buffer;
  altText?: string;
}

export interface MediaSource {
  /** Loads one image's bytes. */
  load(mediaId: string): Promise<MediaItem>;
  /**
   * A URL the platform can fetch the image from (Instagram and Facebook pull media by URL). Signed and
   * short-lived; throws a `permanent` PlatformError when no public media URL is configured.
   */
  publicUrl(mediaId: string): string;
}

export interface PublishReceipt {
  platformPostId: string;
  url?: string;
  publishedAt: Date;
  /** Ids of every part, for a thread (the first is `platformPostId`). */
  partIds?: string[];
}

export type Reconciliation = { found: PublishReceipt } | { absent: true } | { unsure: string };

export interface AccountIdentity {
  accountId: string;
  accountName: string;
}

export interface TokenGrant {
  accessToken: string;
  /** A new refresh token when the platform rotates them; undefined keeps the stored one. */
  refreshToken?: string;
  expiresAt?: Date;
  scope?: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface OAuthFlow {
  /** The scopes the product asks for (publishing, reading metrics, refresh). */
  readonly scopes: readonly string[];
  /** The platform's authorize URL for a PKCE S256 challenge. */
  authorizeUrl(client: OAuthClient, params: { state: string; codeChallenge: string; serverUrl?: string }): string;
  /** Exchanges the authorization code (with the PKCE verifier). */
  exchangeCode(call: AuthCallContext, client: OAuthClient, params: { code: string; codeVerifier: string }): Promise<TokenGrant>;
}
