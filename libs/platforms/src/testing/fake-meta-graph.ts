import { randomBytes } from 'node:crypto';
import { FakeOAuthServer } from './fake-oauth';
import { FakePlatformServer, type FakeRequest, type FakeResponse } from './fake-platform-server';

export interface FakeGraphUser {
  id: string;
  name: string;
}

export interface FakeGraphPage {
  id: string;
  name: string;
  /** The Page token (never expires). */
  token: string;
  /** The user who manages the Page. */
  userId: string;
  /** The linked Instagram professional account, if any. */
  igUserId?: string;
  category: string;
}

/** Who a token speaks for: a Facebook user, a Page, or (Instagram Login) an IG professional account. */
export interface GraphPrincipal {
  kind: 'user' | 'page' | 'instagram';
  id: string;
}

/** A Graph node as a fake serves it: every known field (undefined = known but absent), and the defaults. */
export interface GraphNode {
  type: string;
  fields: Record<string, unknown>;
  defaults: string[];
}

export interface GraphErrorOptions {
  status?: number;
  subcode?: number;
  type?: string;
  transient?: boolean;
  userTitle?: string;
  userMsg?: string;
  headers?: Record<string, string>;
}

type GraphHandler = (request: FakeRequest, principal: GraphPrincipal) => FakeResponse | Promise<FakeResponse>;

interface UsageWindow {
  start: number;
  used: number;
}

/** The Graph error body (`../shared/reference/platform-apis.md` §3.9). */
export function graphError(code: number, message: string, options: GraphErrorOptions = {}): FakeResponse {
  const error: Record<string, unknown> = { message, type: options.type ?? 'OAuthException', code };
  if (options.subcode !== undefined) error.error_subcode = options.subcode;
  error.is_transient = options.transient ?? false;
  if (options.userTitle) error.error_user_title = options.userTitle;
  if (options.userMsg) error.error_user_msg = options.userMsg;
  error.fbtrace_id = `A${randomBytes(8).toString('base64url')}`;
  return { status: options.status ?? 400, headers: options.headers, body: { error } };
}

/** Graph times: `2019-05-17T16:24:04+0000` (no milliseconds, offset without a colon). */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** A Graph `since`/`until` value (Unix seconds or a date string); undefined when absent, null when invalid. */
export function timeParam(value: string | null): Date | undefined | null {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return new Date(Number(value) * 1000);
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? null : new Date(time);
}

/**
 * The Graph API half shared by the Facebook and Instagram fakes (§3.1, §3.8–3.10): versioned paths
 * (`/v25.0/...`), tokens as `access_token` (query, body) or an `Authorization` header, users with Pages and Page
 * tokens, the Facebook Login code exchange (PKCE) and `fb_exchange_token`, code 190 errors (463 expired, 467
 * revoked), `X-App-Usage` and `X-Business-Use-Case-Usage` percentages with throttling (code 4 for the app,
 * 80001/80002 for a Page / IG account) when a budget passes 100 %, node reads with `fields` selection, and
 * `paging.cursors` / `paging.next` lists.
 */
