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
import { LinkedInApi, authorUrn, linkedinPostUrl } from './linkedin.api';
import { duplicateUrnOf } from './linkedin.errors';
import { LinkedInInsights } from './linkedin.insights';
import { uploadLinkedInImage } from './linkedin.media';
import { DEFAULT_MEMBER_METRIC_TYPES } from './linkedin.metrics';
import { linkedinOAuth, refreshLinkedInToken } from './linkedin.oauth';
import { reconcileLinkedIn, type LinkedInListing } from './linkedin.reconcile';
import { toLittleText, type HashtagStyle } from './linkedin.text';

export interface LinkedInAdapterOptions {
  /** `LinkedIn-Version` (YYYYMM) sent on every `/rest` call; versions are sunset about a year after release. */
  version?: string;
  /** OAuth authorize endpoint (default `https://www.linkedin.com/oauth/v2/authorization`). */
  authorizeUrl?: string;
  /** OAuth token endpoint (default `https://www.linkedin.com/oauth/v2/accessToken`). */
  tokenUrl?: string;
  /** Scopes asked for (default `openid profile w_member_social`; add `r_member_social` to let reconcile list posts). */
  scopes?: readonly string[];
  /** Send a PKCE challenge/verifier (default true; LinkedIn's web flow ignores them). */
  pkce?: boolean;
  /** Hashtags as `{hashtag|\#|tag}` templates (default) or as escaped plain text. */
  hashtags?: HashtagStyle;
  /** Polling of an uploaded image until AVAILABLE. */
  imagePollMs?: number;
  imagePollAttempts?: number;
  /** How reconcile searches the author's recent posts. */
  listing?: Partial<LinkedInListing>;
  /**
   * `memberCreatorPostAnalytics` types read per member post (default IMPRESSION, MEMBERS_REACHED, RESHARE; add
   * the unconfirmed POST_SAVE / LINK_CLICKS where LinkedIn serves them). Needs `r_member_postAnalytics`.
   */
  memberMetricTypes?: readonly string[];
}

export const LINKEDIN_DEFAULT_VERSION = '202601';
const DEFAULT_SCOPES = ['openid', 'profile', 'w_member_social'];
const DEFAULT_LISTING: LinkedInListing = { pageSize: 50, maxPages: 4, lagMs: 2 * 60_000, windowMs: 10 * 60_000 };

/** What a LinkedIn publish checkpoints besides the shared ThreadProgress fields. */
interface LinkedInExtra {
  /** Alt text of each uploaded image, by our media id. */
  alt?: Record<string, string>;
  /** The post a `DUPLICATE_POST` rejection named. */
  duplicateOf?: string;
}

/**
 * LinkedIn (`../shared/reference/platform-apis.md` §6), Posts API on `https://api.linkedin.com` (`/rest/...`,
 * `/v2/userinfo`). A post is one `POST /rest/posts` (no threads); images go through the Images API first.
 * The author is the member (`urn:li:person:<sub>`) or an organization URN stored as the account id.
 */
export class LinkedInAdapter implements PlatformAdapter {
  readonly platform = 'linkedin' as const;
  readonly oauth: OAuthFlow;
  private readonly version: string;
  private readonly tokenUrl: string;
  private readonly hashtags: HashtagStyle;
  private readonly polling: { intervalMs: number; attempts: number };
  private readonly listing: LinkedInListing;
  /** Post metrics and the author's post history (`linkedin.insights.ts`). */
  readonly insights: LinkedInInsights;

  constructor(options: LinkedInAdapterOptions = {}) {
    this.version = options.version ?? LINKEDIN_DEFAULT_VERSION;
    this.tokenUrl = options.tokenUrl ?? 'https://www.linkedin.com/oauth/v2/accessToken';
    this.hashtags = options.hashtags ?? 'template';
    this.polling = { intervalMs: options.imagePollMs ?? 1_000, attempts: options.imagePollAttempts ?? 30 };
    this.listing = { ...DEFAULT_LISTING, ...options.listing };
    this.insights = new LinkedInInsights({ version: this.version, memberMetricTypes: options.memberMetricTypes ?? DEFAULT_MEMBER_METRIC_TYPES });
    this.oauth = linkedinOAuth({
      authorizeUrl: options.authorizeUrl ?? 'https://www.linkedin.com/oauth/v2/authorization',
      tokenUrl: this.tokenUrl,
      scopes: options.scopes ?? DEFAULT_SCOPES,
      pkce: options.pkce ?? true,
    });
  }

