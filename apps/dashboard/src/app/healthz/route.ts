/** Liveness and readiness of the dashboard's own server (it holds no state; the gateway has its own probes). */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' });
}
