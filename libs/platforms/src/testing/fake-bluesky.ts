import { encodeTid, isTid } from '../bluesky/bluesky.tid';
import { FakeRateLimiter, FakeSessions, fakeCid, fakeDid } from './fake-bluesky-session';
import { postView, validatePost, type FakeBlob, type FakeBlueskyRecord, type FakeCounts, type Profile, type RecordRules } from './fake-bluesky-records';
import { FakePlatformServer, bearer, type FakeRequest, type FakeResponse } from './fake-platform-server';

export type { FakeBlob, FakeBlueskyRecord, FakeCounts } from './fake-bluesky-records';

export interface FakeBlueskyOptions {
  /** Access JWT lifetime (PDS default 120 min). */
  accessTtlSeconds?: number;
  /** Refresh JWT lifetime (PDS default 90 days). */
  refreshTtlSeconds?: number;
  /** Largest body uploadBlob accepts before 413 `PayloadTooLarge`. */
  maxUploadBytes?: number;
  /** Per-account write points (CREATE 3, DELETE 1) per hour and per day, global requests per 5 min, createSession per 5 min / day. */
  limits?: Partial<{ writeHour: number; writeDay: number; global: number; sessionsPer5Min: number; sessionsPerDay: number }>;
  rules?: Partial<RecordRules>;
}

interface Account extends Profile {
  email: string;
  appPasswords: Set<string>;
}

interface Repost {
  by: string;
  subject: string;
  indexedAt: string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * A Bluesky PDS (+ the AppView reads) on loopback (§7): app-password sessions (createSession, rotating
 * refreshSession, `getSession`), 400 `ExpiredToken` for an expired access JWT, uploadBlob, createRecord with
 * lexicon-like validation (300 graphemes / 3,000 bytes, facet byte ranges, reply refs, ≤ 4 images, blob refs) and
 * a client-chosen TID rkey whose collision fails with a generic 500 as the reference PDS does, getRecord
 * (`RecordNotFound`), deleteRecord, listRecords, getAuthorFeed (ordered by `sortAt`, cursor, counts, reposts mixed
 * in), getPosts (≤ 25 at-uris, deleted posts left out), embed views (images, video, link card, quote), settable
 * counts (`setCounts`), AppView reads that check a token when one is sent, and `RateLimit-*` headers with
 * per-account write points.
 */
export class FakeBluesky extends FakePlatformServer {
  readonly records: FakeBlueskyRecord[] = [];
  readonly blobs = new Map<string, FakeBlob & { bytes: Buffer }>();
  readonly sessions: FakeSessions;
  private readonly accounts: Account[] = [];
  private readonly reposts: Repost[] = [];
  private readonly counts = new Map<string, FakeCounts>();
  private readonly limiter = new FakeRateLimiter();
  private readonly limits: { writeHour: number; writeDay: number; global: number; sessionsPer5Min: number; sessionsPerDay: number };
  private readonly rules: RecordRules;
  private readonly maxUploadBytes: number;
  private tidSequence = 0;

  constructor(options: FakeBlueskyOptions = {}) {
    super();
    this.sessions = new FakeSessions(() => `did:web:${new URL(this.url).hostname}`, { accessSeconds: options.accessTtlSeconds ?? 7_200, refreshSeconds: options.refreshTtlSeconds ?? 90 * 86_400 });
    this.limits = { writeHour: 5_000, writeDay: 35_000, global: 3_000, sessionsPer5Min: 30, sessionsPerDay: 300, ...options.limits };
    this.rules = { maxGraphemes: 300, maxBytes: 3_000, maxImages: 4, maxImageBytes: 2_000_000, ...options.rules };
    this.maxUploadBytes = options.maxUploadBytes ?? 50_000_000;
    this.xrpc('POST', 'com.atproto.server.createSession', (r) => this.createSession(r));
    this.xrpc('POST', 'com.atproto.server.refreshSession', (r) => this.refreshSession(r));
    this.xrpc('GET', 'com.atproto.server.getSession', (r) => this.authed(r, 0, (a) => ({ body: this.sessionBody(a) })));
    this.xrpc('GET', 'com.atproto.identity.resolveHandle', (r) => this.resolveHandle(r));
    this.xrpc('POST', 'com.atproto.repo.uploadBlob', (r) => this.authed(r, 0, (a) => this.uploadBlob(r, a)));
    this.xrpc('POST', 'com.atproto.repo.createRecord', (r) => this.authed(r, 3, (a) => this.createRecord(r, a)));
    this.xrpc('POST', 'com.atproto.repo.deleteRecord', (r) => this.authed(r, 1, (a) => this.deleteRecord(r, a)));
    this.xrpc('GET', 'com.atproto.repo.getRecord', (r) => this.open(r, () => this.getRecord(r)));
    this.xrpc('GET', 'com.atproto.repo.listRecords', (r) => this.open(r, () => this.listRecords(r)));
    this.xrpc('GET', 'app.bsky.feed.getAuthorFeed', (r) => this.appView(r, () => this.getAuthorFeed(r)));
    this.xrpc('GET', 'app.bsky.feed.getPosts', (r) => this.appView(r, () => this.getPosts(r)));
  }

