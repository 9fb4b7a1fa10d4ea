import { HttpStatus } from '@nestjs/common';
import { UpstreamException } from '../common/upstream.exception';
import { AnalyticsApiError } from './analytics.client';

/**
 * analytics-svc refusing a request the gateway already checked (a valid id the caller owns) is its fault,
 * not the caller's: a 502, with its answer in the log only. Other errors pass unchanged.
 */
export function asUpstreamError(error: unknown): unknown {
  if (!(error instanceof AnalyticsApiError)) return error;
  return new UpstreamException(HttpStatus.BAD_GATEWAY, 'The analytics service refused the request unexpectedly', `${error.status}: ${error.reason}`);
}
