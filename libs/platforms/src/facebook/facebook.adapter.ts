import { MetaGraph } from '../meta/meta.graph';
import { FACEBOOK_LOGIN_DIALOG, facebookLogin } from '../meta/meta.oauth';
import type { AccountIdentity, CallContext, OAuthFlow, PlatformAdapter, PublishContext, PublishReceipt, PublishRequest, Reconciliation } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { readThreadProgress, saveThreadProgress, type ThreadProgress } from '../thread-progress';
import { FACEBOOK_PROFILE } from './facebook.errors';
import { FacebookInsights } from './facebook.insights';
import { postPhoto, type PhotoTransport } from './facebook.media';
import { facebookPostUrl, reconcileFacebook } from './facebook.reconcile';

export interface FacebookAdapterOptions {
  /** The Facebook Login dialog (default `https://www.facebook.com/v25.0/dialog/oauth`). */
  authorizeUrl?: string;
  /**
   * How photos reach Facebook: `upload` (default) sends the bytes as multipart `source`, so no public media
   * URL is needed; `url` lets Facebook fetch `call.media.publicUrl(id)`.
   */
  photoTransport?: PhotoTransport;
  /** Send the first URL of a text-only post as `link`, for a link preview (default true). */
  linkPreview?: boolean;
}

/** A Page the user manages, with its Page token (`/me/accounts`). */
export interface FacebookPage {
  pageId: string;
  name: string;
  /** The Page access token: what the connection stores as the account's token. */
  accessToken: string;
  /** The user's tasks on the Page (`CREATE_CONTENT`, `MANAGE`, `MODERATE`, …). */
  tasks: string[];
}

const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_read_user_content', 'read_insights', 'business_management'] as const;

/**
 * Facebook Pages on the Graph API (`../shared/reference/platform-apis.md` §3). The account is the Page and the
 * credentials hold a Page token: the OAuth flow yields a long-lived user token, from which `listPages` reads
 * each Page's token (`/me/accounts`); the connection stores the Page's id and token. Page tokens do not expire,
 * so there is no `refresh`: a token error means reconnecting. The base URL is `https://graph.facebook.com/v25.0`.
 *
 * Publish: text (and link) with `POST /{page-id}/feed`; one photo with a published `POST /{page-id}/photos`;
 * several photos uploaded unpublished (checkpointed), then attached to a `/feed` post. The `/feed` and
 * published `/photos` calls are the commit. Facebook has no threads (follow-ups would be comments).
 */
export class FacebookAdapter implements PlatformAdapter {
  readonly platform = 'facebook' as const;
  readonly oauth: OAuthFlow;
  private readonly graph = new MetaGraph(FACEBOOK_PROFILE);
  /** Post metrics and the Page's post history (`facebook.insights.ts`). */
  readonly insights = new FacebookInsights(this.graph);
  private readonly photoTransport: PhotoTransport;
  private readonly linkPreview: boolean;

  constructor(options: FacebookAdapterOptions = {}) {
    this.oauth = facebookLogin(this.graph, { authorizeUrl: options.authorizeUrl ?? FACEBOOK_LOGIN_DIALOG, scopes: FACEBOOK_SCOPES });
    this.photoTransport = options.photoTransport ?? 'upload';
    this.linkPreview = options.linkPreview ?? true;
  }

  /** `GET /me?fields=id,name` with the Page token: the Page itself. */
  async identify(call: CallContext): Promise<AccountIdentity> {
    const me = await this.graph.get<{ id: string; name: string }>(call.http, call.credentials.accessToken, '/me', { fields: 'id,name' }, 'read the Page');
    if (call.credentials.accountId && me.id !== call.credentials.accountId) {
      throw new PlatformError('permanent', `Facebook: the token belongs to ${me.name} (${me.id}), not to the Page ${call.credentials.accountId}; connect with the Page's own token`);
    }
    return { accountId: me.id, accountName: me.name };
  }

  /** The Pages a user token manages, each with its Page token, for the connection flow (`GET /me/accounts`). */
  async listPages(call: CallContext): Promise<FacebookPage[]> {
    const { items } = await this.graph.list<{ id: string; name: string; access_token?: string; tasks?: string[] }>(
      call.http,
      call.credentials.accessToken,
      '/me/accounts',
      { fields: 'id,name,access_token,tasks', limit: 100 },
      'list your Pages',
      10,
    );
    return items.filter((p) => p.access_token).map((p) => ({ pageId: p.id, name: p.name, accessToken: p.access_token!, tasks: p.tasks ?? [] }));
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    const progress = readThreadProgress(call);
    if (!progress.partIds[0]) {
      const postId = await this.createPost(call, post, progress);
      progress.partIds = [postId];
      progress.firstUrl = facebookPostUrl(postId);
      await saveThreadProgress(call, progress);
    }
    return { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: new Date(), partIds: [progress.partIds[0]] };
  }

  reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    return reconcileFacebook(this.graph, call, post, sentAt);
  }

  private async createPost(call: PublishContext, post: PublishRequest, progress: ThreadProgress): Promise<string> {
    const pageId = call.credentials.accountId;
    if (post.mediaIds.length === 1) {
      const photo = await postPhoto(this.graph, call, this.photoTransport, post.mediaIds[0], { caption: post.text });
      return photo.post_id ?? `${pageId}_${photo.id}`;
    }
    for (const mediaId of post.mediaIds) {
      if (progress.uploaded[mediaId]) continue;
      progress.uploaded[mediaId] = (await postPhoto(this.graph, call, this.photoTransport, mediaId, null)).id;
      await saveThreadProgress(call, progress);
    }
    const attached = post.mediaIds.map((id) => ({ media_fbid: progress.uploaded[id] }));
    const link = this.linkPreview && attached.length === 0 ? /https?:\/\/\S+/.exec(post.text)?.[0].replace(/[).,!?;:'"]+$/, '') : undefined;
    const response = await this.graph.request(
      call.http,
      call.credentials.accessToken,
      { method: 'POST', url: `/${pageId}/feed`, json: { message: post.text, link, attached_media: attached.length ? attached : undefined }, commit: true },
      'publish the post',
    );
    return (response.body as { id: string }).id;
  }
}
