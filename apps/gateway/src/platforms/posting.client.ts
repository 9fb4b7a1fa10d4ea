import { SERVICE_CONFIG } from '@app/config';
import type { ConnectRequest, ConnectionView, InternalApiError, OAuthCallbackRequest, OAuthStartRequest, OAuthStartResponse, Platform } from '@app/contracts';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway.config';
import { UpstreamException } from '../common/upstream.exception';
import { propagationHeaders } from '@app/telemetry';

/** posting-svc refused a request (4xx): its status and InternalApiError body, for the caller to translate. */
export class PostingApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: InternalApiError,
  ) {
    super(`posting-svc answered ${status}: ${body.message}`);
  }
}

export interface PostingAnswer<T> {
  status: number;
  body: T;
}

const UNAVAILABLE = 'The posting service (connected accounts) is unavailable; try again shortly';

/**
 * posting-svc's internal HTTP API for connected accounts and OAuth (`POSTING_URL`, contract in
 * @app/contracts connections.ts). Every call has a deadline (`POSTING_TIMEOUT_MS`). A network failure or
 * timeout is a 503 with a clear message, a 5xx answer a 502, a 4xx a {@link PostingApiError}. Request bodies
 * carry tokens: they are never logged, and nothing here puts them in an error.
 */
@Injectable()
export class PostingClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  connect(request: ConnectRequest): Promise<PostingAnswer<ConnectionView>> {
    return this.call('POST', '/internal/connections', request);
  }

  async list(userId: string): Promise<ConnectionView[]> {
    const { body } = await this.call<ConnectionView[]>('GET', `/internal/connections?userId=${encodeURIComponent(userId)}`);
    if (!Array.isArray(body)) throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The posting service answered unexpectedly', 'GET /internal/connections: not a list');
    return body;
  }

  async remove(userId: string, connectionId: string): Promise<void> {
    await this.call('DELETE', `/internal/connections/${encodeURIComponent(connectionId)}?userId=${encodeURIComponent(userId)}`);
  }

  async oauthStart(platform: Platform, request: OAuthStartRequest): Promise<OAuthStartResponse> {
    return (await this.call<OAuthStartResponse>('POST', `/internal/oauth/${platform}/start`, request)).body;
  }

  oauthCallback(platform: Platform, request: OAuthCallbackRequest): Promise<PostingAnswer<ConnectionView & { userId?: string }>> {
    return this.call('POST', `/internal/oauth/${platform}/callback`, request);
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<PostingAnswer<T>> {
    const route = `${method} ${path.split('?')[0]}`;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.config.postingUrl}${path}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), accept: 'application/json', ...propagationHeaders() },
        body: body ? JSON.stringify(body) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.postingTimeoutMs),
      });
      text = await res.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const message = timedOut ? `The posting service (connected accounts) did not answer within ${this.config.postingTimeoutMs} ms; try again shortly` : UNAVAILABLE;
      throw new UpstreamException(HttpStatus.SERVICE_UNAVAILABLE, message, `${route} at ${this.config.postingUrl}: ${describeFetchError(error)}`);
    }
    const parsed = parseJson(text);
    if (res.status >= 200 && res.status < 300) return { status: res.status, body: parsed as T };
    if (res.status >= 400 && res.status < 500) throw new PostingApiError(res.status, toApiError(res.status, parsed));
    throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The posting service failed to handle the request; try again shortly', `${route} answered ${res.status}`);
  }
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): InternalApiError {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof raw.message === 'string' ? raw.message : Array.isArray(raw.message) ? raw.message.map(String).join('; ') : `posting-svc answered ${status}`;
  const error: InternalApiError = { statusCode: status, message };
  if (typeof raw.fields === 'object' && raw.fields !== null && !Array.isArray(raw.fields)) {
    error.fields = Object.fromEntries(Object.entries(raw.fields as Record<string, unknown>).map(([field, problem]) => [field, String(problem)]));
  }
  return error;
}

function describeFetchError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause ? `: ${e.cause.code ?? e.cause.message ?? String(e.cause)}` : '';
  return `${e.message}${cause}`;
}