  /** Registers an account with an app password and returns a session for it. */
  addAccount(handle: string, appPassword = 'abcd-efgh-ijkl-mnop'): { did: string; handle: string; appPassword: string; accessJwt: string; refreshJwt: string } {
    const account: Account = { did: fakeDid(handle), handle: handle.toLowerCase(), email: `${handle.split('.')[0]}@example.com`, appPasswords: new Set([appPassword]) };
    this.accounts.push(account);
    return { did: account.did, handle: account.handle, appPassword, ...this.sessions.issue(account.did) };
  }

  /** The access JWT expires now (400 `ExpiredToken` from then on). */
  expire(accessJwt: string): void {
    this.sessions.expire(accessJwt);
  }

  /** The refresh JWT stops working (app password revoked). */
  revokeRefresh(refreshJwt: string): void {
    this.sessions.revokeRefresh(refreshJwt);
  }

  /** Starts every rate-limit window afresh. */
  resetRateLimits(): void {
    this.limiter.reset();
  }

  postsOf(did: string): FakeBlueskyRecord[] {
    return this.records.filter((r) => r.did === did && r.collection === 'app.bsky.feed.post');
  }

  record(uri: string): FakeBlueskyRecord | undefined {
    return this.records.find((r) => r.uri === uri);
  }

  /**
   * Sets the AppView counts of a post (likeCount, repostCount, …). A count set to `undefined` is left out of the
   * post view, as the lexicon allows (e.g. `bookmarkCount` from an AppView that predates bookmarks).
   */
  setCounts(uri: string, counts: FakeCounts): void {
    this.counts.set(uri, { ...this.counts.get(uri), ...counts });
  }

  /** The account reposts a post: the author feed shows it with `reasonRepost`. */
  addRepost(byDid: string, subjectUri: string, indexedAt = new Date()): void {
    this.reposts.push({ by: byDid, subject: subjectUri, indexedAt: indexedAt.toISOString() });
  }

  /**
   * Stores a post directly (history fixtures): `createdAt` is what a client claimed, `indexedAt` when it was seen.
   * `embed` is the record's embed as a client writes it (images, video, external link card, quote); `replyTo`
   * makes it a reply (root and parent refs filled in).
   */
  seedPost(did: string, text: string, options: { createdAt?: Date; indexedAt?: Date; rkey?: string; embed?: Record<string, unknown>; replyTo?: FakeBlueskyRecord; facets?: unknown[] } = {}): FakeBlueskyRecord {
    const createdAt = options.createdAt ?? new Date();
    const parent = options.replyTo;
    const reply = parent ? { root: parent.value.reply?.root ?? { uri: parent.uri, cid: parent.cid }, parent: { uri: parent.uri, cid: parent.cid } } : undefined;
    const value = { $type: 'app.bsky.feed.post', text, createdAt: createdAt.toISOString(), ...(options.facets ? { facets: options.facets } : {}), ...(options.embed ? { embed: options.embed } : {}), ...(reply ? { reply } : {}) };
    return this.store(did, 'app.bsky.feed.post', options.rkey ?? this.nextTid(createdAt), value, options.indexedAt ?? new Date(createdAt.getTime() + 1_500));
  }

  protected override notFound(): FakeResponse {
    return { status: 501, body: { error: 'MethodNotImplemented', message: 'Method Not Implemented' } };
  }

  private xrpc(method: string, nsid: string, handler: (request: FakeRequest) => FakeResponse): void {
    this.route(method, `/xrpc/${nsid}`, handler);
  }

  /** An unauthenticated call: only the global (per-IP) limit. */
  private open(request: FakeRequest, handler: () => FakeResponse): FakeResponse {
    return this.limited([this.limiter.hit('global', this.limits.global, 5 * 60_000)], handler);
  }

