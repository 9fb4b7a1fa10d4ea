import { parseInstant } from '../http/reset-signals';
import type { GraphList, MetaGraph } from '../meta/meta.graph';
import type { CallContext } from '../platform-adapter';
import { PlatformError } from '../platform-error';

interface PublishingLimit {
  quota_usage?: number;
  config?: { quota_total?: number; quota_duration?: number };
}

const DAY_SECONDS = 86_400;

/**
 * The rolling 24 h publishing quota (`../shared/reference/platform-apis.md` §4.7), read before publishing with
 * `GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config`. When it is used up the publish is a
 * `retry` at the instant the oldest publish of the window leaves it (see `nextPublishingSlot`).
 */
export async function checkPublishingQuota(graph: MetaGraph, call: CallContext): Promise<void> {
  const answer = await graph.get<GraphList<PublishingLimit>>(
    call.http,
    call.credentials.accessToken,
    `/${call.credentials.accountId}/content_publishing_limit`,
    { fields: 'quota_usage,config' },
    'check the daily publishing limit',
  );
  const limit = answer?.data?.[0];
  const total = limit?.config?.quota_total;
  const used = limit?.quota_usage ?? 0;
  if (total === undefined || used < total) return;
  const retryAt = await nextPublishingSlot(graph, call, limit?.config?.quota_duration ?? DAY_SECONDS);
  throw new PlatformError(
    'retry',
    `Instagram: the account has used its ${total} posts per 24 hours; publishing will be tried again after ${retryAt.toISOString()}`,
    { scope: 'account', retryAt, code: 'content_publishing_limit' },
  );
}

/**
 * When the next publish fits the rolling window. Meta does not say, so it is approximated: the oldest media
 * of the account created within the window (`/{ig-user-id}/media?fields=timestamp&since=…`) plus the window's
 * duration; if none is listed (stories and deleted media count too but are not in that list), a whole window
 * from now.
 */
export async function nextPublishingSlot(graph: MetaGraph, call: CallContext, durationSeconds = DAY_SECONDS, now = new Date()): Promise<Date> {
  const windowStart = now.getTime() - durationSeconds * 1000;
  const fallback = new Date(now.getTime() + durationSeconds * 1000);
  try {
    const list = await graph.get<GraphList<{ timestamp?: string }>>(
      call.http,
      call.credentials.accessToken,
      `/${call.credentials.accountId}/media`,
      { fields: 'id,timestamp', since: Math.floor(windowStart / 1000), limit: 100 },
      'read the recent posts',
    );
    const times = (list?.data ?? []).map((m) => parseInstant(m.timestamp)?.getTime()).filter((t): t is number => t !== undefined && t > windowStart);
    return times.length > 0 ? new Date(Math.min(...times) + durationSeconds * 1000) : fallback;
  } catch {
    return fallback;
  }
}
