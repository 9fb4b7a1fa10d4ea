import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import type { AuthCallContext, OAuthClient, OAuthFlow, RefreshContext, TokenGrant } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { observeXRateLimit, xTokenError } from './x.errors';

export const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'] as const;
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';
const TOKEN_PATH = '/2/oauth2/token';

/**
 * X's OAuth 2.0 authorization code flow with PKCE (§2.1). The authorize page lives on x.com, the token
 * endpoint on the API host. Confidential clients (with a secret) authenticate with HTTP Basic; public
 * clients identify with `client_id` in the body (sent by both, as node-twitter-api-v2 does).
 */
export function xOAuthFlow(authorizeUrl: string): OAuthFlow {
  return {
    scopes: X_SCOPES,
    authorizeUrl(client: OAuthClient, params): string {
      const url = new URL(authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        scope: X_SCOPES.join(' '),
        state: params.state,
        code_challenge: params.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async exchangeCode(call: AuthCallContext, client: OAuthClient, params): Promise<TokenGrant> {
      const form = { grant_type: 'authorization_code', code: params.code, redirect_uri: client.redirectUri, code_verifier: params.codeVerifier };
      return tokenRequest(call.http, client, form, 'code exchange');
    },
  };
}

/** The refresh-token grant. X rotates refresh tokens: the one sent dies, the answer carries its successor. */
export async function refreshXToken(call: RefreshContext): Promise<TokenGrant> {
  if (!call.refreshToken) throw new PlatformError('refresh', 'X: no refresh token is stored for this account (it was connected without offline access); reconnect it');
  if (!call.client) throw new PlatformError('permanent', 'X token refresh needs the OAuth client id, and none is configured');
  return tokenRequest(call.http, call.client, { grant_type: 'refresh_token', refresh_token: call.refreshToken }, 'token refresh');
}

async function tokenRequest(http: PlatformHttp, client: OAuthClient, form: Record<string, string>, grant: 'code exchange' | 'token refresh'): Promise<TokenGrant> {
  const basic = client.clientSecret ? { authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}` } : undefined;
  const response = await http.request({ method: 'POST', url: TOKEN_PATH, headers: basic, form: { ...form, client_id: client.clientId } });
  observeXRateLimit(http, response);
  if (!response.ok) throw xTokenError(response, grant);
  return tokenGrant(response, grant);
}

function tokenGrant(response: HttpResponse, grant: string): TokenGrant {
  const body = response.body as { access_token?: string; refresh_token?: string; expires_in?: number; scope?: string } | undefined;
  if (!body?.access_token) throw new PlatformError('permanent', `X ${grant}: the answer has no access_token`);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token || undefined,
    expiresAt: typeof body.expires_in === 'number' ? new Date(Date.now() + body.expires_in * 1000) : undefined,
    scope: body.scope,
  };
}