  /**
   * An AppView read: open without credentials (as on `public.api.bsky.app`), but a request that carries a token
   * through the PDS is checked like any authenticated call (400 `ExpiredToken` / `InvalidToken`).
   */
  private appView(request: FakeRequest, handler: () => FakeResponse): FakeResponse {
    return request.headers.authorization ? this.authed(request, 0, () => handler()) : this.open(request, handler);
  }

  /** An authenticated call: the access JWT, the global limit and, for writes, the account's write points. */
  private authed(request: FakeRequest, writePoints: number, handler: (account: Account) => FakeResponse): FakeResponse {
    const global = this.limiter.hit('global', this.limits.global, 5 * 60_000);
    const checked = this.sessions.checkAccess(request.headers.authorization ? (bearer(request) ?? '') : undefined);
    if (!('did' in checked)) return xrpcError(checked.status, checked.error, checked.message);
    const account = this.accounts.find((a) => a.did === checked.did);
    if (!account) return xrpcError(400, 'InvalidToken', 'Token could not be verified');
    const windows = [global];
    if (writePoints > 0) {
      windows.push(this.limiter.hit(`write-hour:${account.did}`, this.limits.writeHour, HOUR, writePoints));
      windows.push(this.limiter.hit(`write-day:${account.did}`, this.limits.writeDay, DAY, writePoints));
    }
    return this.limited(windows, () => handler(account));
  }

  /** Answers 429 when a window is exceeded; else runs the handler. Headers show the tightest window, as xrpc-server does. */
  private limited(windows: Array<ReturnType<FakeRateLimiter['hit']>>, handler: () => FakeResponse): FakeResponse {
    const exceeded = windows.find((w) => w.exceeded);
    const tightest = exceeded ?? windows.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    const headers = FakeRateLimiter.headers(tightest);
    if (exceeded) return { ...xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded'), headers };
    const response = handler();
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  private findAccount(actor: unknown): Account | undefined {
    const key = typeof actor === 'string' ? actor.toLowerCase().replace(/^@/, '') : '';
    return this.accounts.find((a) => a.did === actor || a.handle === key || a.email === key);
  }

  private createSession(request: FakeRequest): FakeResponse {
    const identifier = String(request.json?.identifier ?? '');
    const key = identifier.toLowerCase();
    const windows = [this.limiter.hit(`session-5m:${key}`, this.limits.sessionsPer5Min, 5 * 60_000), this.limiter.hit(`session-day:${key}`, this.limits.sessionsPerDay, DAY)];
    return this.limited(windows, () => {
      const account = this.findAccount(identifier);
      if (!account || !account.appPasswords.has(String(request.json?.password ?? ''))) return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
      return { body: { ...this.sessionBody(account), ...this.sessions.issue(account.did) } };
    });
  }

  private refreshSession(request: FakeRequest): FakeResponse {
    return this.open(request, () => {
      const rotated = this.sessions.rotate(request.headers.authorization ? (bearer(request) ?? '') : undefined);
      if (!('did' in rotated)) return xrpcError(rotated.status, rotated.error, rotated.message);
      const account = this.accounts.find((a) => a.did === rotated.did)!;
      return { body: { ...this.sessionBody(account), ...rotated.pair } };
    });
  }

  private sessionBody(account: Account): Record<string, unknown> {
    return {
      did: account.did,
      handle: account.handle,
      email: account.email,
      emailConfirmed: true,
      active: true,
      didDoc: {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: account.did,
        alsoKnownAs: [`at://${account.handle}`],
        service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: this.url }],
      },
    };
  }

  private resolveHandle(request: FakeRequest): FakeResponse {
    return this.open(request, () => {
      const account = this.findAccount(request.query.get('handle'));
      return account ? { body: { did: account.did } } : xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
    });
  }