  /** `GET /v2/userinfo` → `urn:li:person:<sub>`; a connection stored as an organization URN keeps that author. */
  async identify(call: CallContext): Promise<AccountIdentity> {
    const response = await this.api(call).plain({ method: 'GET', url: '/v2/userinfo' }, 'profile');
    const info = response.body as { sub: string; name?: string; given_name?: string; family_name?: string };
    if (call.credentials.accountId?.startsWith('urn:li:organization:')) {
      return { accountId: call.credentials.accountId, accountName: call.credentials.accountName ?? call.credentials.accountId };
    }
    const name = info.name ?? [info.given_name, info.family_name].filter(Boolean).join(' ');
    return { accountId: `urn:li:person:${info.sub}`, accountName: name || info.sub };
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    if ((post.threadParts?.length ?? 0) > 1) throw new PlatformError('permanent', 'LinkedIn has no threads: publish this post as a single text');
    const progress = readThreadProgress(call);
    if (progress.partIds.length > 0) return this.receipt(progress);
    const api = this.api(call);
    const author = authorUrn(call.credentials.accountId);
    const extra = progress.extra as LinkedInExtra;
    for (const mediaId of post.mediaIds) {
      if (progress.uploaded[mediaId]) continue;
      const media = await call.media.load(mediaId);
      progress.uploaded[mediaId] = await uploadLinkedInImage(api, author, media, this.polling);
      extra.alt = { ...extra.alt, [mediaId]: media.altText ?? post.altText ?? '' };
      await saveThreadProgress(call, progress);
    }
    const images = post.mediaIds.map((id) => ({ id: progress.uploaded[id], altText: extra.alt?.[id] || undefined }));
    const urn = await this.createPost(call, api, progress, { author, commentary: toLittleText(post.text, this.hashtags), content: contentOf(images) });
    progress.partIds = [urn];
    progress.firstUrl = linkedinPostUrl(urn);
    await saveThreadProgress(call, progress);
    return this.receipt(progress);
  }

  async reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    const progress = readThreadProgress(call);
    if (progress.partIds.length > 0) return { found: { ...this.receipt(progress), publishedAt: sentAt } };
    const duplicateOf = (progress.extra as LinkedInExtra).duplicateOf;
    return reconcileLinkedIn(this.api(call), authorUrn(call.credentials.accountId), post, sentAt, duplicateOf, this.listing);
  }

  refresh(call: RefreshContext): Promise<TokenGrant> {
    return refreshLinkedInToken(call, this.tokenUrl);
  }

  /** The commit: 201 with the post URN in `x-restli-id` and no body. */
  private async createPost(call: PublishContext, api: LinkedInApi, progress: ThreadProgress, post: { author: string; commentary: string; content?: unknown }): Promise<string> {
    const body = {
      author: post.author,
      commentary: post.commentary,
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      content: post.content,
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    try {
      const response = await api.rest({ method: 'POST', url: '/rest/posts', json: body, commit: true }, 'publish');
      const urn = response.headers.get('x-restli-id');
      if (!urn) throw new PlatformError('unknown', 'LinkedIn publish: the post was accepted but LinkedIn did not say its id; reconcile to find it', { status: response.status });
      return urn;
    } catch (error) {
      // A duplicate rejection names the existing post: evidence for reconcile that an earlier attempt went through.
      const urn = PlatformError.is(error) && error.details.duplicate ? duplicateUrnOf({ message: error.message }) : undefined;
      if (urn) await saveThreadProgress(call, { ...progress, extra: { ...progress.extra, duplicateOf: urn } });
      throw error;
    }
  }

  private receipt(progress: ThreadProgress): PublishReceipt {
    return { platformPostId: progress.partIds[0], url: progress.firstUrl ?? linkedinPostUrl(progress.partIds[0]), publishedAt: new Date() };
  }

  private api(call: CallContext): LinkedInApi {
    return new LinkedInApi(call, this.version);
  }
}

/** One image → `content.media`; two or more → `content.multiImage` (2–20, unconfirmed). */
function contentOf(images: Array<{ id: string; altText?: string }>): unknown {
  if (images.length === 0) return undefined;
  if (images.length === 1) return { media: images[0] };
  return { multiImage: { images } };
}
