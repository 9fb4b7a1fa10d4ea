import { FakePlatformServer, bearer, field, snowflake, type FakeRequest, type FakeResponse } from './fake-platform-server';
import { FakeOAuthServer } from './fake-oauth';

interface Account {
  id: string;
  username: string;
}

export interface FakeStatus {
  id: string;
  accountId: string;
  text: string;
  mediaIds: string[];
  inReplyToId: string | null;
  /** Set on a boost (reblog): the status it reblogs. */
  reblogOfId: string | null;
  visibility: string;
  createdAt: Date;
  counts: FakeMastodonCounts;
}

/** The raw counts of a status as the API names them. */
export interface FakeMastodonCounts {
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  /** Mastodon 4.5+; sent only when the instance `reportsQuotes`. */
  quotes_count: number;
}

export type FakeMastodonMediaType = 'image' | 'gifv' | 'video' | 'audio';

export interface SeedStatusOptions {
  createdAt?: Date;
  inReplyToId?: string;
  media?: FakeMastodonMediaType[];
  metrics?: Partial<FakeMastodonCounts>;
  visibility?: string;
}

const IDEMPOTENCY_TTL_MS = 3_600_000;
/** `GET /api/v1/accounts/:id/statuses`: 20 by default, at most 40 (twice the default). */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 40;

/**
 * A Mastodon instance on loopback (§8): verify_credentials, `POST /api/v2/media` (200, or 202 then 206/200 on
 * polling when `asyncMedia` is set), `POST /api/v1/statuses` honouring `Idempotency-Key` for an hour per
 * account, `GET /api/v1/statuses/:id` (404 once deleted), the account's statuses (`exclude_replies` keeps
 * self-replies, `exclude_reblogs`, `only_media`, `max_id` / `since_id` / `min_id`, limit 20 by default and
 * capped at 40, a `Link` header with `next` whenever a page is full and `prev`), `X-RateLimit-*` headers with
 * an ISO reset, `{ error }` bodies, and the OAuth code grant with PKCE. Status ids are time-ordered like
 * Mastodon's (milliseconds << 16 | sequence), so seeded old statuses sort where they belong.
 */
export class FakeMastodon extends FakePlatformServer {
  readonly statuses: FakeStatus[] = [];
  readonly oauthServer = new FakeOAuthServer({ expiresIn: undefined, rotateRefresh: false, issueRefresh: false });
  /** Media answered 202 and polled (206 twice, then 200), like video on a real instance. */
  asyncMedia = false;
  /** Mastodon 4.5+ sends `quotes_count`; older instances do not. */
  reportsQuotes = true;
  rateLimit = { limit: 300, windowMs: 300_000 };
  private readonly accounts: Account[] = [];
  private readonly keys = new Map<string, { status: FakeStatus; at: number }>();
  private readonly media = new Map<string, { polls: number; type: FakeMastodonMediaType; description?: string }>();
  private readonly usage = new Map<string, { windowStart: number; used: number }>();
  private sequence = 0;
  private statusSequence = 0;

  constructor() {
    super();
    this.route('POST', '/oauth/token', (r) => this.oauthServer.token(r));
    this.route('GET', '/api/v1/accounts/verify_credentials', (r) => this.authed(r, (a) => ({ body: { id: a.id, username: a.username, acct: a.username } })));
    this.route('POST', '/api/v2/media', (r) => this.authed(r, () => this.upload(r)));
    this.route('GET', '/api/v1/media/:id', (r) => this.authed(r, () => this.mediaStatus(r.params.id)));
    this.route('POST', '/api/v1/statuses', (r) => this.authed(r, (a) => this.createStatus(r, a)));
    this.route('GET', '/api/v1/statuses/:id', (r) => this.authed(r, () => this.showStatus(r.params.id)));
    this.route('GET', '/api/v1/accounts/:id/statuses', (r) => this.authed(r, () => this.listStatuses(r)));
    this.route('GET', '/api/v1/accounts/:id', (r) => this.authed(r, () => this.showAccount(r.params.id)));
    this.route('DELETE', '/api/v1/statuses/:id', (r) => this.authed(r, () => this.deleteStatus(r.params.id)));
  }

