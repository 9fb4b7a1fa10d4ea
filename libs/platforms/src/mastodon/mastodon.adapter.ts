import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import { parseInstant } from '../http/reset-signals';
import type {
  AccountIdentity,
  AuthCallContext,
  CallContext,
  OAuthClient,
  OAuthFlow,
  PlatformAdapter,
  PublishContext,
  PublishReceipt,
  PublishRequest,
  Reconciliation,
  TokenGrant,
} from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { sameText } from '../text-match';
import { partsOf, readThreadProgress, saveThreadProgress } from '../thread-progress';
import { mastodonError, observeMastodonRateLimit } from './mastodon.errors';
import { MastodonInsights } from './mastodon.insights';

interface Status {
  id: string;
  url?: string | null;
  uri: string;
  created_at: string;
  content: string;
}

/** How long an instance remembers an Idempotency-Key (per account). We stay inside it with a margin. */
const IDEMPOTENCY_WINDOW_MS = 55 * 60_000;
const MEDIA_POLL_MS = 1_000;
const MEDIA_POLL_ATTEMPTS = 30;

const MASTODON_OAUTH: OAuthFlow = {
  scopes: ['read', 'write', 'profile'],
  authorizeUrl(client: OAuthClient, params): string {
    const url = new URL(`${(params.serverUrl ?? '').replace(/\/+$/, '')}/oauth/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: MASTODON_OAUTH.scopes.join(' '),
      state: params.state,
      code_challenge: params.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  },
  async exchangeCode(call: AuthCallContext, client: OAuthClient, params): Promise<TokenGrant> {
    const http = call.serverUrl ? call.http.withBaseUrl(call.serverUrl) : call.http;
    const response = await http.request({
      method: 'POST',
      url: '/oauth/token',
      form: {
        grant_type: 'authorization_code',
        code: params.code,
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uri: client.redirectUri,
        code_verifier: params.codeVerifier,
      },
    });
    if (!response.ok) throw mastodonError(response, 'token exchange');
    const body = response.body as { access_token?: string; scope?: string };
    if (!body?.access_token) throw new PlatformError('permanent', 'Mastodon token exchange: the answer has no access_token');
    // Mastodon tokens never expire and there is no refresh token.
    return { accessToken: body.access_token, scope: body.scope };
  },
};

/**
 * Mastodon (`../shared/reference/platform-apis.md` §8). Each account lives on its own instance
 * (`credentials.serverUrl`). Statuses are created with an `Idempotency-Key` derived from our post id and the
 * part index, so a resend within the hour returns the status already made instead of a duplicate. Threads
 * are reply chains (first part public, the rest unlisted); images are uploaded with `POST /api/v2/media`,
 * polled while the instance processes them.
 */
export class MastodonAdapter implements PlatformAdapter {
  readonly platform = 'mastodon' as const;
  readonly oauth = MASTODON_OAUTH;
  /** Status counts and the account's own history (see `MastodonInsights`). */
  readonly insights = new MastodonInsights();

  async identify(call: CallContext): Promise<AccountIdentity> {
    const response = await this.send(call, { method: 'GET', url: '/api/v1/accounts/verify_credentials' }, 'verify_credentials');
    const account = response.body as { id: string; acct: string; username: string };
    return { accountId: String(account.id), accountName: `@${account.acct ?? account.username}` };
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    const progress = readThreadProgress(call);
    const mediaIds: string[] = [];
    for (const mediaId of post.mediaIds) {
      progress.uploaded[mediaId] ??= await this.upload(call, mediaId);
      mediaIds.push(progress.uploaded[mediaId]);
      await saveThreadProgress(call, progress);
    }
    const parts = partsOf(post);
    for (let index = progress.partIds.length; index < parts.length; index++) {
      const status = await this.createStatus(call, post, index, parts[index], index === 0 ? mediaIds : [], progress.partIds[index - 1]);
      progress.partIds.push(status.id);
      if (index === 0) progress.firstUrl = status.url ?? status.uri;
      await saveThreadProgress(call, progress);
    }
    return { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: new Date(), partIds: progress.partIds };
  }

  /**
   * Within the instance's idempotency window a resend with the same key cannot duplicate, so the publish may
   * simply run again. Past it, the account's recent statuses are searched for the part that was in flight.
   */
  async reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    if (Date.now() - sentAt.getTime() < IDEMPOTENCY_WINDOW_MS) return { absent: true };
    const progress = readThreadProgress(call);
    const pending = partsOf(post)[progress.partIds.length];
    if (pending === undefined) return { found: { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: sentAt, partIds: progress.partIds } };
    const response = await this.send(call, { method: 'GET', url: `/api/v1/accounts/${call.credentials.accountId}/statuses`, query: { limit: 40, exclude_reblogs: true } }, 'account statuses');
    const match = (response.body as Status[]).find((s) => sameText(pending, s.content, true));
    if (!match) return { unsure: `the idempotency window has passed and no recent status of @${call.credentials.accountName ?? call.credentials.accountId} matches` };
    if (progress.partIds.length > 0) return { unsure: 'a thread part may be live; finish the thread by hand' };
    return { found: { platformPostId: match.id, url: match.url ?? match.uri, publishedAt: parseInstant(match.created_at) ?? sentAt } };
  }

  private async createStatus(call: PublishContext, post: PublishRequest, index: number, text: string, mediaIds: string[], replyTo?: string): Promise<Status> {
    const response = await this.http(call).request({
      method: 'POST',
      url: '/api/v1/statuses',
      headers: { authorization: `Bearer ${call.credentials.accessToken}`, 'idempotency-key': `${post.idempotencyKey}:${index}` },
      json: { status: text, media_ids: mediaIds.length ? mediaIds : undefined, in_reply_to_id: replyTo, visibility: index === 0 ? 'public' : 'unlisted' },
      commit: true,
    });
    observeMastodonRateLimit(call.http, response);
    if (!response.ok) throw mastodonError(response, 'create status', true);
    return response.body as Status;
  }

  private async upload(call: PublishContext, mediaId: string): Promise<string> {
    const media = await call.media.load(mediaId);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), `${media.id}`);
    if (media.altText) form.append('description', media.altText);
    const response = await this.send(call, { method: 'POST', url: '/api/v2/media', multipart: form }, 'media upload');
    const attachment = response.body as { id: string; url: string | null };
    if (response.status === 202 || !attachment.url) await this.waitForMedia(call, attachment.id);
    return attachment.id;
  }

  /** 206 while the instance processes the file, 200 when ready, 422 when processing failed. */
  private async waitForMedia(call: PublishContext, id: string): Promise<void> {
    for (let i = 0; i < MEDIA_POLL_ATTEMPTS; i++) {
      const response = await this.send(call, { method: 'GET', url: `/api/v1/media/${id}` }, 'media status', [206]);
      if (response.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, MEDIA_POLL_MS));
    }
    throw new PlatformError('retry', `Mastodon media ${id} still processing after ${MEDIA_POLL_ATTEMPTS} polls`);
  }

  private async send(call: CallContext, request: Parameters<PlatformHttp['request']>[0], what: string, alsoOk: number[] = []): Promise<HttpResponse> {
    const response = await this.http(call).request({ ...request, headers: { authorization: `Bearer ${call.credentials.accessToken}`, ...request.headers } });
    observeMastodonRateLimit(call.http, response);
    if (!response.ok && !alsoOk.includes(response.status)) throw mastodonError(response, what);
    return response;
  }

  private http(call: CallContext): PlatformHttp {
    return call.credentials.serverUrl ? call.http.withBaseUrl(call.credentials.serverUrl) : call.http;
  }
}
