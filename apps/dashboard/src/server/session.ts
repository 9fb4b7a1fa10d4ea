import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { dashboardConfig } from './config';

/**
 * The session: the gateway's bearer token in an HttpOnly cookie, set and read only by this server. The browser
 * holds it but no script can read it; every API call is made from here with it.
 */
export const SESSION_COOKIE = 'as_session';
/** The signed-in address, for display only (the token carries just the user id). */
export const USER_COOKIE = 'as_user';

export interface Session {
  token: string;
  email: string;
}

export async function currentSession(): Promise<Session | undefined> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  return token ? { token, email: jar.get(USER_COOKIE)?.value ?? '' } : undefined;
}

/** The session, or off to the login page. */
export async function requireSession(): Promise<Session> {
  const session = await currentSession();
  if (!session) redirect('/login');
  return session;
}

/** Only from a Server Action or a Route Handler: cookies cannot be set while rendering. */
export async function startSession(token: string, email: string, expiresInSeconds: number): Promise<void> {
  const jar = await cookies();
  const secure = dashboardConfig().forceSecureCookies || (await headers()).get('x-forwarded-proto') === 'https';
  const options = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: Math.max(60, Math.floor(expiresInSeconds)) };
  jar.set(SESSION_COOKIE, token, options);
  jar.set(USER_COOKIE, email, options);
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(SESSION_COOKIE);
  jar.delete(USER_COOKIE);
}
