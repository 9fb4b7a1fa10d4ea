import { createHash, randomBytes } from 'node:crypto';
import { field, type FakeRequest, type FakeResponse } from './fake-platform-server';

export interface FakeOAuthOptions {
  /** Access-token lifetime in seconds (undefined: tokens never expire, as on Mastodon). */
  expiresIn: number | undefined;
  /** Whether a refresh returns a new refresh token and kills the old one (X). */
  rotateRefresh: boolean;
  /** Whether the code grant returns a refresh token at all. */
  issueRefresh: boolean;
}

interface Grant {
  accountId: string;
  expiresAt?: number;
}

interface PendingCode {
  accountId: string;
  challenge: string;
  redirectUri: string;
  clientId: string;
}

/**
 * The OAuth 2.0 half of a fake platform: authorization codes bound to a PKCE S256 challenge, the code and
 * refresh-token grants at the platform's token endpoint (`{ error, error_description }` on failure), access
 * tokens that expire, and refresh tokens that rotate when the platform rotates them.
 */
export class FakeOAuthServer {
  /** Refresh grants served, successful or not. */
  refreshCalls = 0;
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, string>();
  private readonly codes = new Map<string, PendingCode>();

  constructor(readonly options: FakeOAuthOptions) {}

  /** Seeds tokens for an account, as if it had connected earlier. */
  grantsFor(accessToken: string, accountId: string, extra: { refreshToken?: string; expiresInSeconds?: number } = {}): void {
    const lifetime = extra.expiresInSeconds ?? this.options.expiresIn;
    this.access.set(accessToken, { accountId, expiresAt: lifetime === undefined ? undefined : Date.now() + lifetime * 1000 });
    if (extra.refreshToken) this.refresh.set(extra.refreshToken, accountId);
  }

  /** The account a live access token belongs to; undefined when unknown or expired. */
  accountOf(accessToken: string | undefined): string | undefined {
    const grant = accessToken ? this.access.get(accessToken) : undefined;
    if (!grant || (grant.expiresAt !== undefined && grant.expiresAt <= Date.now())) return undefined;
    return grant.accountId;
  }

  isExpired(accessToken: string | undefined): boolean {
    const grant = accessToken ? this.access.get(accessToken) : undefined;
    return !!grant && grant.expiresAt !== undefined && grant.expiresAt <= Date.now();
  }

  /** Makes an access token expire now. */
  expire(accessToken: string): void {
    const grant = this.access.get(accessToken);
    if (grant) grant.expiresAt = Date.now() - 1;
  }

  /** Kills a refresh token (the user revoked the app). */
  revokeRefresh(refreshToken: string): void {
    this.refresh.delete(refreshToken);
  }

  /** The user approves the app at the authorize URL: returns where the platform redirects the browser. */
  approve(authorizeUrl: string, accountId: string): string {
    const url = new URL(authorizeUrl);
    const challenge = url.searchParams.get('code_challenge');
    const redirectUri = url.searchParams.get('redirect_uri');
    if (!challenge || url.searchParams.get('code_challenge_method') !== 'S256' || !redirectUri) throw new Error('authorize URL lacks PKCE S256 or redirect_uri');
    const code = randomBytes(12).toString('base64url');
    this.codes.set(code, { accountId, challenge, redirectUri, clientId: url.searchParams.get('client_id') ?? '' });
    const callback = new URL(redirectUri);
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', url.searchParams.get('state') ?? '');
    return callback.toString();
  }

  /** The token endpoint: `authorization_code` (with `code_verifier`) and `refresh_token` grants. */
  token(request: FakeRequest): FakeResponse {
    const grantType = field(request, 'grant_type') ?? request.json?.grant_type;
    if (grantType === 'authorization_code') return this.codeGrant(request);
    if (grantType === 'refresh_token') return this.refreshGrant(field(request, 'refresh_token') ?? request.json?.refresh_token);
    return oauthError('unsupported_grant_type', `grant_type ${grantType} is not supported`);
  }

  /** Issues a token pair for an account (used by the grants and by platforms with their own refresh shapes). */
  issue(accountId: string, withRefresh: boolean): { accessToken: string; refreshToken?: string; expiresIn?: number } {
    const accessToken = `at-${randomBytes(9).toString('base64url')}`;
    this.grantsFor(accessToken, accountId);
    const refreshToken = withRefresh ? `rt-${randomBytes(9).toString('base64url')}` : undefined;
    if (refreshToken) this.refresh.set(refreshToken, accountId);
    return { accessToken, refreshToken, expiresIn: this.options.expiresIn };
  }

  private codeGrant(request: FakeRequest): FakeResponse {
    const code = field(request, 'code') ?? '';
    const pending = this.codes.get(code);
    if (!pending) return oauthError('invalid_grant', 'authorization code is invalid or expired');
    this.codes.delete(code);
    const verifier = field(request, 'code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) return oauthError('invalid_grant', 'code_verifier does not match the code_challenge');
    if ((field(request, 'redirect_uri') ?? '') !== pending.redirectUri) return oauthError('invalid_grant', 'redirect_uri does not match');
    const tokens = this.issue(pending.accountId, this.options.issueRefresh);
    return { body: tokenBody(tokens) };
  }

  private refreshGrant(refreshToken: string | undefined): FakeResponse {
    this.refreshCalls += 1;
    const accountId = refreshToken ? this.refresh.get(refreshToken) : undefined;
    if (!refreshToken || !accountId) return oauthError('invalid_grant', 'Value passed for the token was invalid.');
    if (this.options.rotateRefresh) this.refresh.delete(refreshToken);
    const tokens = this.issue(accountId, this.options.rotateRefresh);
    return { body: tokenBody({ ...tokens, refreshToken: this.options.rotateRefresh ? tokens.refreshToken : undefined }) };
  }
}

function tokenBody(tokens: { accessToken: string; refreshToken?: string; expiresIn?: number }): Record<string, unknown> {
  return { token_type: 'bearer', access_token: tokens.accessToken, refresh_token: tokens.refreshToken, expires_in: tokens.expiresIn, scope: 'granted' };
}

export function oauthError(error: string, description: string, status = 400): FakeResponse {
  return { status, body: { error, error_description: description } };
}
