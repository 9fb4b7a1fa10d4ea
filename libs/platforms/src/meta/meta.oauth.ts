import type { AuthCallContext, OAuthClient, OAuthFlow, TokenGrant } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import type { MetaGraph } from './meta.graph';

/** The Facebook Login dialog of the pinned Graph version. */
export const FACEBOOK_LOGIN_DIALOG = 'https://www.facebook.com/v25.0/dialog/oauth';

interface TokenAnswer {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
}

/**
 * Facebook Login (§3.1), used by Facebook Pages and by Instagram with Facebook Login: the login dialog with a
 * PKCE S256 challenge, `GET /oauth/access_token` for the code (with `code_verifier`), then the
 * `fb_exchange_token` grant for a long-lived (about 60 days) user token, which is what the grant holds.
 * There is no refresh token: a user token that expires means logging in again.
 */
export function facebookLogin(graph: MetaGraph, options: { authorizeUrl: string; scopes: readonly string[] }): OAuthFlow {
  return {
    scopes: options.scopes,
    authorizeUrl(client: OAuthClient, params): string {
      const url = new URL(options.authorizeUrl);
      url.search = new URLSearchParams({
        client_id: client.clientId,
        redirect_uri: client.redirectUri,
        state: params.state,
        response_type: 'code',
        scope: options.scopes.join(','),
        code_challenge: params.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async exchangeCode(call: AuthCallContext, client: OAuthClient, params): Promise<TokenGrant> {
      const what = 'finish connecting the account';
      const short = await graph.get<TokenAnswer>(
        call.http,
        undefined,
        '/oauth/access_token',
        { client_id: client.clientId, redirect_uri: client.redirectUri, client_secret: client.clientSecret, code: params.code, code_verifier: params.codeVerifier },
        what,
      );
      const shortToken = tokenOf(short, graph.profile.platform);
      const long = await graph.get<TokenAnswer>(
        call.http,
        undefined,
        '/oauth/access_token',
        { grant_type: 'fb_exchange_token', client_id: client.clientId, client_secret: client.clientSecret, fb_exchange_token: shortToken },
        what,
      );
      return grantOf(long, graph.profile.platform);
    },
  };
}

/** A Graph token answer as a grant (never with a refresh token: Meta has none). */
export function grantOf(answer: TokenAnswer, platform: string, now = new Date()): TokenGrant {
  const accessToken = tokenOf(answer, platform);
  const expiresIn = Number(answer.expires_in);
  return { accessToken, expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now.getTime() + expiresIn * 1000) : undefined };
}

function tokenOf(answer: TokenAnswer, platform: string): string {
  if (!answer?.access_token) throw new PlatformError('permanent', `${platform} sign-in: the token answer has no access_token`);
  return answer.access_token;
}
