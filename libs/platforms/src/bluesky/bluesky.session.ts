import type { HttpResponse, PlatformHttp } from '../http/platform-http';
import type { RefreshContext, TokenGrant } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { pdsHttp } from './bluesky.api';
import { blueskyError, observeBlueskyRateLimit } from './bluesky.errors';

export interface BlueskySession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  /** When the access JWT expires (its `exp` claim). */
  expiresAt?: Date;
  /** The account's PDS from the DID document (`#atproto_pds`); store it as the connection's `serverUrl`. */
  serverUrl?: string;
}

interface SessionBody {
  did?: string;
  handle?: string;
  accessJwt?: string;
  refreshJwt?: string;
  active?: boolean;
  status?: string;
  didDoc?: { service?: Array<{ id?: string; type?: string; serviceEndpoint?: string }> };
}

/**
 * Signs in with an app password (`com.atproto.server.createSession`, §7.1), for the connection flow. Tightly
 * rate-limited (30 per 5 min, 100–300 per day per handle): store the pair and refresh it; never sign in per post.
 * A wrong identifier or password is a `refresh` error (reconnect).
 */
export async function createBlueskySession(http: PlatformHttp, identifier: string, appPassword: string): Promise<BlueskySession> {
  const response = await http.request({ method: 'POST', url: '/xrpc/com.atproto.server.createSession', json: { identifier: identifier.trim().replace(/^@/, ''), password: appPassword } });
  return sessionOf(http, response, 'sign-in');
}

/** `com.atproto.server.refreshSession` with the refresh JWT as Bearer: a new pair; the old refresh JWT stops working. */
export async function refreshBlueskySession(call: RefreshContext): Promise<TokenGrant> {
  if (!call.refreshToken) throw new PlatformError('refresh', 'Bluesky session refresh: this connection has no refresh token; reconnect the account');
  const http = pdsHttp(call.http, call.serverUrl);
  const response = await http.request({ method: 'POST', url: '/xrpc/com.atproto.server.refreshSession', headers: { authorization: `Bearer ${call.refreshToken}` } });
  const session = sessionOf(http, response, 'session refresh');
  return { accessToken: session.accessJwt, refreshToken: session.refreshJwt, expiresAt: session.expiresAt };
}

function sessionOf(http: PlatformHttp, response: HttpResponse, what: string): BlueskySession {
  observeBlueskyRateLimit(http, response);
  if (!response.ok) throw blueskyError(response, what);
  const body = response.body as SessionBody | undefined;
  if (!body?.did || !body.accessJwt || !body.refreshJwt) throw new PlatformError('retry', `Bluesky ${what}: the answer has no session`);
  if (body.active === false) throw new PlatformError('permanent', `Bluesky ${what}: the account is ${body.status ?? 'not active'}`, { code: body.status });
  const pds = body.didDoc?.service?.find((s) => s.id?.endsWith('#atproto_pds'))?.serviceEndpoint;
  return { did: body.did, handle: body.handle ?? body.did, accessJwt: body.accessJwt, refreshJwt: body.refreshJwt, expiresAt: jwtExpiry(body.accessJwt), serverUrl: pds };
}

/** The `exp` claim of a JWT, or undefined when it cannot be read. */
export function jwtExpiry(jwt: string): Date | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}
