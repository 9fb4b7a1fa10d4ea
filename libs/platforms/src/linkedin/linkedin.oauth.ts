import type { HttpResponse } from '../http/platform-http';
import type { AuthCallContext, OAuthClient, OAuthFlow, RefreshContext, TokenGrant } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { linkedinTokenError } from './linkedin.errors';

export interface LinkedInOAuthOptions {
  authorizeUrl: string;
  tokenUrl: string;
  scopes: readonly string[];
  /** Whether to send a PKCE S256 challenge and verifier (LinkedIn's web flow does not document PKCE; extra parameters are ignored). */
  pkce: boolean;
}

/**
 * LinkedIn's 3-legged OAuth (§6.2): the code grant and the refresh grant at `/oauth/v2/accessToken`, form-encoded
 * with the client id and secret. Access tokens last 60 days; refresh tokens (approved partners only) 365 days.
 */
export function linkedinOAuth(options: LinkedInOAuthOptions): OAuthFlow {
  return {
    scopes: options.scopes,
    authorizeUrl(client: OAuthClient, params): string {
      const url = new URL(options.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state: params.state,
        scope: options.scopes.join(' '),
        ...(options.pkce ? { code_challenge: params.codeChallenge, code_challenge_method: 'S256' } : {}),
      }).toString();
      return url.toString();
    },
    async exchangeCode(call: AuthCallContext, client: OAuthClient, params): Promise<TokenGrant> {
      const response = await call.http.request({
        method: 'POST',
        url: options.tokenUrl,
        form: {
          grant_type: 'authorization_code',
          code: params.code,
          redirect_uri: client.redirectUri,
          client_id: client.clientId,
          client_secret: client.clientSecret,
          code_verifier: options.pkce ? params.codeVerifier : undefined,
        },
      });
      if (!response.ok) throw linkedinTokenError(response, 'code exchange');
      return tokenGrant(response, 'code exchange');
    },
  };
}

/** Programmatic refresh. LinkedIn may hand back a new refresh token; when it does not, the stored one is kept. */
export async function refreshLinkedInToken(call: RefreshContext, tokenUrl: string): Promise<TokenGrant> {
  if (!call.refreshToken) throw new PlatformError('refresh', 'LinkedIn token refresh: this connection has no refresh token; the user must reconnect the account');
  if (!call.client) throw new PlatformError('permanent', 'LinkedIn token refresh: no OAuth client configured');
  const response = await call.http.request({
    method: 'POST',
    url: tokenUrl,
    form: { grant_type: 'refresh_token', refresh_token: call.refreshToken, client_id: call.client.clientId, client_secret: call.client.clientSecret },
  });
  if (!response.ok) throw linkedinTokenError(response, 'token refresh');
  return tokenGrant(response, 'token refresh');
}

function tokenGrant(response: HttpResponse, grant: 'code exchange' | 'token refresh'): TokenGrant {
  const body = response.body as { access_token?: string; expires_in?: number; refresh_token?: string; scope?: string } | undefined;
  if (!body?.access_token) throw new PlatformError('permanent', `LinkedIn ${grant}: the answer has no access_token`);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ? body.refresh_token : undefined,
    expiresAt: typeof body.expires_in === 'number' ? new Date(Date.now() + body.expires_in * 1000) : undefined,
    scope: body.scope,
  };
}
