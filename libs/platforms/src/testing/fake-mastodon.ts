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
  visibility: string;
  createdAt: Date;
}

const IDEMPOTENCY_TTL_MS = 3_600_000;

/**
 * A Mastodon instance on loopback (§8): verify_credentials, `POST /api/v2/media` (200, or 202 then 206/200 on
 * polling when `asyncMedia` is set), `POST /api/v1/statuses` honouring `Idempotency-Key` for an hour per
 * account, the account's statuses with a `Link` header (limit capped at 40), `X-RateLimit-*` headers with an
 * ISO reset, `{ error }` bodies, and the OAuth code grant with PKCE.
 */
export class FakeMastodon extends FakePlatformServer {
  readonly statuses: FakeStatus[] = [];
  readonly oauthServer = new FakeOAuthServer({ expiresIn: undefined, rotateRefresh: false, issueRefresh: false });
  /** Media answered 202 and polled (206 twice, then 200), like video on a real instance. */
  asyncMedia = false;
  rateLimit = { limit: 300, windowMs: 300_000 };
  private readonly accounts: Account[] = [];
  private readonly keys = new Map<string, { status: FakeStatus; at: number }>();
  private readonly media = new Map<string, { polls: number; description?: string }>();
  private readonly usage = new Map<string, { windowStart: number; used: number }>();
  private sequence = 0;

  constructor() {
    super();
    this.route('POST', '/oauth/token', (r) => this.oauthServer.token(r));
    this.route('GET', '/api/v1/accounts/verify_credentials', (r) => this.authed(r, (a) => ({ body: { id: a.id, username: a.username, acct: a.username } })));
    this.route('POST', '/api/v2/media', (r) => this.authed(r, () => this.upload(r)));
    this.route('GET', '/api/v1/media/:id', (r) => this.authed(r, () => this.mediaStatus(r.params.id)));
    this.route('POST', '/api/v1/statuses', (r) => this.authed(r, (a) => this.createStatus(r, a)));
    this.route('GET', '/api/v1/statuses/:id', (r) => this.authed(r, () => this.showStatus(r.params.id)));
    this.route('GET', '/api/v1/accounts/:id/statuses', (r) => this.authed(r, () => this.listStatuses(r)));
    this.route('DELETE', '/api/v1/statuses/:id', (r) => this.authed(r, () => this.deleteStatus(r.params.id)));
  }

  /** Registers an account and returns its access token. */
  addAccount(username: string, token = `mastodon-token-${username}`): { accountId: string; token: string } {
    const account = { id: snowflake(900 + this.accounts.length), username };
    this.accounts.push(account);
    this.oauthServer.grantsFor(token, account.id);
    return { accountId: account.id, token };
  }

  /** The user revoked the app: the token answers 401 from now on. */
  revoke(token: string): void {
    this.oauthServer.expire(token);
  }

  statusesOf(accountId: string): FakeStatus[] {
    return this.statuses.filter((s) => s.accountId === accountId);
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
    this.media.set(id, { polls: this.asyncMedia ? 0 : 2, description: field(request, 'description') });
    const url = this.asyncMedia ? null : `${this.url}/media/${id}.png`;
    return { status: this.asyncMedia ? 202 : 200, body: { id, type: 'image', url, description: field(request, 'description') ?? null } };
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
    const status: FakeStatus = { id: snowflake(++this.sequence), accountId: account.id, text, mediaIds, inReplyToId: replyTo, visibility: body.visibility ?? 'public', createdAt: new Date() };
    this.statuses.push(status);
    if (typeof key === 'string') this.keys.set(`${account.id}:${key}`, { status, at: Date.now() });
    return { body: this.view(status) };
  }

  private showStatus(id: string): FakeResponse {
    const status = this.statuses.find((s) => s.id === id);
    return status ? { body: this.view(status) } : { status: 404, body: { error: 'Record not found' } };
  }

  private listStatuses(request: FakeRequest): FakeResponse {
    const limit = Math.min(Number(request.query.get('limit') ?? 20), 40);
    const maxId = request.query.get('max_id');
    const mine = this.statusesOf(request.params.id)
      .filter((s) => !maxId || BigInt(s.id) < BigInt(maxId))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = mine.slice(0, limit);
    const headers: Record<string, string> = {};
    if (page.length === limit && mine.length > limit) {
      headers.Link = `<${this.url}/api/v1/accounts/${request.params.id}/statuses?limit=${limit}&max_id=${page[page.length - 1].id}>; rel="next"`;
    }
    return { headers, body: page.map((s) => this.view(s)) };
  }

  private deleteStatus(id: string): FakeResponse {
    const index = this.statuses.findIndex((s) => s.id === id);
    if (index < 0) return { status: 404, body: { error: 'Record not found' } };
    const [status] = this.statuses.splice(index, 1);
    return { body: { ...this.view(status), text: status.text } };
  }

  private view(status: FakeStatus): Record<string, unknown> {
    const account = this.accounts.find((a) => a.id === status.accountId);
    return {
      id: status.id,
      created_at: status.createdAt.toISOString(),
      uri: `${this.url}/users/${account?.username}/statuses/${status.id}`,
      url: `${this.url}/@${account?.username}/${status.id}`,
      content: `<p>${escapeHtml(status.text).replace(/\n/g, '<br />')}</p>`,
      visibility: status.visibility,
      in_reply_to_id: status.inReplyToId,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      media_attachments: status.mediaIds.map((id) => ({ id, type: 'image' })),
      account: { id: status.accountId, username: account?.username, acct: account?.username },
    };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