  /** Registers an account and returns its access token. */
  addAccount(username: string, token = `mastodon-token-${username}`): { accountId: string; token: string } {
    const account = { id: snowflake(900 + this.accounts.length), username };
    this.accounts.push(account);
    this.oauthServer.grantsFor(token, account.id);
    return { accountId: account.id, token };
  }

  /** The user authorized the app again: a new token for an existing account (a reconnect). */
  grantToken(accountId: string, token: string): void {
    this.oauthServer.grantsFor(token, accountId);
  }

  /** The user revoked the app: the token answers 401 from now on. */
  revoke(token: string): void {
    this.oauthServer.expire(token);
  }

  statusesOf(accountId: string): FakeStatus[] {
    return this.statuses.filter((s) => s.accountId === accountId);
  }

  /** Adds a status as if posted earlier (history imports); optional attachments of the given types and raw counts. */
  seedStatus(accountId: string, text: string, options: SeedStatusOptions = {}): FakeStatus {
    const mediaIds = (options.media ?? []).map((type) => {
      const id = snowflake(++this.sequence);
      this.media.set(id, { polls: 2, type });
      return id;
    });
    const status = this.addStatus({ accountId, text, mediaIds, inReplyToId: options.inReplyToId ?? null, visibility: options.visibility ?? 'public', createdAt: options.createdAt ?? new Date() });
    if (options.metrics) this.setMetrics(status.id, options.metrics);
    return status;
  }

  /**
   * Seeds `count` statuses quickly, newest first from `newest` and `spacingMs` apart (default: one a day), with
   * texts from `text(i)`; for history imports over many weeks.
   */
  seedHistory(accountId: string, count: number, options: { newest?: Date; spacingMs?: number; text?: (i: number) => string; metrics?: (i: number) => Partial<FakeMastodonCounts> } = {}): FakeStatus[] {
    const newest = (options.newest ?? new Date()).getTime();
    const spacing = options.spacingMs ?? 86_400_000;
    return Array.from({ length: count }, (_, i) =>
      this.seedStatus(accountId, options.text?.(i) ?? `Status ${i + 1} of ${count}`, { createdAt: new Date(newest - i * spacing), metrics: options.metrics?.(i) }),
    );
  }

  /** The account boosts a status: its timeline shows a status whose `reblog` is the original. */
  seedReblog(accountId: string, statusId: string, createdAt = new Date()): FakeStatus {
    return this.addStatus({ accountId, text: '', mediaIds: [], inReplyToId: null, reblogOfId: statusId, visibility: 'public', createdAt });
  }

