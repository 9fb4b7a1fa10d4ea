import { createHash, randomBytes } from 'node:crypto';
import { parseLittleText } from '../linkedin/linkedin.text';
import {
  checkAnalyticsQuery,
  memberAnalyticsAnswer,
  parseAnalyticsEntity,
  parseList,
  shareStatisticsElement,
  socialMetadataView,
  type FakeLinkedInInsights,
} from './fake-linkedin-insights';
import { accessDenied, defaultActiveVersion, duplicateError, header, inputError, liError, view, type FakeLinkedInImage, type FakeLinkedInPost } from './fake-linkedin-wire';
import { FakeOAuthServer, oauthError } from './fake-oauth';
import { FakePlatformServer, bearer, field, type FakeRequest, type FakeResponse } from './fake-platform-server';

export interface FakeLinkedInMember {
  sub: string;
  urn: string;
  name: string;
  /** Whether the member's token may list their own posts (`r_member_social`, a restricted permission). */
  canReadPosts: boolean;
  /** Whether the member's token may read their post analytics (`r_member_postAnalytics`). */
  canReadAnalytics: boolean;
}

export type { FakeLinkedInImage, FakeLinkedInPost } from './fake-linkedin-wire';
export type { FakeLinkedInInsights, FakeReactionType } from './fake-linkedin-insights';

export interface FakeLinkedInOptions {
  /** Whether a refresh returns a new refresh token and kills the old one (default false: LinkedIn returns the same one). */
  rotateRefresh?: boolean;
  /** Whether the app gets refresh tokens at all (approved partners; default true). */
  issueRefresh?: boolean;
  /** `POST /rest/posts` calls per member per UTC day (unpublished by LinkedIn; default 150). */
  dailyPostLimit?: number;
  /** All `/rest` calls per member per UTC day (default unlimited). */
  dailyCallLimit?: number;
  /** How long identical commentary of the same author is rejected as `DUPLICATE_POST` (unconfirmed; default 24 h). */
  duplicateWindowMs?: number;
  /** `GET /rest/images/{urn}` answers PROCESSING this many times after the upload before AVAILABLE (default 0). */
  imageProcessingPolls?: number;
  /** Which `LinkedIn-Version` values are active (default: YYYYMM from 202508 up to the current month). */
  isActiveVersion?: (version: string, now: Date) => boolean;
}

const ACCESS_TTL_SECONDS = 5_184_000;
const REFRESH_TTL_MS = 365 * 86_400_000;
const THROTTLED = 'Resource level throttle limit for calls to this resource is reached.';
const VISIBILITIES = ['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER'];

/**
 * LinkedIn on loopback (§6): the OAuth token endpoint (`/oauth/v2/accessToken`, 60-day access tokens, 365-day
 * refresh tokens that optionally rotate), `/v2/userinfo`, the versioned `/rest` API requiring `LinkedIn-Version`
 * and `X-Restli-Protocol-Version`, `POST /rest/posts` (201 + `x-restli-id`, no body; 422 `DUPLICATE_POST` naming
 * the existing URN), the Images API with a PUT upload URL on this server, `GET /rest/posts?q=author` paged with
 * `start`/`count`, idempotent `DELETE`, daily per-member quotas answering 429 with no rate-limit headers, and
 * metrics (§6.6): `socialMetadata`, `memberCreatorPostAnalytics` (own posts, `canReadAnalytics`) and the
 * organization share statistics, from values set with `setInsights`.
 */
export class FakeLinkedIn extends FakePlatformServer {
  readonly posts: FakeLinkedInPost[] = [];
  readonly images = new Map<string, FakeLinkedInImage>();
  readonly oauthServer: FakeOAuthServer;
  /** The fake's clock (post timestamps and the UTC day of the quotas). */
  clock: () => Date = () => new Date();
  private readonly options: Required<Omit<FakeLinkedInOptions, 'dailyCallLimit'>> & { dailyCallLimit?: number };
  private readonly members: FakeLinkedInMember[] = [];
  private readonly organizations = new Map<string, { name: string; admins: Set<string> }>();
  private readonly refreshExpiry = new Map<string, number>();
  private readonly revoked = new Set<string>();
  private readonly usage = new Map<string, number>();
  private readonly insights = new Map<string, FakeLinkedInInsights>();
  private sequence = 0;

