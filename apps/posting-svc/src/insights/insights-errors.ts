import type { InsightsErrorBody, InsightsErrorCode } from '@app/contracts';
import { PlatformError } from '@app/platforms';
import { HttpException } from '@nestjs/common';

const STATUS: Record<InsightsErrorCode, number> = {
  rate_limited: 429,
  reconnect_required: 409,
  not_found: 404,
  rejected: 502,
  unavailable: 503,
};

/** An insights API error in the contract's shape (`InsightsErrorBody`): the code tells analytics-svc what to do. */
export function insightsError(code: InsightsErrorCode, message: string, retryAt?: Date): HttpException {
  const body: InsightsErrorBody = { statusCode: STATUS[code], code, message, retryAt: retryAt?.toISOString() };
  return new HttpException(body, STATUS[code]);
}

/** Maps a platform read failure: `retry` waits (until the reset when known), `refresh` needs the user, `permanent` is refused. */
export function fromPlatformError(error: unknown): HttpException {
  if (!(error instanceof PlatformError)) return insightsError('unavailable', `internal error: ${(error as Error).message}`);
  if (error.kind === 'refresh') return insightsError('reconnect_required', error.message);
  if (error.kind === 'permanent') return insightsError('rejected', error.message);
  if (error.details.retryAt) return insightsError('rate_limited', error.message, error.details.retryAt);
  return insightsError('unavailable', error.message);
}