  private uploadBlob(request: FakeRequest, account: Account): FakeResponse {
    if (request.raw.length > this.maxUploadBytes) return xrpcError(413, 'PayloadTooLarge', 'request entity too large');
    if (request.raw.length === 0) return xrpcError(400, 'InvalidRequest', 'Request body is empty');
    const mimeType = String(request.headers['content-type'] ?? 'application/octet-stream');
    const cid = fakeCid(0x55, request.raw);
    this.blobs.set(cid, { cid, mimeType, size: request.raw.length, owner: account.did, bytes: request.raw });
    return { body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.raw.length } } };
  }

  private createRecord(request: FakeRequest, account: Account): FakeResponse {
    const { repo, collection, rkey, record } = (request.json ?? {}) as Record<string, any>;
    const owner = this.findAccount(repo);
    if (!owner) return xrpcError(400, 'InvalidRequest', `Could not find repo: ${repo}`);
    if (owner.did !== account.did) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    if (typeof collection !== 'string' || !collection) return xrpcError(400, 'InvalidRequest', 'Input must have the property "collection"');
    if (rkey !== undefined && (typeof rkey !== 'string' || (collection === 'app.bsky.feed.post' && !isTid(rkey)))) return xrpcError(400, 'InvalidRequest', `Invalid record key: ${rkey}`);
    if (collection === 'app.bsky.feed.post') {
      const rejection = validatePost(record, account.did, this.rules, { record: (uri) => this.record(uri), blob: (cid) => this.blobs.get(cid) });
      if (rejection) return xrpcError(rejection.status, rejection.error, rejection.message);
    }
    const key = rkey ?? this.nextTid(new Date());
    // The reference PDS surfaces an rkey collision as a generic error from the repo layer, not a named one.
    if (this.records.some((r) => r.did === account.did && r.collection === collection && r.rkey === key)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    const stored = this.store(account.did, collection, key, record, new Date());
    return { body: { uri: stored.uri, cid: stored.cid, commit: { cid: fakeCid(0x71, `commit:${stored.cid}`), rev: this.nextTid(new Date()) }, validationStatus: 'valid' } };
  }

  private store(did: string, collection: string, rkey: string, value: Record<string, any>, indexedAt: Date): FakeBlueskyRecord {
    const record: FakeBlueskyRecord = { uri: `at://${did}/${collection}/${rkey}`, cid: fakeCid(0x71, JSON.stringify(value)), did, collection, rkey, value, indexedAt: indexedAt.toISOString() };
    this.records.push(record);
    return record;
  }

  private deleteRecord(request: FakeRequest, account: Account): FakeResponse {
    const { repo, collection, rkey } = (request.json ?? {}) as Record<string, any>;
    if (this.findAccount(repo)?.did !== account.did) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    const index = this.records.findIndex((r) => r.did === account.did && r.collection === collection && r.rkey === rkey);
    if (index >= 0) this.records.splice(index, 1);
    return { body: { commit: { cid: fakeCid(0x71, `delete:${collection}/${rkey}:${Date.now()}`), rev: this.nextTid(new Date()) } } };
  }

  private getRecord(request: FakeRequest): FakeResponse {
    const owner = this.findAccount(request.query.get('repo'));
    if (!owner) return xrpcError(400, 'InvalidRequest', `Could not find repo: ${request.query.get('repo')}`);
    const uri = `at://${owner.did}/${request.query.get('collection')}/${request.query.get('rkey')}`;
    const record = this.record(uri);
    const cid = request.query.get('cid');
    if (!record || (cid && record.cid !== cid)) return xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
    return { body: { uri: record.uri, cid: record.cid, value: record.value } };
  }

  private listRecords(request: FakeRequest): FakeResponse {
    const owner = this.findAccount(request.query.get('repo'));
    if (!owner) return xrpcError(400, 'InvalidRequest', `Could not find repo: ${request.query.get('repo')}`);
    const limit = this.limitParam(request, 50);
    if (typeof limit !== 'number') return limit;
    const reverse = request.query.get('reverse') === 'true';
    const cursor = request.query.get('cursor');
    const mine = this.records
      .filter((r) => r.did === owner.did && r.collection === request.query.get('collection'))
      .sort((a, b) => (reverse ? a.rkey.localeCompare(b.rkey) : b.rkey.localeCompare(a.rkey)))
      .filter((r) => !cursor || (reverse ? r.rkey > cursor : r.rkey < cursor));
    const page = mine.slice(0, limit);
    return { body: { ...(mine.length > limit ? { cursor: page.at(-1)!.rkey } : {}), records: page.map((r) => ({ uri: r.uri, cid: r.cid, value: r.value })) } };
  }

  private getAuthorFeed(request: FakeRequest): FakeResponse {
    const actor = this.findAccount(request.query.get('actor'));
    if (!actor) return xrpcError(400, 'InvalidRequest', 'Profile not found');
    const limit = this.limitParam(request, 50);
    if (typeof limit !== 'number') return limit;
    const filter = request.query.get('filter') ?? 'posts_with_replies';
    const items = [
      ...this.postsOf(actor.did).filter((r) => this.passes(r, actor.did, filter)).map((r) => ({ sortAt: sortAt(r), key: r.cid, post: r, repost: undefined as Repost | undefined })),
      ...(['posts_with_media', 'posts_with_video'].includes(filter) ? [] : this.reposts.filter((p) => p.by === actor.did && this.record(p.subject)).map((p) => ({ sortAt: p.indexedAt, key: `repost:${p.subject}`, post: this.record(p.subject)!, repost: p }))),
    ].sort((a, b) => b.sortAt.localeCompare(a.sortAt) || b.key.localeCompare(a.key));
    const cursor = request.query.get('cursor');
    const after = cursor ? items.filter((i) => `${i.sortAt}::${i.key}` < cursor) : items;
    const page = after.slice(0, limit);
    const feed = page.map((item) => ({
      post: this.view(item.post),
      ...(item.post.value.reply ? { reply: { root: this.viewOf(item.post.value.reply.root.uri), parent: this.viewOf(item.post.value.reply.parent.uri) } } : {}),
      ...(item.repost ? { reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: this.profile(actor), indexedAt: item.repost.indexedAt } } : {}),
    }));
    const next = after.length > limit ? `${page.at(-1)!.sortAt}::${page.at(-1)!.key}` : undefined;
    return { body: { ...(next ? { cursor: next } : {}), feed } };
  }

  private getPosts(request: FakeRequest): FakeResponse {
    const uris = request.query.getAll('uris');
    if (uris.length > 25) return xrpcError(400, 'InvalidRequest', 'Error: uris must not have more than 25 elements');
    const malformed = uris.findIndex((uri) => !/^at:\/\/[^/]+(\/[^/]+){0,2}$/.test(uri));
    if (malformed >= 0) return xrpcError(400, 'InvalidRequest', `Error: uris/${malformed} must be a valid at-uri`);
    return { body: { posts: uris.map((uri) => this.record(uri)).filter((r): r is FakeBlueskyRecord => !!r).map((r) => this.view(r)) } };
  }

  private passes(record: FakeBlueskyRecord, actor: string, filter: string): boolean {
    const reply = record.value.reply;
    if (filter === 'posts_no_replies') return !reply;
    if (filter === 'posts_with_media') return record.value.embed?.$type === 'app.bsky.embed.images';
    if (filter === 'posts_with_video') return record.value.embed?.$type === 'app.bsky.embed.video';
    if (filter === 'posts_and_author_threads') return !reply || String(reply.root?.uri ?? '').startsWith(`at://${actor}/`);
    return true;
  }

  private limitParam(request: FakeRequest, fallback: number): number | FakeResponse {
    const limit = Number(request.query.get('limit') ?? fallback);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return xrpcError(400, 'InvalidRequest', 'Error: limit must be between 1 and 100');
    return limit;
  }

  private view(record: FakeBlueskyRecord): Record<string, unknown> {
    const replies = this.records.filter((r) => r.value?.reply?.parent?.uri === record.uri).length;
    const counts = { replyCount: replies, repostCount: this.reposts.filter((p) => p.subject === record.uri).length, likeCount: 0, quoteCount: 0, bookmarkCount: 0, ...this.counts.get(record.uri) };
    return postView(record, this.profile(this.accounts.find((a) => a.did === record.did)!), counts);
  }

  private viewOf(uri: string): Record<string, unknown> {
    const record = this.record(uri);
    return record ? { $type: 'app.bsky.feed.defs#postView', ...this.view(record) } : { $type: 'app.bsky.feed.defs#notFoundPost', uri, notFound: true };
  }

  private profile(account: Account): Profile {
    return { did: account.did, handle: account.handle, displayName: account.displayName };
  }

  /** A TID for a record key or a commit rev (the clock id keeps keys made in the same millisecond apart). */
  private nextTid(at: Date): string {
    return encodeTid(BigInt(at.getTime()) * 1000n, ++this.tidSequence);
  }
}

/**
 * The AppView orders an author feed by `sortAt`, the earlier of `createdAt` and `indexedAt`, so a post that
 * claims a future date cannot pin itself to the top.
 */
function sortAt(record: FakeBlueskyRecord): string {
  const created = Date.parse(String(record.value.createdAt ?? ''));
  const indexed = Date.parse(record.indexedAt);
  return new Date(Number.isNaN(created) ? indexed : Math.min(created, indexed)).toISOString();
}

function xrpcError(status: number, error: string, message: string): FakeResponse {
  return { status, body: { error, message } };
}
