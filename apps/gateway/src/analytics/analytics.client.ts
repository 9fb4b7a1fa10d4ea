import { SERVICE_CONFIG } from '@app/config';
import type { CampaignAnalyticsView, Platform, PostAnalyticsView, RecommendationsView } from '@app/contracts';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { UpstreamException } from '../common/upstream.exception';
import type { GatewayConfig } from '../config/gateway.config';
import { propagationHeaders } from '@app/telemetry';

/** analytics-svc refused a request (4xx): its status and message, for the use-case to translate. */
export class AnalyticsApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`analytics-svc answered ${status}: ${reason}`);
  }
}

const UNAVAILABLE = 'The analytics service is unavailable; try again shortly';

/**
 * analytics-svc's internal read API (`ANALYTICS_URL`, contract in @app/contracts analytics.ts). Every call
 * has a deadline (`ANALYTICS_TIMEOUT_MS`). A network failure or timeout is a 503 with a clear message, a
 * 5xx answer or a body of the wrong shape a 502, a 4xx an {@link AnalyticsApiError}. It does not check
 * ownership: the use-cases do, against the gateway's own read model, before calling.
 */
@Injectable()
export class AnalyticsClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  async campaign(campaignId: string): Promise<CampaignAnalyticsView> {
    const path = `/internal/analytics/campaigns/${encodeURIComponent(campaignId)}`;
    return expectShape<CampaignAnalyticsView>(await this.json(path), path, ['totals', 'platforms', 'posts', 'overTime']);
  }

  /** The campaign's readings as CSV, exactly as analytics-svc wrote it. */
  async campaignCsv(campaignId: string): Promise<string> {
    return this.get(`/internal/analytics/campaigns/${encodeURIComponent(campaignId)}/csv`, 'text/csv');
  }

  /** A 404 ({@link AnalyticsApiError}) when analytics-svc has no record of the post: it was not published. */
  async post(postId: string): Promise<PostAnalyticsView> {
    const path = `/internal/analytics/posts/${encodeURIComponent(postId)}`;
    return expectShape<PostAnalyticsView>(await this.json(path), path, ['metrics', 'series']);
  }

  async recommendations(userId: string, platforms: readonly Platform[]): Promise<RecommendationsView> {
    const path = `/internal/analytics/recommendations?userId=${encodeURIComponent(userId)}&platforms=${platforms.map(encodeURIComponent).join(',')}`;
    return expectShape<RecommendationsView>(await this.json(path), path, ['accounts', 'platformsWithoutModel']);
  }

  private async json(path: string): Promise<unknown> {
    const text = await this.get(path, 'application/json');
    try {
      return JSON.parse(text);
    } catch {
      throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The analytics service answered unexpectedly', `GET ${route(path)}: not JSON`);
    }
  }

  private async get(path: string, accept: string): Promise<string> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.config.analyticsUrl}${path}`, { headers: { accept, ...propagationHeaders() }, redirect: 'manual', signal: AbortSignal.timeout(this.config.analyticsTimeoutMs) });
      text = await res.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const message = timedOut ? `The analytics service did not answer within ${this.config.analyticsTimeoutMs} ms; try again shortly` : UNAVAILABLE;
      throw new UpstreamException(HttpStatus.SERVICE_UNAVAILABLE, message, `GET ${route(path)} at ${this.config.analyticsUrl}: ${describeFetchError(error)}`);
    }
    if (res.status >= 200 && res.status < 300) return text;
    if (res.status >= 400 && res.status < 500) throw new AnalyticsApiError(res.status, messageOf(text, res.status));
    throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The analytics service failed to handle the request; try again shortly', `GET ${route(path)} answered ${res.status}`);
  }
}

/** The path without its query (user ids stay out of the log). */
function route(path: string): string {
  return path.split('?')[0];
}

/** The fields the gateway relies on must be there; anything else is analytics-svc misbehaving: 502. */
function expectShape<T>(body: unknown, path: string, fields: readonly string[]): T {
  const missing = typeof body === 'object' && body !== null ? fields.filter((field) => !(field in body)) : fields;
  if (missing.length > 0) throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The analytics service answered unexpectedly', `GET ${route(path)}: missing ${missing.join(', ')}`);
  return body as T;
}

function messageOf(text: string, status: number): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (Array.isArray(body.message)) return body.message.map(String).join('; ');
  } catch {
    // not JSON: fall through
  }
  return `analytics-svc answered ${status}`;
}

function describeFetchError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause ? `: ${e.cause.code ?? e.cause.message ?? String(e.cause)}` : '';
  return `${e.message}${cause}`;
}
