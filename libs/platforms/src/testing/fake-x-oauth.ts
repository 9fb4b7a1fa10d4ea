import { field, type FakeRequest, type FakeResponse } from './fake-platform-server';
import { oauthError, type FakeOAuthServer } from './fake-oauth';

const CODE_LIFETIME_MS = 30_000;
/** Scopes assumed for a code approved through the shared FakeOAuthServer directly (not via `approve` here). */
export const FAKE_X_ALL_SCOPES = 'tweet.read tweet.write users.read media.write offline.access';

/**
 * X's side of OAuth 2.0 around the shared FakeOAuthServer (§2.1): client authentication at the token
 * endpoint (HTTP Basic for confidential clients, `client_id` in the body for public ones; 401
 * `unauthorized_client` otherwise), codes that must be exchanged within 30 s, a refresh token only when
 * `offline.access` was granted, the granted scopes echoed in `scope`, X's `invalid_request` answer to a dead
 * refresh token, and `POST /2/oauth2/revoke`.
 */
export class FakeXOAuth {
  /** Registered clients: id → secret (undefined for a public client). With none registered, any client is accepted. */
  readonly clients = new Map<string, string | undefined>();
  /** Scopes granted to each live refresh token. */
  readonly scopeOf = new Map<string, string>();
  /** Token requests and the client each authenticated as. */
  readonly tokenRequests: { grantType?: string; clientId: string; basic: boolean }[] = [];
  private readonly codes = new Map<string, { scope: string; issuedAt: number }>();

  constructor(private readonly server: FakeOAuthServer) {}

  registerClient(clientId: string, clientSecret?: string): void {
    this.clients.set(clientId, clientSecret);
  }

  /** The user approves at the authorize URL: the browser is sent to the returned callback URL. */
  approve(authorizeUrl: string, accountId: string): string {
    const callback = this.server.approve(authorizeUrl, accountId);
    const code = new URL(callback).searchParams.get('code')!;
    this.codes.set(code, { scope: new URL(authorizeUrl).searchParams.get('scope') ?? '', issuedAt: Date.now() });
    return callback;
  }

  token(request: FakeRequest): FakeResponse {
    const client = this.authenticate(request);
    if (typeof client !== 'string') return client;
    const grantType = field(request, 'grant_type');
    this.tokenRequests.push({ grantType, clientId: client, basic: String(request.headers.authorization ?? '').startsWith('Basic ') });
    if (grantType === 'authorization_code') {
      const pending = this.codes.get(field(request, 'code') ?? '');
      if (pending && Date.now() - pending.issuedAt > CODE_LIFETIME_MS) return oauthError('invalid_request', 'Value passed for the authorization code was invalid.');
      return this.granted(this.server.token(request), pending?.scope ?? FAKE_X_ALL_SCOPES);
    }
    if (grantType === 'refresh_token') {
      const presented = field(request, 'refresh_token') ?? '';
      const response = this.server.token(request);
      if ((response.status ?? 200) >= 400) return oauthError('invalid_request', 'Value passed for the token was invalid.');
      const scope = this.scopeOf.get(presented) ?? '';
      this.scopeOf.delete(presented);
      return this.granted(response, scope);
    }
    return this.server.token(request);
  }

  /** `POST /2/oauth2/revoke` with `token` (access or refresh). */
  revoke(request: FakeRequest): FakeResponse {
    const client = this.authenticate(request);
    if (typeof client !== 'string') return client;
    const token = field(request, 'token') ?? '';
    this.server.expire(token);
    this.server.revokeRefresh(token);
    this.scopeOf.delete(token);
    return { body: { revoked: true } };
  }

  /** The client id the request authenticated as, or the 401 X answers. */
  private authenticate(request: FakeRequest): string | FakeResponse {
    const header = String(request.headers.authorization ?? '');
    const denied = oauthError('unauthorized_client', 'Missing valid authorization header', 401);
    if (header.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':').map((part) => decodeURIComponent(part ?? ''));
      if (this.clients.size > 0 && (!this.clients.has(id) || this.clients.get(id) !== secret)) return denied;
      return id;
    }
    const id = field(request, 'client_id');
    if (!id) return denied;
    if (this.clients.size > 0 && (!this.clients.has(id) || this.clients.get(id) !== undefined)) return denied;
    return id;
  }

  /** X's token answer: the granted scopes, and a refresh token only with `offline.access`. */
  private granted(response: FakeResponse, scope: string): FakeResponse {
    if ((response.status ?? 200) >= 400) return response;
    const body: Record<string, unknown> = { ...(response.body as Record<string, unknown>), scope };
    const refreshToken = body.refresh_token as string | undefined;
    if (refreshToken && !scope.split(' ').includes('offline.access')) {
      this.server.revokeRefresh(refreshToken);
      delete body.refresh_token;
    } else if (refreshToken) this.scopeOf.set(refreshToken, scope);
    return { ...response, body: JSON.parse(JSON.stringify(body)) };
  }
}
