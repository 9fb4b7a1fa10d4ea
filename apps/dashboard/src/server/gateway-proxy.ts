import 'server-only';
import { dashboardConfig } from './config';
import { currentSession } from './session';

/**
 * A GET of the gateway made for the browser by this server, with the session's bearer token: the answer's
 * body streams through unchanged (Server-Sent Events, images, CSV). Without a session: 401.
 */
export async function proxyGatewayGet(pathAndQuery: string, request: Request, passHeaders: string[]): Promise<Response> {
  const session = await currentSession();
  if (!session) return new Response('Not signed in', { status: 401 });
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}` };
  const lastEventId = request.headers.get('last-event-id');
  if (lastEventId) headers['last-event-id'] = lastEventId;
  let upstream: Response;
  try {
    upstream = await fetch(`${dashboardConfig().gatewayUrl}${pathAndQuery}`, { headers, cache: 'no-store', signal: request.signal });
  } catch {
    return new Response('The gateway cannot be reached', { status: 502 });
  }
  const out = new Headers();
  for (const name of passHeaders) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