  /** Sets raw counts of a status (`replies_count`, `reblogs_count`, `favourites_count`, `quotes_count`). */
  setMetrics(statusId: string, counts: Partial<FakeMastodonCounts>): void {
    const status = this.statuses.find((s) => s.id === statusId);
    if (!status) throw new Error(`no status ${statusId} on the fake instance`);
    Object.assign(status.counts, Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined)));
  }

  protected override notFound(): FakeResponse {
    return { status: 404, body: { error: 'Record not found' } };
  }

  private authed(request: FakeRequest, handler: (account: Account) => FakeResponse): FakeResponse {
    const accountId = this.oauthServer.accountOf(bearer(request));
    const account = this.accounts.find((a) => a.id === accountId);
    if (!account) return { status: 401, body: { error: 'The access token is invalid' } };
    const headers = this.countRequest(account);
    if (Number(headers['X-RateLimit-Remaining']) < 0) {
      return { status: 429, headers: { ...headers, 'X-RateLimit-Remaining': '0' }, body: { error: 'Too many requests' } };
    }
    const response = handler(account);
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  private countRequest(account: Account): Record<string, string> {
    const now = Date.now();
    const windowStart = now - (now % this.rateLimit.windowMs);
    const usage = this.usage.get(account.id);
    const current = usage && usage.windowStart === windowStart ? usage : { windowStart, used: 0 };
    current.used += 1;
    this.usage.set(account.id, current);
    return {
      'X-RateLimit-Limit': String(this.rateLimit.limit),
      'X-RateLimit-Remaining': String(this.rateLimit.limit - current.used),
      'X-RateLimit-Reset': new Date(windowStart + this.rateLimit.windowMs).toISOString(),
    };
  }

  private upload(request: FakeRequest): FakeResponse {
    const file = request.files.get('file');
    if (!file || file.size === 0) return { status: 422, body: { error: 'Validation failed: File can\'t be blank' } };
    const id = snowflake(++this.sequence);
    const type: FakeMastodonMediaType = file.type === 'image/gif' ? 'gifv' : file.type.startsWith('video/') ? 'video' : file.type.startsWith('audio/') ? 'audio' : 'image';
    this.media.set(id, { polls: this.asyncMedia ? 0 : 2, type, description: field(request, 'description') });
    const url = this.asyncMedia ? null : `${this.url}/media/${id}.png`;
    return { status: this.asyncMedia ? 202 : 200, body: { id, type, url, description: field(request, 'description') ?? null } };
  }

  private mediaStatus(id: string): FakeResponse {
    const media = this.media.get(id);
    if (!media) return { status: 404, body: { error: 'Record not found' } };
    media.polls += 1;
    if (media.polls < 3) return { status: 206, body: { id, type: 'image', url: null } };
    return { status: 200, body: { id, type: 'image', url: `${this.url}/media/${id}.png` } };
  }

  private createStatus(request: FakeRequest, account: Account): FakeResponse {
    const key = request.headers['idempotency-key'];
    const body = (request.json ?? Object.fromEntries([...request.form].map(([k, v]) => [k, v.length > 1 ? v : v[0]]))) as Record<string, any>;
    if (typeof key === 'string') {
      const seen = this.keys.get(`${account.id}:${key}`);
      if (seen && Date.now() - seen.at < IDEMPOTENCY_TTL_MS) return { body: this.view(seen.status) };
    }
    const mediaIds: string[] = [].concat(body.media_ids ?? body['media_ids[]'] ?? []);
    const text = String(body.status ?? '');
    if (!text && mediaIds.length === 0) return { status: 422, body: { error: "Validation failed: Text can't be blank" } };
    if ([...text].length > 500) return { status: 422, body: { error: 'Validation failed: Text character limit of 500 exceeded' } };
    if (mediaIds.some((id) => !this.media.has(id))) return { status: 422, body: { error: 'Validation failed: media not found' } };
    const replyTo = body.in_reply_to_id ? String(body.in_reply_to_id) : null;
    if (replyTo && !this.statuses.some((s) => s.id === replyTo)) return { status: 404, body: { error: 'Record not found' } };
    const status = this.addStatus({ accountId: account.id, text, mediaIds, inReplyToId: replyTo, visibility: body.visibility ?? 'public', createdAt: new Date() });
    if (typeof key === 'string') this.keys.set(`${account.id}:${key}`, { status, at: Date.now() });
    return { body: this.view(status) };
  }

  private showStatus(id: string): FakeResponse {
    const status = this.statuses.find((s) => s.id === id);
    return status ? { body: this.view(status) } : { status: 404, body: { error: 'Record not found' } };
  }

  private addStatus(fields: Omit<FakeStatus, 'id' | 'counts' | 'reblogOfId'> & { reblogOfId?: string | null }): FakeStatus {
    const status: FakeStatus = { ...fields, reblogOfId: fields.reblogOfId ?? null, id: this.statusId(fields.createdAt), counts: { replies_count: 0, reblogs_count: 0, favourites_count: 0, quotes_count: 0 } };
    this.statuses.push(status);
    const parent = this.statuses.find((s) => s.id === status.inReplyToId);
    if (parent) parent.counts.replies_count += 1;
    const original = this.statuses.find((s) => s.id === status.reblogOfId);
    if (original) original.counts.reblogs_count += 1;
    return status;
  }

  /** Mastodon's time-ordered ids: milliseconds since the epoch << 16, plus a sequence in the low bits. */
  private statusId(at: Date): string {
    this.statusSequence = (this.statusSequence + 1) & 0xffff;
    return ((BigInt(at.getTime()) << 16n) | BigInt(this.statusSequence)).toString();
  }

  private showAccount(id: string): FakeResponse {
    const account = this.accounts.find((a) => a.id === id);
    return account ? { body: this.accountView(account) } : { status: 404, body: { error: 'Record not found' } };
  }

  private listStatuses(request: FakeRequest): FakeResponse {
    const owner = this.accounts.find((a) => a.id === request.params.id);
    if (!owner) return { status: 404, body: { error: 'Record not found' } };
    const query = request.query;
    const asked = Number(query.get('limit') ?? DEFAULT_LIMIT);
    const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
    const flag = (name: string) => ['true', '1'].includes(query.get(name) ?? '');
    const [maxId, sinceId, minId] = ['max_id', 'since_id', 'min_id'].map((name) => (/^\d+$/.test(query.get(name) ?? '') ? BigInt(query.get(name)!) : undefined));
    const matching = this.statusesOf(owner.id)
      .filter((s) => !flag('exclude_reblogs') || !s.reblogOfId)
      // Mastodon's exclude_replies drops replies to other accounts only: a self-thread stays.
      .filter((s) => !flag('exclude_replies') || !s.inReplyToId || this.statuses.find((p) => p.id === s.inReplyToId)?.accountId === owner.id)
      .filter((s) => !flag('only_media') || s.mediaIds.length > 0)
      .filter((s) => (maxId === undefined || BigInt(s.id) < maxId) && (sinceId === undefined || BigInt(s.id) > sinceId) && (minId === undefined || BigInt(s.id) > minId))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    // min_id pages forward: the statuses just above it, still listed newest first.
    const page = minId === undefined ? matching.slice(0, limit) : matching.slice(-limit);
    if (page.length === 0) return { body: [] };
    const base = new URLSearchParams([...query].filter(([key]) => !['max_id', 'since_id', 'min_id'].includes(key)));
    const link = (key: string, id: string) => {
      const params = new URLSearchParams(base);
      params.set(key, id);
      return `<${this.url}/api/v1/accounts/${owner.id}/statuses?${params.toString()}>`;
    };
    // Like Mastodon, `next` is offered whenever the page is full (the last page may then come back empty).
    const links = [...(page.length === limit ? [`${link('max_id', page[page.length - 1].id)}; rel="next"`] : []), `${link('min_id', page[0].id)}; rel="prev"`];
    return { headers: { Link: links.join(', ') }, body: page.map((s) => this.view(s)) };
  }

  private deleteStatus(id: string): FakeResponse {
    const index = this.statuses.findIndex((s) => s.id === id);
    if (index < 0) return { status: 404, body: { error: 'Record not found' } };
    const [status] = this.statuses.splice(index, 1);
    return { body: { ...this.view(status), text: status.text } };
  }

  private accountView(account: Account): Record<string, unknown> {
    return { id: account.id, username: account.username, acct: account.username, url: `${this.url}/@${account.username}` };
  }

  /** A Status entity (§8.2): HTML content, the counts, attachments, a link card when the text has a link and no media. */
  private view(status: FakeStatus): Record<string, unknown> {
    const account = this.accounts.find((a) => a.id === status.accountId);
    const original = status.reblogOfId ? this.statuses.find((s) => s.id === status.reblogOfId) : undefined;
    const parent = status.inReplyToId ? this.statuses.find((s) => s.id === status.inReplyToId) : undefined;
    const link = status.mediaIds.length ? undefined : /https?:\/\/\S+/.exec(status.text)?.[0];
    const { quotes_count, ...counts } = status.counts;
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      uri: `${this.url}/users/${account?.username}/statuses/${status.id}`,
      url: original ? null : `${this.url}/@${account?.username}/${status.id}`,
      content: original ? '' : `<p>${escapeHtml(status.text).replace(/\n/g, '<br />')}</p>`,
      visibility: status.visibility,
      sensitive: false,
      spoiler_text: '',
      in_reply_to_id: status.inReplyToId,
      in_reply_to_account_id: parent?.accountId ?? null,
      reblog: original ? this.view(original) : null,
      ...counts,
      ...(this.reportsQuotes ? { quotes_count } : {}),
      edited_at: null,
      media_attachments: status.mediaIds.map((id) => ({ id, type: this.media.get(id)?.type ?? 'image', url: `${this.url}/media/${id}.png`, preview_url: `${this.url}/media/${id}-small.png`, description: this.media.get(id)?.description ?? null })),
      card: link ? { url: link, title: link, description: '', type: 'link', provider_name: link.replace(/^https?:\/\//, '').split(/[/?#]/)[0] } : null,
      account: account ? this.accountView(account) : { id: status.accountId },
    };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
