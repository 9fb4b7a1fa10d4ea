import type {
  AccountIdentity,
  CallContext,
  InsightsApi,
  OAuthFlow,
  PlatformAdapter,
  PublishContext,
  PublishReceipt,
  PublishRequest,
  Reconciliation,
  RefreshContext,
  TokenGrant,
} from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { partsOf, readThreadProgress, saveThreadProgress, type ThreadProgress } from '../thread-progress';
import { xPostUrl, xRequest } from './x.client';
import { XInsights } from './x.insights';
import { uploadXMedia, type XMediaOptions } from './x.media';
import { X_AUTHORIZE_URL, refreshXToken, xOAuthFlow } from './x.oauth';
import { reconcileX } from './x.reconcile';

export interface XAdapterOptions {
  /** The OAuth authorize page (on x.com, not the API host). */
  authorizeUrl?: string;
  /** Where post links point: `<webUrl>/<username>/status/<id>`. */
  webUrl?: string;
  /** Name of the post-fields query parameter: `tweet.fields` (docs) or `post.fields` (spec 2.167). */
  postFieldsParam?: string;
  /** Media upload tuning (1 MB segments, 30 STATUS polls, at most 10 s between polls). */
  media?: Partial<XMediaOptions>;
  /** Timeline pages of 100 read by `reconcile` before it answers `unsure`. */
  reconcilePages?: number;
  /** How long after the send a post missing from the timeline still counts as `unsure` (default 10 s). */
  reconcileSettleMs?: number;
}

/** X keeps an upload for `expires_after_secs` (a day); a resume re-uploads one that expires within this margin. */
const MEDIA_EXPIRY_MARGIN_MS = 10 * 60_000;
const MAX_IMAGES = 4;

/**
 * X API v2 (`../shared/reference/platform-apis.md` §2). The API base URL (`https://api.x.com`, paths
 * `/2/...`) comes from `call.http`. Posts are created with `POST /2/tweets` (the commit call); images go
 * through the chunked media upload first (with alt text), at most 4 on the first post; threads are reply
 * chains. Every upload and every posted part is checkpointed, so a retry never posts a live part again.
 * Tokens are OAuth 2.0 user tokens (2 h) refreshed with rotating refresh tokens.
 */
export class XAdapter implements PlatformAdapter {
  readonly platform = 'x' as const;
  readonly oauth: OAuthFlow;
  /** Post metrics and the account's own history (see `XInsights`). */
  readonly insights: InsightsApi;
  private readonly webUrl: string;
  private readonly media: XMediaOptions;

  constructor(private readonly options: XAdapterOptions = {}) {
    this.oauth = xOAuthFlow(options.authorizeUrl ?? X_AUTHORIZE_URL);
    this.webUrl = options.webUrl ?? 'https://x.com';
    this.media = { chunkBytes: 1024 * 1024, pollAttempts: 30, maxPollWaitMs: 10_000, ...options.media };
    this.insights = new XInsights({ webUrl: this.webUrl, postFieldsParam: options.postFieldsParam ?? 'tweet.fields' });
  }

  async identify(call: CallContext): Promise<AccountIdentity> {
    const response = await xRequest(call, { method: 'GET', url: '/2/users/me' }, 'read the connected account');
    const user = response.body?.data as { id?: string; username?: string } | undefined;
    if (!user?.id) throw new PlatformError('retry', 'X answered the account lookup without an account id');
    return { accountId: String(user.id), accountName: `@${user.username ?? user.id}` };
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    if (post.mediaIds.length > MAX_IMAGES) throw new PlatformError('permanent', `X allows at most ${MAX_IMAGES} images on a post; this one has ${post.mediaIds.length}`);
    const progress = readThreadProgress(call);
    const parts = partsOf(post);
    const mediaIds = progress.partIds.length === 0 ? await this.uploadAll(call, post, progress) : [];
    for (let index = progress.partIds.length; index < parts.length; index++) {
      const id = await this.createPost(call, parts[index], index === 0 ? mediaIds : [], progress.partIds[index - 1]);
      progress.partIds.push(id);
      if (index === 0) progress.firstUrl = xPostUrl(this.webUrl, call.credentials.accountName, id);
      await saveThreadProgress(call, progress);
    }
    return { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: new Date(), partIds: progress.partIds };
  }

  reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    return reconcileX(call, post, sentAt, {
      webUrl: this.webUrl,
      postFieldsParam: this.options.postFieldsParam ?? 'tweet.fields',
      maxPages: this.options.reconcilePages ?? 5,
      settleMs: this.options.reconcileSettleMs ?? 10_000,
    });
  }

  refresh(call: RefreshContext): Promise<TokenGrant> {
    return refreshXToken(call);
  }

  /** Uploads the post's images not yet uploaded (or whose upload X has forgotten), checkpointing each. */
  private async uploadAll(call: PublishContext, post: PublishRequest, progress: ThreadProgress): Promise<string[]> {
    const expiries = { ...((progress.extra?.mediaExpiresAt as Record<string, string> | undefined) ?? {}) };
    const ids: string[] = [];
    for (const mediaId of post.mediaIds) {
      const expiresAt = expiries[mediaId] ? Date.parse(expiries[mediaId]) : Infinity;
      if (!progress.uploaded[mediaId] || expiresAt - Date.now() < MEDIA_EXPIRY_MARGIN_MS) {
        const item = await call.media.load(mediaId);
        const uploaded = await uploadXMedia(call, item, item.altText ?? post.altText, this.media);
        progress.uploaded[mediaId] = uploaded.id;
        if (uploaded.expiresAt) expiries[mediaId] = uploaded.expiresAt.toISOString();
        progress.extra = { ...progress.extra, mediaExpiresAt: expiries };
        await saveThreadProgress(call, progress);
      }
      ids.push(progress.uploaded[mediaId]);
    }
    return ids;
  }

  /** The commit call: 201 `{ data: { id, text } }`; a 2xx may still carry `errors` and no post. */
  private async createPost(call: PublishContext, text: string, mediaIds: string[], replyTo?: string): Promise<string> {
    const json = {
      text,
      ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
      ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo } } : {}),
    };
    const response = await xRequest(call, { method: 'POST', url: '/2/tweets', json, commit: true }, 'create the post');
    const id = response.body?.data?.id;
    if (typeof id === 'string' && id) return id;
    const errors = response.body?.errors as { message?: string; detail?: string }[] | undefined;
    if (errors?.length) throw new PlatformError('permanent', `X did not create the post: ${errors.map((e) => e.detail ?? e.message).join('; ')}`, { status: response.status });
    throw new PlatformError('unknown', `X answered ${response.status} to the post without its id; the post may or may not be live`, { status: response.status });
  }
}