  constructor(options: FakeLinkedInOptions = {}) {
    super();
    this.options = {
      rotateRefresh: false,
      issueRefresh: true,
      dailyPostLimit: 150,
      duplicateWindowMs: 86_400_000,
      imageProcessingPolls: 0,
      isActiveVersion: defaultActiveVersion,
      ...options,
    };
    this.oauthServer = new FakeOAuthServer({ expiresIn: ACCESS_TTL_SECONDS, rotateRefresh: this.options.rotateRefresh, issueRefresh: this.options.issueRefresh });
    this.route('POST', '/oauth/v2/accessToken', (r) => this.token(r));
    this.route('GET', '/v2/userinfo', (r) => this.authed(r, (m) => ({ body: this.userinfo(m) })));
    this.route('POST', '/rest/posts', (r) => this.rest(r, 'posts.create', (m) => this.createPost(r, m)));
    this.route('GET', '/rest/posts', (r) => this.rest(r, 'posts.finder', (m) => this.findPosts(r, m)));
    this.route('GET', '/rest/posts/:urn', (r) => this.rest(r, 'posts.get', (m) => this.getPost(r, m)));
    this.route('DELETE', '/rest/posts/:urn', (r) => this.rest(r, 'posts.delete', (m) => this.deletePost(r, m)));
    this.route('POST', '/rest/images', (r) => this.rest(r, 'images.initialize', (m) => this.initializeUpload(r, m)));
    this.route('GET', '/rest/images/:urn', (r) => this.rest(r, 'images.get', () => this.getImage(r)));
    this.route('PUT', '/dms-uploads/:key/uploadedImage/0', (r) => this.authed(r, () => this.receiveUpload(r)));
    this.route('GET', '/rest/socialMetadata/:urn', (r) => this.rest(r, 'socialMetadata.get', (m) => this.socialMetadata(r, m)));
    this.route('GET', '/rest/memberCreatorPostAnalytics', (r) => this.rest(r, 'memberCreatorPostAnalytics.finder', (m) => this.memberAnalytics(r, m)));
    this.route('GET', '/v2/organizationalEntityShareStatistics', (r) => this.authed(r, (m) => this.shareStatistics(r, m)));
  }

  /** Registers a member with an access token (and a refresh token when the app gets them). */
  addMember(
    name: string,
    options: { token?: string; canReadPosts?: boolean; canReadAnalytics?: boolean; expiresInSeconds?: number } = {},
  ): { sub: string; urn: string; token: string; refreshToken?: string } {
    const sub = createHash('sha256').update(`${name}:${this.members.length}`).digest('base64url').replace(/[-_]/g, 'x').slice(0, 10);
    const member: FakeLinkedInMember = { sub, urn: `urn:li:person:${sub}`, name, canReadPosts: options.canReadPosts ?? true, canReadAnalytics: options.canReadAnalytics ?? true };
    this.members.push(member);
    const token = options.token ?? `li-token-${sub}`;
    const refreshToken = this.options.issueRefresh ? `li-refresh-${randomBytes(9).toString('base64url')}` : undefined;
    this.oauthServer.grantsFor(token, sub, { refreshToken, expiresInSeconds: options.expiresInSeconds });
    if (refreshToken) this.refreshExpiry.set(refreshToken, Date.now() + REFRESH_TTL_MS);
    return { sub, urn: member.urn, token, refreshToken };
  }

  /** Registers an organization page administered by the given member URNs. */
  addOrganization(name: string, adminUrns: string[]): string {
    const urn = `urn:li:organization:${10_000_000 + this.organizations.size + 1}`;
    this.organizations.set(urn, { name, admins: new Set(adminUrns) });
    return urn;
  }

  postsOf(author: string): FakeLinkedInPost[] {
    return this.posts.filter((p) => p.author === author);
  }

