import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { dashboardConfig } from '@/server/config';
import { currentSession } from '@/server/session';
import { isUuid } from '@/lib/ids';

export const dynamic = 'force-dynamic';

/**
 * The gateway's headers that describe the file; nothing else of its answer is passed on (not its length:
 * fetch may have decompressed the body).
 */
const PASSED_HEADERS = ['content-type', 'content-disposition'];

/**
 * A campaign's analytics as CSV (GET /api/v1/analytics/campaign/{id}/export.csv), for a plain download link:
 * the browser has no bearer token, so this server fetches it with the session's and streams the body back
 * with the gateway's content-type and content-disposition. Not signed in: to the login page (and back here).
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  const { campaignId } = await params;
  const session = await currentSession();
  if (!session) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `/analytics?campaign=${encodeURIComponent(campaignId)}`);
    return NextResponse.redirect(login, 303);
  }
  if (!isUuid(campaignId)) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

  let upstream: Response;
  try {
    upstream = await fetch(`${dashboardConfig().gatewayUrl}/api/v1/analytics/campaign/${campaignId}/export.csv`, {
      headers: { authorization: `Bearer ${session.token}`, accept: 'text/csv' },
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    return new Response('The gateway cannot be reached; try again shortly.', { status: 502, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  // The token expired or was revoked: end the session the usual way.
  if (upstream.status === 401) {
    await upstream.body?.cancel();
    return NextResponse.redirect(new URL('/session-expired', request.url), 303);
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (!upstream.ok) {
    const message = await errorMessage(upstream);
    return new Response(message, { status: upstream.status >= 500 ? upstream.status : 502, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }

  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.has('content-type')) headers.set('content-type', 'text/csv; charset=utf-8');
  if (!headers.has('content-disposition')) headers.set('content-disposition', `attachment; filename="campaign-${campaignId}-analytics.csv"`);
  return new Response(upstream.body, { status: 200, headers });
}

/** The gateway's error message (JSON `message`), or a generic one. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  return `The export failed (the gateway answered ${response.status}).`;
}
