import { MetaGraph } from '../meta/meta.graph';
import { FACEBOOK_LOGIN_DIALOG, facebookLogin, grantOf } from '../meta/meta.oauth';
import type {
  AccountIdentity,
  CallContext,
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
import { readThreadProgress, saveThreadProgress, type ThreadProgress } from '../thread-progress';
import { InstagramContainers } from './instagram.containers';
import { containerErrorRule, INSTAGRAM_PROFILE } from './instagram.errors';
import { InstagramInsights } from './instagram.insights';
import { checkPublishingQuota, nextPublishingSlot } from './instagram.quota';
import { reconcileInstagram } from './instagram.reconcile';

export interface InstagramAdapterOptions {
  /** The Facebook Login dialog (default `https://www.facebook.com/v25.0/dialog/oauth`). */
  authorizeUrl?: string;
  /** Host of `refresh_access_token` for Instagram-Login tokens (default `https://graph.instagram.com`). */
  refreshBaseUrl?: string;
  /** Pause between container status reads (default 60 s, §4.2: at most about once a minute). */
  pollIntervalMs?: number;
  /** How long one attempt waits for a container before retrying later (default 5 minutes, §4.2). */
  pollTimeoutMs?: number;
}

/** An Instagram professional account linked to a Page the user manages. */
export interface InstagramAccountLink {
  pageId: string;
  pageName: string;
  igUserId: string;
}

const INSTAGRAM_SCOPES = ['instagram_basic', 'instagram_content_publish', 'instagram_manage_insights', 'pages_show_list', 'pages_read_engagement', 'business_management'] as const;
const MAX_CAROUSEL = 10;

/**
 * Instagram content publishing on the Graph API (`../shared/reference/platform-apis.md` §4). The account is the
 * IG professional account (`credentials.accountId` = IG user id). The base URL is
 * `https://graph.facebook.com/v25.0` for Instagram with Facebook Login (`https://graph.instagram.com/v25.0`
 * for Instagram Login tokens).
 *
 * Publish is the container flow: one container per image (`image_url` = `call.media.publicUrl(id)`, since
 * Instagram only pulls media by URL), a `CAROUSEL` container over 2–10 child containers, each polled until
 * `FINISHED` and checkpointed, then `media_publish` (the commit). The rolling 24 h publishing quota is read
 * first. Every post needs an image.
 */
export class InstagramAdapter implements PlatformAdapter {
  readonly platform = 'instagram' as const;
  readonly oauth: OAuthFlow;
  private readonly graph = new MetaGraph(INSTAGRAM_PROFILE);
  /** Media metrics and the account's post history (`instagram.insights.ts`). */
  readonly insights = new InstagramInsights(this.graph);
  private readonly containers: InstagramContainers;
  private readonly refreshBaseUrl: string;

  constructor(options: InstagramAdapterOptions = {}) {
    this.oauth = facebookLogin(this.graph, { authorizeUrl: options.authorizeUrl ?? FACEBOOK_LOGIN_DIALOG, scopes: INSTAGRAM_SCOPES });
    this.refreshBaseUrl = (options.refreshBaseUrl ?? 'https://graph.instagram.com').replace(/\/+$/, '');
    this.containers = new InstagramContainers(this.graph, { intervalMs: options.pollIntervalMs ?? 60_000, timeoutMs: options.pollTimeoutMs ?? 300_000 });
  }

  /** `GET /{ig-user-id}?fields=id,username` (`/me` when the id is not known yet, with an Instagram-Login token). */
  async identify(call: CallContext): Promise<AccountIdentity> {
    const me = await this.graph.get<{ id: string; username: string }>(call.http, call.credentials.accessToken, `/${call.credentials.accountId || 'me'}`, { fields: 'id,username' }, 'read the account');
    return { accountId: String(me.id), accountName: `@${me.username}` };
  }

  /** The IG professional account linked to a Page (`GET /{page-id}?fields=instagram_business_account`), if any. */
  async instagramAccountOfPage(call: CallContext, pageId: string): Promise<string | undefined> {
    const page = await this.graph.get<{ instagram_business_account?: { id: string } }>(call.http, call.credentials.accessToken, `/${pageId}`, { fields: 'instagram_business_account' }, 'read the Page');
    return page.instagram_business_account?.id;
  }

  /** Every IG account linked to a Page the user token manages (`/me/accounts`), for the connection flow. */
  async listInstagramAccounts(call: CallContext): Promise<InstagramAccountLink[]> {
    const { items } = await this.graph.list<{ id: string; name: string; instagram_business_account?: { id: string } }>(
      call.http,
      call.credentials.accessToken,
      '/me/accounts',
      { fields: 'id,name,instagram_business_account', limit: 100 },
      'list your Pages',
      10,
    );
    return items.filter((p) => p.instagram_business_account).map((p) => ({ pageId: p.id, pageName: p.name, igUserId: p.instagram_business_account!.id }));
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    const progress = readThreadProgress(call);
    if (!progress.partIds[0]) {
      if (post.mediaIds.length === 0) throw new PlatformError('permanent', 'Instagram: every post needs at least one image; add an image to this post');
      if (post.mediaIds.length > MAX_CAROUSEL) throw new PlatformError('permanent', `Instagram: a carousel holds at most ${MAX_CAROUSEL} images; this post has ${post.mediaIds.length}`);
      await checkPublishingQuota(this.graph, call);
      const containerId = await this.prepare(call, post, progress);
      progress.partIds = [await this.commit(call, containerId)];
      await saveThreadProgress(call, progress);
    }
    if (!progress.firstUrl) {
      progress.firstUrl = await this.permalink(call, progress.partIds[0]);
      if (progress.firstUrl) await saveThreadProgress(call, progress);
    }
    return { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: new Date(), partIds: [progress.partIds[0]] };
  }

  reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    return reconcileInstagram(this.graph, this.containers, call, post, sentAt);
  }

  /**
   * Instagram-Login long-lived tokens are extended with `GET {refreshBaseUrl}/refresh_access_token?grant_type=ig_refresh_token`
   * (the token must be at least 24 h old and unexpired, §4.1), so call it ahead of expiry. Facebook-Login tokens
   * cannot be extended there: Meta refuses them with code 190, which like an expired token is a `refresh`
   * error, i.e. the user reconnects.
   */
  async refresh(call: RefreshContext): Promise<TokenGrant> {
    try {
      const answer = await this.graph.get<{ access_token?: string; expires_in?: number }>(call.http, call.accessToken, `${this.refreshBaseUrl}/refresh_access_token`, { grant_type: 'ig_refresh_token' }, 'extend the access token');
      return grantOf(answer, 'Instagram');
    } catch (error) {
      // A token error (190: expired, revoked, or not an Instagram-Login token) stays `refresh`: reconnect. Any
      // other refusal (e.g. a token younger than 24 h) leaves the token usable, so it is tried again later.
      if (PlatformError.is(error, 'permanent') || PlatformError.is(error, 'unknown')) throw new PlatformError('retry', error.message, error.details);
      throw error;
    }
  }

  /** Creates (or resumes) the containers and waits until the one to publish is `FINISHED`. */
  private async prepare(call: PublishContext, post: PublishRequest, progress: ThreadProgress): Promise<string> {
    let containerId = progress.extra?.containerId as string | undefined;
    if (!containerId) {
      const carousel = post.mediaIds.length > 1;
      if (carousel) await this.prepareChildren(call, post, progress);
      const params = carousel
        ? { media_type: 'CAROUSEL', children: post.mediaIds.map((id) => progress.uploaded[id]).join(','), caption: post.text }
        : await this.imageParams(call, post, post.mediaIds[0], { caption: post.text });
      containerId = await this.containers.create(call, params, carousel ? 'prepare the carousel' : 'prepare the image');
      progress.extra = { ...progress.extra, containerId };
      await saveThreadProgress(call, progress);
    }
    await this.whenFinished(call, progress, [containerId]);
    return containerId;
  }

  /** One `is_carousel_item` container per image (each checkpointed), all `FINISHED` before the parent is made. */
  private async prepareChildren(call: PublishContext, post: PublishRequest, progress: ThreadProgress): Promise<void> {
    for (const mediaId of post.mediaIds) {
      if (progress.uploaded[mediaId]) continue;
      progress.uploaded[mediaId] = await this.containers.create(call, await this.imageParams(call, post, mediaId, { is_carousel_item: 'true' }), 'prepare a carousel image');
      await saveThreadProgress(call, progress);
    }
    await this.whenFinished(call, progress, post.mediaIds.map((id) => progress.uploaded[id]));
  }

  /**
   * Waits for containers; `EXPIRED` or a retryable `ERROR` forgets every container of this post (the next
   * attempt prepares them again), `PUBLISHED` means an earlier `media_publish` went out, so it is an unknown
   * outcome to reconcile rather than a second publish.
   */
  private async whenFinished(call: PublishContext, progress: ThreadProgress, containerIds: string[]): Promise<void> {
    for (const state of await this.containers.settle(call, containerIds)) {
      if (state.status_code === 'FINISHED') continue;
      if (state.status_code === 'PUBLISHED') throw new PlatformError('unknown', 'Instagram: this post’s prepared media was already published by an earlier attempt; checking the account before anything else is sent');
      const rule = state.status_code === 'EXPIRED' ? { kind: 'retry' as const, meaning: 'the prepared media expired before it was published' } : containerErrorRule(state.status);
      if (rule.kind === 'retry') {
        progress.uploaded = {};
        progress.extra = { ...progress.extra, containerId: undefined };
        await saveThreadProgress(call, progress);
      }
      throw new PlatformError(rule.kind, `Instagram could not prepare the media: ${rule.meaning}${rule.kind === 'retry' ? '; it will be prepared again' : ''}`, { code: state.status_code });
    }
  }

  private async imageParams(call: PublishContext, post: PublishRequest, mediaId: string, extra: Record<string, string>): Promise<Record<string, string | undefined>> {
    // Our posts carry one alt text for their visual; it applies to each image (no bytes need loading: Instagram pulls by URL).
    const altText = post.altText;
    return { image_url: call.media.publicUrl(mediaId), alt_text: altText, ...extra };
  }

  /** `POST /{ig-user-id}/media_publish?creation_id=…`: the one call that can double-post. */
  private async commit(call: PublishContext, containerId: string): Promise<string> {
    try {
      const response = await this.graph.request(
        call.http,
        call.credentials.accessToken,
        { method: 'POST', url: `/${call.credentials.accountId}/media_publish`, form: { creation_id: containerId }, commit: true },
        'publish the post',
      );
      return String((response.body as { id: string }).id);
    } catch (error) {
      if (PlatformError.is(error, 'retry') && error.details.code?.endsWith('/2207042') && !error.details.retryAt) {
        throw new PlatformError('retry', error.message, { ...error.details, retryAt: await nextPublishingSlot(this.graph, call) });
      }
      throw error;
    }
  }

  /** The post's URL (`GET /{media-id}?fields=permalink`); the post is live already, so a failure only loses the URL. */
  private async permalink(call: PublishContext, mediaId: string): Promise<string | undefined> {
    try {
      return (await this.graph.get<{ permalink?: string }>(call.http, call.credentials.accessToken, `/${mediaId}`, { fields: 'permalink' }, 'read the post link')).permalink;
    } catch {
      return undefined;
    }
  }
}
