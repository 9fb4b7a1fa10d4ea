import { SERVICE_CONFIG } from '@app/config';
import { INSIGHTS_ERROR_CODES } from '@app/contracts';
import type { InsightsErrorCode, InsightsHistoryRequest, InsightsHistoryResponse, InsightsMetricsRequest, InsightsMetricsResponse } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { AnalyticsConfig } from '../config/analytics.config';
import { propagationHeaders } from '@app/telemetry';

/** A read that did not succeed, with what to do about it (see `InsightsErrorBody`). */
export class InsightsReadError extends Error {
  constructor(
    readonly code: InsightsErrorCode,
    message: string,
    readonly retryAt?: Date,
  ) {
    super(message);
  }
}

/**
 * posting-svc's internal insights API (`POSTING_URL`): metrics of published posts and history pages of
 * connected accounts. A network failure, a timeout or an unexpected answer is `unavailable` (try later).
 */
@Injectable()
export class PostingInsightsClient {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig) {}

  metrics(request: InsightsMetricsRequest): Promise<InsightsMetricsResponse> {
    return this.post('/internal/insights/metrics', request);
  }

  history(request: InsightsHistoryRequest): Promise<InsightsHistoryResponse> {
    return this.post('/internal/insights/history', request);
  }

  private async post<T>(path: string, body: object): Promise<T> {
    let res: Response;
    let parsed: unknown;
    try {
      res = await fetch(`${this.config.postingUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...propagationHeaders() },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.postingTimeoutMs),
      });
      const text = await res.text();
      parsed = text ? JSON.parse(text) : undefined;
    } catch (error) {
      throw new InsightsReadError('unavailable', `posting-svc did not answer ${path}: ${(error as Error).message}`);
    }
    if (res.ok) return parsed as T;
    const error = (parsed ?? {}) as { code?: string; message?: unknown; retryAt?: string };
    const code = (INSIGHTS_ERROR_CODES as readonly string[]).includes(error.code ?? '') ? (error.code as InsightsErrorCode) : res.status === 400 ? 'rejected' : 'unavailable';
    const message = typeof error.message === 'string' ? error.message : `posting-svc answered ${res.status}`;
    throw new InsightsReadError(code, message, error.retryAt ? new Date(error.retryAt) : undefined);
  }
}