  /**
   * A post made earlier (history): `commentary` in little text, published at `publishedAt`, with optional
   * content (image, video, document, multiImage, article), a reshare parent, or a DRAFT state.
   */
  seedPost(
    author: string,
    post: { commentary: string; publishedAt: Date; content?: FakeLinkedInPost['content']; reshareOf?: string; lifecycleState?: 'PUBLISHED' | 'DRAFT'; kind?: 'share' | 'ugcPost' },
  ): FakeLinkedInPost {
    const rendered = parseLittleText(post.commentary, true);
    const at = post.publishedAt.getTime();
    const seeded: FakeLinkedInPost = {
      urn: `urn:li:${post.kind ?? 'share'}:${7_300_000_000_000_000_000n + BigInt(++this.sequence)}`,
      author,
      commentary: post.commentary,
      text: rendered.text,
      truncated: rendered.truncatedAt !== undefined,
      visibility: 'PUBLIC',
      lifecycleState: post.lifecycleState ?? 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      content: post.content,
      reshareContext: post.reshareOf ? { parent: post.reshareOf } : undefined,
      isReshareDisabledByAuthor: false,
      createdAt: at,
      publishedAt: at,
      lastModifiedAt: at,
    };
    this.posts.push(seeded);
    return seeded;
  }

  /** Sets a post's metric values (analytics totals by type, reactions by type, comments); merged with earlier ones. */
  setInsights(urn: string, values: FakeLinkedInInsights): void {
    this.insights.set(urn, { ...this.insights.get(urn), ...values });
  }

  /** The access token expires now (401 / 65602 from then on). */
  expire(token: string): void {
    this.oauthServer.expire(token);
  }

  /** The member revoked the app (401 / 65601). */
  revoke(token: string): void {
    this.revoked.add(token);
  }

  /** The refresh token reached its fixed 365-day end. */
  expireRefresh(refreshToken: string): void {
    this.refreshExpiry.set(refreshToken, Date.now() - 1);
  }

  /** Image processing fails (GET answers PROCESSING_FAILED). */
  failImage(urn: string): void {
    const image = this.images.get(urn);
    if (image) image.status = 'PROCESSING_FAILED';
  }

  protected override notFound(request: FakeRequest): FakeResponse {
    return liError(404, `No virtual resource found for ${request.method} ${request.path}`);
  }

  /** The token endpoint: LinkedIn requires the client credentials and keeps the refresh token's 365-day end fixed. */
  private token(request: FakeRequest): FakeResponse {
    for (const name of ['client_id', 'client_secret']) {
      if (!field(request, name)) return oauthError('invalid_request', `A required parameter "${name}" is missing`);
    }
    const sent = field(request, 'refresh_token');
    const expiry = sent ? this.refreshExpiry.get(sent) : undefined;
    if (sent && expiry !== undefined && expiry <= Date.now()) this.oauthServer.revokeRefresh(sent);
    const response = this.oauthServer.token(request);
    if ((response.status ?? 200) !== 200) return response;
    const body = response.body as { access_token: string; refresh_token?: string };
    const refreshToken = body.refresh_token ?? (field(request, 'grant_type') === 'refresh_token' ? sent : undefined);
    if (refreshToken && refreshToken !== sent) this.refreshExpiry.set(refreshToken, expiry ?? Date.now() + REFRESH_TTL_MS);
    const refreshEnd = refreshToken ? this.refreshExpiry.get(refreshToken) : undefined;
    return {
      body: {
        access_token: body.access_token,
        expires_in: ACCESS_TTL_SECONDS,
        ...(refreshToken && refreshEnd ? { refresh_token: refreshToken, refresh_token_expires_in: Math.floor((refreshEnd - Date.now()) / 1000) } : {}),
        scope: 'openid,profile,r_member_social,w_member_social',
      },
    };
  }

  private authed(request: FakeRequest, handler: (member: FakeLinkedInMember) => FakeResponse): FakeResponse {
    const token = bearer(request);
    if (token && this.revoked.has(token)) return liError(401, 'The token used in the request has been revoked by the user', { serviceErrorCode: 65601 });
    if (this.oauthServer.isExpired(token)) return liError(401, 'The token used in the request has expired', { serviceErrorCode: 65602 });
    const member = this.members.find((m) => m.sub === this.oauthServer.accountOf(token));
    if (!member) return liError(401, 'Invalid access token', { serviceErrorCode: 65600 });
    return handler(member);
  }

