import type { NextRequest } from 'next/server';
import { isUuid } from '@/lib/ids';
import { proxyGatewayGet } from '@/server/gateway-proxy';

export const dynamic = 'force-dynamic';



/** A post's generated image (GET /api/v1/posts/{id}/image), for <img> tags that cannot send a bearer token. */
export function GET(request: NextRequest, { params }: { params: Promise<{ postId: string }> }): Promise<Response> {
  return params.then(({ postId }) =>
    isUuid(postId)
      ? proxyGatewayGet(`/api/v1/posts/${postId}/image`, request, ['content-type', 'cache-control', 'etag'])
      : new Response('Not found', { status: 404 }),
  );
}