export abstract class FakeMetaGraph extends FakePlatformServer {
  readonly oauthServer = new FakeOAuthServer({ expiresIn: undefined, rotateRefresh: false, issueRefresh: false });
  readonly users: FakeGraphUser[] = [];
  readonly pages: FakeGraphPage[] = [];
  /** Short-lived user tokens from the code exchange (§3.1: hours). */
  shortLivedSeconds = 5_400;
  /** Long-lived user tokens (`fb_exchange_token`, about 60 days). */
  longLivedSeconds = 5_183_944;
  /** Call budgets behind the usage headers: the app's (X-App-Usage) and each Page's / IG account's (BUC). */
  usageLimits = { app: { calls: 20_000, windowMs: 3_600_000 }, account: { calls: 4_800, windowMs: 86_400_000 } };
  /** Permissions `/me/permissions` reports as granted. */
  grantedPermissions: string[] = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'pages_read_user_content', 'instagram_basic', 'instagram_content_publish'];
  protected abstract readonly bucType: 'pages' | 'instagram';
  protected readonly principals = new Map<string, GraphPrincipal>();
  private readonly revoked = new Set<string>();
  private appUsage: UsageWindow = { start: 0, used: 0 };
  private readonly accountUsage = new Map<string, UsageWindow>();
  private sequence = 0;

  constructor() {
    super();
    this.versioned('GET', '/oauth/access_token', (r) => this.accessToken(r));
    this.graph('GET', '/me/accounts', (r, p) => this.myPages(r, p));
    this.graph('GET', '/me/permissions', () => ({ body: { data: this.grantedPermissions.map((permission) => ({ permission, status: 'granted' })) } }));
    this.graph('GET', '/:id', (r, p) => this.readNode(r, p, r.params.id === 'me' ? p.id : r.params.id));
    this.graph('DELETE', '/:id', (r, p) => this.deleteNode(r.params.id, p) ?? unsupported('delete', r.params.id));
  }

  /** The versioned base URL adapters are configured with (`<origin>/v25.0`). */
  get graphUrl(): string {
    return `${this.url}/v25.0`;
  }

  /** A Facebook user with a long-lived user token. */
  addUser(name: string): { userId: string; userToken: string } {
    const user = { id: this.nextId(10_000_000_000_000n), name };
    this.users.push(user);
    this.principals.set(user.id, { kind: 'user', id: user.id });
    const userToken = this.newToken('EAA');
    this.oauthServer.grantsFor(userToken, user.id, { expiresInSeconds: this.longLivedSeconds });
    return { userId: user.id, userToken };
  }

  /** A Page managed by a user, with its never-expiring Page token. */
  addGraphPage(name: string, userId: string): FakeGraphPage {
    const page: FakeGraphPage = { id: this.nextId(100_000_000_000_000n), name, token: this.newToken('EAA'), userId, category: 'Coworking space' };
    this.pages.push(page);
    this.principals.set(page.id, { kind: 'page', id: page.id });
    this.oauthServer.grantsFor(page.token, page.id);
    return page;
  }

  /** Makes a token expire now (code 190, subcode 463 from then on). */
  expireToken(token: string): void {
    this.oauthServer.expire(token);
  }

  /** The user revoked the app (code 190, subcode 467, `REVOKED_ACCESS_TOKEN`). */
  revokeToken(token: string): void {
    this.revoked.add(token);
  }

  /** Forgets the calls counted so far (usage headers start again from 0 %). */
  resetUsage(): void {
    this.appUsage = { start: 0, used: 0 };
    this.accountUsage.clear();
  }

  protected override notFound(request: FakeRequest): FakeResponse {
    return graphError(2500, `Unknown path components: ${request.path}`);
  }

  /** Registers a route under `/:version`, checking the version segment. */
  protected versioned(method: string, path: string, handler: (request: FakeRequest) => FakeResponse | Promise<FakeResponse>): void {
    this.route(method, `/:version${path}`, (request) => {
      if (!/^v\d+\.\d+$/.test(request.params.version)) return graphError(2500, `Unknown path components: ${request.path}`);
      return handler(request);
    });
  }

  /** A versioned route that needs a live token; usage is counted and the usage headers added. */
  protected graph(method: string, path: string, handler: GraphHandler): void {
    this.versioned(method, path, (request) => this.authed(request, handler));
  }

  protected async authed(request: FakeRequest, handler: GraphHandler): Promise<FakeResponse> {
    const token = tokenOf(request);
    const denied = this.checkToken(token);
    if (denied) return denied;
    const principal = this.principals.get(this.oauthServer.accountOf(token)!)!;
    const { headers, throttled } = this.meter(principal, request);
    if (throttled) return throttled;
    const response = await handler(request, principal);
    return { ...response, headers: { ...headers, ...response.headers } };
  }

  /** The code 190 family (or 104 without a token); undefined when the token is live. */
  protected checkToken(token: string | undefined): FakeResponse | undefined {
    if (!token) return graphError(104, 'An access token is required to request this resource.');
    if (this.revoked.has(token)) {
      return graphError(190, 'Error validating access token: The user has revoked access to the app (REVOKED_ACCESS_TOKEN).', { subcode: 467 });
    }
    if (this.oauthServer.isExpired(token)) {
      return graphError(190, `Error validating access token: Session has expired. The current time is ${new Date().toUTCString()}.`, { subcode: 463 });
    }
    const id = this.oauthServer.accountOf(token);
    if (!id || !this.principals.has(id)) return graphError(190, 'Invalid OAuth access token - Cannot parse access token');
    return undefined;
  }

  /** The Page or IG account whose Business Use Case budget a call spends (none for user-token calls). */
  protected abstract bucTarget(principal: GraphPrincipal, request: FakeRequest): string | undefined;

  /** The node an id names, as the principal may read it; undefined when it does not exist or is not readable. */
  protected nodeOf(id: string, principal: GraphPrincipal): GraphNode | undefined {
    const user = this.users.find((u) => u.id === id);
    if (user && principal.id === user.id) return { type: 'User', defaults: ['id', 'name'], fields: { id: user.id, name: user.name } };
    const page = this.pages.find((p) => p.id === id);
    if (page) {
      return {
        type: 'Page',
        defaults: ['id', 'name'],
        fields: {
          id: page.id,
          name: page.name,
          category: page.category,
          link: `https://www.facebook.com/${page.id}`,
          instagram_business_account: page.igUserId ? { id: page.igUserId } : undefined,
          access_token: this.actsFor(principal, page.id) && principal.kind === 'user' ? page.token : undefined,
        },
      };
    }
    return undefined;
  }

  /** Deletes the node; undefined when there is none the principal may delete. */
  protected deleteNode(_id: string, _principal: GraphPrincipal): FakeResponse | undefined {
    return undefined;
  }

  /** Whether the principal may act for an owner (a Page or IG account): itself, its manager, its linked Page. */
  protected actsFor(principal: GraphPrincipal, ownerId: string): boolean {
    if (principal.id === ownerId) return true;
    if (principal.kind === 'user') return this.pages.some((p) => p.userId === principal.id && (p.id === ownerId || p.igUserId === ownerId));
    if (principal.kind === 'page') return this.pages.find((p) => p.id === principal.id)?.igUserId === ownerId;
    return false;
  }

  protected readNode(request: FakeRequest, principal: GraphPrincipal, id: string): FakeResponse {
    const node = this.nodeOf(id, principal);
    return node ? select(request, node) : unsupported('get', id);
  }

  /**
   * One page of a list: `limit` (default 25, at most `maxLimit`), `after` / `before` cursors, and
   * `paging.next` / `paging.previous` as absolute URLs carrying every parameter (the token included). Items
   * that are not `visible` take their place in the paging but are left out of `data`.
   */
  protected paged<T>(request: FakeRequest, items: T[], nodeOf: (item: T) => GraphNode, maxLimit = 100, visible: (item: T) => boolean = () => true): FakeResponse {
    const limitParam = request.query.get('limit');
    const limit = limitParam === null ? 25 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1) return graphError(100, '(#100) The parameter limit must be a positive integer');
    if (limit > maxLimit) return graphError(100, `(#100) The 'limit' parameter should not exceed ${maxLimit}`);
    const after = decodeCursor(request.query.get('after'));
    const before = decodeCursor(request.query.get('before'));
    const start = after !== undefined ? after + 1 : before !== undefined ? Math.max(0, before - limit) : 0;
    const end = before !== undefined && after === undefined ? before : start + limit;
    const slice = items.slice(start, Math.min(end, items.length));
    const data: Record<string, unknown>[] = [];
    // Items paged past but not shown (expired, hidden) leave a page short, or empty with a `next` (§3.7).
    for (const item of slice.filter(visible)) {
      const selected = select(request, nodeOf(item));
      if (selected.status) return selected;
      data.push(selected.body as Record<string, unknown>);
    }
    if (slice.length === 0) return { body: { data } };
    const link = (key: 'after' | 'before', index: number): string => {
      const query = new URLSearchParams(request.query);
      query.delete('after');
      query.delete('before');
      query.set(key, encodeCursor(index));
      return `${this.url}${request.path}?${query.toString()}`;
    };
    const last = start + slice.length - 1;
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(start), after: encodeCursor(last) } };
    if (last + 1 < items.length) paging.next = link('after', last);
    if (start > 0) paging.previous = link('before', start);
    return { body: { data, paging } };
  }

  /** Items whose instant falls within `since` / `until`; an error response when either is malformed. */
  protected inTimeRange<T>(request: FakeRequest, items: T[], at: (item: T) => Date): T[] | FakeResponse {
    const since = timeParam(request.query.get('since'));
    const until = timeParam(request.query.get('until'));
    if (since === null || until === null) return graphError(100, '(#100) since and until must be Unix timestamps or date strings');
    return items.filter((item) => (!since || at(item) >= since) && (!until || at(item) <= until));
  }

  protected nextId(base: bigint): string {
    return (base + BigInt(++this.sequence)).toString();
  }

  protected newToken(prefix: string): string {
    return `${prefix}${randomBytes(24).toString('base64url')}`;
  }

  /** Code exchange (with `code_verifier`) or the `fb_exchange_token` grant (§3.1), answered the Graph way. */
  private accessToken(request: FakeRequest): FakeResponse {
    const q = request.query;
    if (!q.get('client_id')) return graphError(101, 'Missing client_id parameter.');
    if (q.get('grant_type') === 'fb_exchange_token') return this.exchangeLongLived(q);
    const synthetic: FakeRequest = { ...request, form: new Map([...q].map(([key, value]) => [key, [value]])) };
    synthetic.form.set('grant_type', ['authorization_code']);
    const answer = this.oauthServer.token(synthetic);
    const body = answer.body as { access_token?: string; error_description?: string };
    if (!body.access_token) {
      const description = body.error_description ?? '';
      if (description.includes('redirect_uri')) return graphError(100, 'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', { subcode: 36008 });
      if (description.includes('code_verifier')) return graphError(100, 'Invalid code verifier.');
      return graphError(100, 'This authorization code has been used.', { subcode: 36009 });
    }
    const userId = this.oauthServer.accountOf(body.access_token)!;
    this.oauthServer.grantsFor(body.access_token, userId, { expiresInSeconds: this.shortLivedSeconds });
    return { body: { access_token: body.access_token, token_type: 'bearer', expires_in: this.shortLivedSeconds } };
  }

  private exchangeLongLived(q: URLSearchParams): FakeResponse {
    if (!q.get('client_secret')) return graphError(101, 'Missing client_secret parameter.');
    const short = q.get('fb_exchange_token') ?? undefined;
    const denied = this.checkToken(short);
    if (denied) return denied;
    const userId = this.oauthServer.accountOf(short)!;
    if (this.principals.get(userId)?.kind !== 'user') return graphError(190, 'Invalid OAuth access token - Cannot parse access token');
    const token = this.newToken('EAA');
    this.oauthServer.grantsFor(token, userId, { expiresInSeconds: this.longLivedSeconds });
    return { body: { access_token: token, token_type: 'bearer', expires_in: this.longLivedSeconds } };
  }

  private myPages(request: FakeRequest, principal: GraphPrincipal): FakeResponse {
    if (principal.kind !== 'user') return graphError(100, `(#100) Tried accessing nonexisting field (accounts) on node type (${principal.kind === 'page' ? 'Page' : 'User'})`);
    const pages = this.pages.filter((p) => p.userId === principal.id);
    return this.paged(request, pages, (page) => {
      const node = this.nodeOf(page.id, principal)!;
      return { ...node, fields: { ...node.fields, tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'] }, defaults: ['id', 'name', 'access_token', 'category'] };
    });
  }

  /** Counts the call against the app's and the target's budgets; throttles past 100 %. */
  private meter(principal: GraphPrincipal, request: FakeRequest): { headers: Record<string, string>; throttled?: FakeResponse } {
    const now = Date.now();
    const app = count(this.appUsage, this.usageLimits.app.windowMs, now);
    this.appUsage = app;
    const appPercent = percent(app.used, this.usageLimits.app.calls);
    const headers: Record<string, string> = { 'X-App-Usage': JSON.stringify(usageNumbers(appPercent)) };
    const target = this.bucTarget(principal, request);
    let accountPercent = 0;
    let regain = 0;
    if (target) {
      const usage = count(this.accountUsage.get(target), this.usageLimits.account.windowMs, now);
      this.accountUsage.set(target, usage);
      accountPercent = percent(usage.used, this.usageLimits.account.calls);
      regain = accountPercent >= 100 ? Math.max(1, Math.ceil((usage.start + this.usageLimits.account.windowMs - now) / 60_000)) : 0;
      headers['X-Business-Use-Case-Usage'] = JSON.stringify({ [target]: [{ type: this.bucType, ...usageNumbers(accountPercent), estimated_time_to_regain_access: regain }] });
    }
    if (app.used > this.usageLimits.app.calls) return { headers, throttled: graphError(4, '(#4) Application request limit reached', { transient: true, headers }) };
    if (target && accountPercent > 100) {
      const what = this.bucType === 'pages' ? 'Page' : 'Instagram';
      return { headers, throttled: graphError(this.bucType === 'pages' ? 80001 : 80002, `(#${this.bucType === 'pages' ? 80001 : 80002}) There have been too many calls to this ${what} account. Wait a bit and try again.`, { transient: true, headers }) };
    }
    return { headers };
  }
}

/** Picks the requested `fields` (`a,b.summary(x),c{d}` → a, b, c) off a node; `id` always comes along. */
export function select(request: FakeRequest, node: GraphNode): FakeResponse {
  const requested = parseFields(request.query.get('fields')) ?? node.defaults;
  const out: Record<string, unknown> = {};
  for (const name of requested) {
    if (!(name in node.fields)) return graphError(100, `(#100) Tried accessing nonexisting field (${name}) on node type (${node.type})`);
    if (node.fields[name] !== undefined) out[name] = node.fields[name];
  }
  if (node.fields.id !== undefined) out.id = node.fields.id;
  return { body: out };
}

export function unsupported(verb: 'get' | 'post' | 'delete', id: string): FakeResponse {
  return graphError(
    100,
    `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    { type: 'GraphMethodException', subcode: 33 },
  );
}

/** The `metric` parameter of an insights call: a comma list, or a JSON array as some SDKs send it. */
export function metricParam(request: FakeRequest): string[] {
  const raw = request.query.get('metric') ?? '';
  if (raw.trim().startsWith('[')) {
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list)) return list.map(String);
    } catch {
      // not JSON after all: read it as a comma list
    }
  }
  return raw.split(',').map((m) => m.trim()).filter(Boolean);
}

/**
 * An `/{id}/insights` answer (§3.5, §4.4): one lifetime entry per requested metric that has a value;
 * metrics without one are left out of `data` (Instagram's "not available": an empty `data`).
 */
export function insightsAnswer(nodeId: string, metrics: string[], valueOf: (name: string) => unknown): FakeResponse {
  const data = metrics.flatMap((name) => {
    const value = valueOf(name);
    if (value === undefined) return [];
    const title = name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
    return [{ name, period: 'lifetime', values: [{ value }], title, description: `Lifetime: ${title.toLowerCase()}.`, id: `${nodeId}/insights/${name}/lifetime` }];
  });
  return { body: { data } };
}

/** Every parameter of a Graph call, wherever it was sent (query, urlencoded or multipart form, JSON body). */
export function graphParams(request: FakeRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of request.query) if (key !== 'access_token') params[key] = value;
  for (const [key, values] of request.form) if (key !== 'access_token') params[key] = values.length > 1 ? values : values[0];
  if (request.json && typeof request.json === 'object') Object.assign(params, request.json);
  return params;
}

/** A parameter as a string ('true'/'false' for booleans), or undefined. */
export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function parseFields(value: string | null): string[] | undefined {
  if (!value) return undefined;
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(' || char === '{') depth++;
    if (char === ')' || char === '}') depth--;
    if (char === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map((n) => /^\s*([a-z_0-9]+)/i.exec(n)?.[1]).filter((n): n is string => !!n);
}

function tokenOf(request: FakeRequest): string | undefined {
  const header = String(request.headers.authorization ?? '');
  const fromHeader = /^(Bearer|OAuth)\s+(.+)$/i.exec(header)?.[2];
  return request.query.get('access_token') ?? request.form.get('access_token')?.[0] ?? request.json?.access_token ?? fromHeader;
}

function count(window: UsageWindow | undefined, windowMs: number, now: number): UsageWindow {
  const start = now - (now % windowMs);
  return { start, used: (window && window.start === start ? window.used : 0) + 1 };
}

function percent(used: number, calls: number): number {
  return Math.floor((used * 100) / calls);
}

function usageNumbers(pct: number): { call_count: number; total_cputime: number; total_time: number } {
  return { call_count: pct, total_cputime: Math.floor(pct / 2), total_time: Math.floor((pct * 3) / 5) };
}

function encodeCursor(index: number): string {
  return Buffer.from(`idx:${index}`).toString('base64url');
}

function decodeCursor(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^idx:(\d+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