  /** A versioned `/rest` call: both version headers, a live token, then the member's daily quotas. */
  private rest(request: FakeRequest, resource: string, handler: (member: FakeLinkedInMember) => FakeResponse): FakeResponse {
    const version = header(request, 'linkedin-version');
    if (!version) return liError(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', { code: 'VERSION_MISSING' });
    if (!this.options.isActiveVersion(version, this.clock())) return liError(426, `Requested version ${version} is not active`, { code: 'NONEXISTENT_VERSION' });
    if (header(request, 'x-restli-protocol-version') !== '2.0.0') return liError(400, 'The X-Restli-Protocol-Version header must be 2.0.0 for this resource', { code: 'INVALID_PROTOCOL_VERSION' });
    if (/\/urn:/.test(request.path)) return liError(400, 'Syntax exception in path variables');
    return this.authed(request, (member) => {
      if (this.exhausted(member, 'all', this.options.dailyCallLimit) || (resource === 'posts.create' && this.exhausted(member, resource, this.options.dailyPostLimit))) {
        return liError(429, THROTTLED);
      }
      return handler(member);
    });
  }

  /** Counts a call against the member's quota for the current UTC day; true when the quota was already used up. */
  private exhausted(member: FakeLinkedInMember, bucket: string, limit: number | undefined): boolean {
    const key = `${this.clock().toISOString().slice(0, 10)}:${member.sub}:${bucket}`;
    const used = (this.usage.get(key) ?? 0) + 1;
    this.usage.set(key, used);
    return limit !== undefined && used > limit;
  }

  private userinfo(member: FakeLinkedInMember): Record<string, unknown> {
    const [given, ...family] = member.name.split(' ');
    return { sub: member.sub, name: member.name, given_name: given, family_name: family.join(' '), locale: { country: 'US', language: 'en' }, picture: `${this.url}/media/${member.sub}.jpg` };
  }

  private canActAs(member: FakeLinkedInMember, author: unknown): boolean {
    return author === member.urn || (typeof author === 'string' && !!this.organizations.get(author)?.admins.has(member.urn));
  }

  private canRead(member: FakeLinkedInMember, author: string): boolean {
    return author === member.urn ? member.canReadPosts : this.canActAs(member, author);
  }

  private createPost(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    const body = (request.json ?? {}) as Record<string, any>;
    const missing = ['author', 'visibility', 'distribution', 'lifecycleState'].find((key) => body[key] === undefined);
    if (missing) return inputError(`/${missing}`, 'field is required but not found and has no default value', 'FIELD_REQUIRED');
    if (!this.canActAs(member, body.author)) return accessDenied('POST /rest/posts');
    if (!VISIBILITIES.includes(body.visibility)) return inputError('/visibility', `${body.visibility} is not a valid enum symbol`, 'INVALID_VALUE');
    if (!['PUBLISHED', 'DRAFT'].includes(body.lifecycleState)) return inputError('/lifecycleState', `${body.lifecycleState} is not a valid enum symbol`, 'INVALID_VALUE');
    if (!['MAIN_FEED', 'NONE'].includes(body.distribution?.feedDistribution)) return inputError('/distribution/feedDistribution', 'field is required', 'FIELD_REQUIRED');
    const commentary = typeof body.commentary === 'string' ? body.commentary : '';
    if (!commentary && !body.content) return inputError('/commentary', 'a post needs commentary or content', 'FIELD_REQUIRED');
    if ([...commentary].length > 3000) return inputError('/commentary', 'length of commentary exceeds 3000 characters', 'MAX_LENGTH_EXCEEDED');
    const mediaError = this.checkContent(body.content, body.author);
    if (mediaError) return mediaError;
    const now = this.clock().getTime();
    const duplicate = this.posts.find((p) => p.author === body.author && p.commentary === commentary && commentary !== '' && now - p.createdAt < this.options.duplicateWindowMs);
    if (duplicate) return duplicateError(duplicate.urn);
    const rendered = parseLittleText(commentary, true);
    const post: FakeLinkedInPost = {
      urn: `urn:li:share:${7_300_000_000_000_000_000n + BigInt(++this.sequence)}`,
      author: body.author,
      commentary,
      text: rendered.text,
      truncated: rendered.truncatedAt !== undefined,
      visibility: body.visibility,
      lifecycleState: body.lifecycleState,
      distribution: body.distribution,
      content: body.content,
      isReshareDisabledByAuthor: body.isReshareDisabledByAuthor === true,
      createdAt: now,
      publishedAt: now,
      lastModifiedAt: now,
    };
    this.posts.push(post);
    return { status: 201, headers: { 'x-restli-id': post.urn } };
  }

  private checkContent(content: FakeLinkedInPost['content'], author: string): FakeResponse | undefined {
    if (!content) return undefined;
    const images = content.media ? [content.media] : (content.multiImage?.images ?? []);
    if (content.multiImage && (images.length < 2 || images.length > 20)) return inputError('/content/multiImage/images', 'a multi-image post has 2 to 20 images', 'INVALID_VALUE');
    for (const { id } of images) {
      const image = this.images.get(id);
      if (!image) return inputError('/content/media/id', `${id} does not exist`, 'INVALID_VALUE');
      if (image.owner !== author) return liError(400, `Content ownership validation failed: ${id} is not owned by ${author}`, { code: 'INVALID_CONTENT_OWNERSHIP' });
      if (image.status === 'WAITING_UPLOAD' || image.status === 'PROCESSING_FAILED') return inputError('/content/media/id', `${id} is not available (${image.status})`, 'INVALID_MEDIA_STATE');
    }
    return undefined;
  }

  private findPosts(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    if (request.query.get('q') !== 'author') return liError(400, 'Invalid finder: q=author is required');
    const author = request.query.get('author') ?? '';
    if (!this.canRead(member, author)) return accessDenied('GET /rest/posts');
    const start = Math.max(0, Number(request.query.get('start') ?? 0));
    const count = Math.min(Math.max(1, Number(request.query.get('count') ?? 10)), 100);
    const sortBy = request.query.get('sortBy') ?? 'LAST_MODIFIED';
    const key = sortBy === 'CREATED' ? 'createdAt' : 'lastModifiedAt';
    const mine = this.postsOf(author).sort((a, b) => b[key] - a[key] || (BigInt(b.urn.split(':')[3]) > BigInt(a.urn.split(':')[3]) ? 1 : -1));
    const page = mine.slice(start, start + count);
    const links = start + count < mine.length ? [{ type: 'application/json', rel: 'next', href: `/rest/posts?author=${encodeURIComponent(author)}&count=${count}&q=author&sortBy=${sortBy}&start=${start + count}` }] : [];
    return { body: { elements: page.map(view), paging: { start, count, total: mine.length, links } } };
  }

  /** `GET /rest/socialMetadata/{urn}`: readable by whoever may read the author's posts. */
  private socialMetadata(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    const post = this.posts.find((p) => p.urn === request.params.urn);
    if (!post) return liError(404, 'Not Found');
    if (!this.canRead(member, post.author)) return accessDenied(`GET /rest/socialMetadata/${encodeURIComponent(post.urn)}`);
    return { body: socialMetadataView(post, this.insights.get(post.urn) ?? {}) };
  }

  /** `GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:…)&queryType=…&aggregation=TOTAL`: the member's own posts. */
  private memberAnalytics(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    const invalid = checkAnalyticsQuery(request);
    if (invalid) return invalid;
    const entity = parseAnalyticsEntity(request.query.get('entity'));
    if (!entity) return liError(400, `Invalid value for param entity: ${request.query.get('entity') ?? ''}`, { code: 'INVALID_PARAM_VALUE' });
    if (!member.canReadAnalytics) return accessDenied('GET /rest/memberCreatorPostAnalytics');
    const post = this.posts.find((p) => p.urn === entity.urn);
    if (!post) return liError(404, 'Not Found');
    if (post.author !== member.urn) return accessDenied('GET /rest/memberCreatorPostAnalytics');
    return memberAnalyticsAnswer(entity, request.query.get('queryType')!, this.insights.get(post.urn) ?? {});
  }

  /** `GET /v2/organizationalEntityShareStatistics?q=organizationalEntity&…&shares=List(…)&ugcPosts=List(…)`, for the organization's admins. */
  private shareStatistics(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    if (header(request, 'x-restli-protocol-version') !== '2.0.0') return liError(400, 'List() parameters need X-Restli-Protocol-Version: 2.0.0');
    if (request.query.get('q') !== 'organizationalEntity') return liError(400, 'Invalid finder: q=organizationalEntity is required');
    const organization = request.query.get('organizationalEntity') ?? '';
    if (!this.organizations.has(organization)) return liError(400, `Invalid value for param organizationalEntity: ${organization}`);
    if (!this.canActAs(member, organization)) return accessDenied('GET /v2/organizationalEntityShareStatistics');
    const shares = parseList(request.query.get('shares'));
    const ugcPosts = parseList(request.query.get('ugcPosts'));
    if (!shares || !ugcPosts) return liError(400, 'shares and ugcPosts must be List(…) of URNs');
    const posts = [...shares, ...ugcPosts].map((urn) => this.posts.find((p) => p.urn === urn && p.author === organization)).filter((p): p is FakeLinkedInPost => !!p);
    const elements = posts.map((post) => shareStatisticsElement(post, organization, this.insights.get(post.urn) ?? {}));
    return { body: { paging: { start: 0, count: elements.length, links: [] }, elements } };
  }

  private getPost(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    const post = this.posts.find((p) => p.urn === request.params.urn);
    if (!post) return liError(404, 'Not Found');
    if (!this.canRead(member, post.author)) return accessDenied(`GET /rest/posts/${encodeURIComponent(post.urn)}`);
    return { body: view(post) };
  }

  private deletePost(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    const index = this.posts.findIndex((p) => p.urn === request.params.urn);
    if (index >= 0 && !this.canActAs(member, this.posts[index].author)) return accessDenied('DELETE /rest/posts');
    if (index >= 0) this.posts.splice(index, 1);
    return { status: 204 };
  }

  private initializeUpload(request: FakeRequest, member: FakeLinkedInMember): FakeResponse {
    if (request.query.get('action') !== 'initializeUpload') return liError(400, 'Unsupported action');
    const owner = request.json?.initializeUploadRequest?.owner;
    if (!owner) return inputError('/initializeUploadRequest/owner', 'field is required but not found and has no default value', 'FIELD_REQUIRED');
    if (!this.canActAs(member, owner)) return accessDenied('POST /rest/images');
    const urn = `urn:li:image:D4E10AQ${randomBytes(9).toString('base64url').replace(/[-_]/g, 'Q')}`;
    const uploadKey = randomBytes(12).toString('hex');
    this.images.set(urn, { urn, owner, status: 'WAITING_UPLOAD', uploadKey, polls: 0 });
    const uploadUrl = `${this.url}/dms-uploads/${uploadKey}/uploadedImage/0?ca=vector_feedshare&cn=uploads&m=AQ&app=201&sync=0&v=beta&ut=${randomBytes(6).toString('hex')}`;
    return { body: { value: { uploadUrlExpiresAt: this.clock().getTime() + 86_400_000, uploadUrl, image: urn } } };
  }

  private receiveUpload(request: FakeRequest): FakeResponse {
    const image = [...this.images.values()].find((i) => i.uploadKey === request.params.key);
    if (!image) return liError(404, 'Upload URL not found or expired');
    if (request.raw.length === 0) return liError(400, 'Empty upload');
    image.bytes = request.raw;
    image.status = this.options.imageProcessingPolls > 0 ? 'PROCESSING' : 'AVAILABLE';
    return { status: 201 };
  }

  private getImage(request: FakeRequest): FakeResponse {
    const image = this.images.get(request.params.urn);
    if (!image) return liError(404, 'Not Found');
    if (image.status === 'PROCESSING' && ++image.polls >= this.options.imageProcessingPolls) image.status = 'AVAILABLE';
    const available = image.status === 'AVAILABLE' ? { downloadUrl: `${this.url}/media/${encodeURIComponent(image.urn)}`, downloadUrlExpiresAt: this.clock().getTime() + 3_600_000 } : {};
    return { body: { id: image.urn, owner: image.owner, status: image.status, ...available } };
  }
}
