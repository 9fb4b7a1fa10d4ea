import type { NextRequest } from 'next/server';
import { proxyGatewayGet } from '@/server/gateway-proxy';

export const dynamic = 'force-dynamic';

/**
 * The gateway's live stream (GET /api/v1/events, Server-Sent Events) for the signed-in user, relayed so the
 * browser's EventSource needs no token. `?campaignId=` narrows it to one campaign; Last-Event-ID is passed on,
 * so a reconnect replays what was missed.
 */
export function GET(request: NextRequest): Promise<Response> {
  const campaignId = request.nextUrl.searchParams.get('campaignId');
  const query = campaignId ? `?campaignId=${encodeURIComponent(campaignId)}` : '';
  return proxyGatewayGet(`/api/v1/events${query}`, request, ['content-type', 'cache-control']).then((response) => {
    if (response.ok) response.headers.set('x-accel-buffering', 'no');
    return response;
  });
}
