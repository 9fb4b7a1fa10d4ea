import { cleanMetrics, type MediaType, type PostMetrics } from '@app/contracts';
import type { HttpRequest, HttpResponse } from '../http/platform-http';
import { parseInstant } from '../http/reset-signals';
import type { CallContext, HistoricalPost, HistoryPage, HistoryQuery, InsightsApi } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { decodeEntities } from '../text-match';
import { mastodonError, observeMastodonRateLimit } from './mastodon.errors';

/** The parts of a Status entity (§8.2) read here. */
interface Status {
  id: string;
  created_at: string;
  url?: string | null;
  uri?: string;
  content?: string;
  in_reply_to_id?: string | null;
  reblog?: unknown;
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  quotes_count?: number;
  media_attachments?: Array<{ type?: string }>;
  card?: { url?: string } | null;
}

/** `GET /api/v1/accounts/:id/statuses` returns at most 40 statuses a page. */
const PAGE_MAX = 40;

/**
 * Reads Mastodon status counts (§8.5, §8.7) on the account's instance: one `GET /api/v1/statuses/:id` per post
 * (Mastodon has no batch read; a 404 means the status is gone), and the account's statuses without boosts and
 * replies, paged by the `max_id` of the `Link: rel="next"` header. Mastodon has no impressions, reach, saves
 * or clicks.
 */
export class MastodonInsights implements InsightsApi {
  async metrics(call: CallContext, platformPostIds: string[]): Promise<Map<string, PostMetrics>> {
    const result = new Map<string, PostMetrics>();
    for (const id of new Set(platformPostIds)) {
      try {
        const response = await read(call, { method: 'GET', url: `/api/v1/statuses/${encodeURIComponent(id)}` }, 'read status');
        result.set(id, mastodonMetrics(response.body as Status));
      } catch (error) {
        // Deleted (or no longer visible to the account): leave it out, the rest of the batch still counts.
        if (PlatformError.is(error, 'permanent') && error.details.status === 404) continue;
        throw error;
      }
    }
    return result;
  }

  async history(call: CallContext, query: HistoryQuery): Promise<HistoryPage> {
    const response = await read(
      call,
      {
        method: 'GET',
        url: `/api/v1/accounts/${encodeURIComponent(call.credentials.accountId)}/statuses`,
        query: { limit: Math.min(PAGE_MAX, Math.max(1, query.limit ?? PAGE_MAX)), exclude_reblogs: true, exclude_replies: true, max_id: query.cursor },
      },
      "read the account's statuses",
    );
    const statuses = Array.isArray(response.body) ? (response.body as Status[]) : [];
    const since = query.since.getTime();
    const dated = statuses.map((status) => ({ status, publishedAt: parseInstant(status.created_at) }));
    // exclude_replies keeps the account's replies to itself (later thread parts); those are replies too.
    const posts = dated
      .filter(({ status, publishedAt }) => !status.reblog && !status.in_reply_to_id && publishedAt && publishedAt.getTime() >= since)
      .map(({ status, publishedAt }): HistoricalPost => ({
        platformPostId: status.id,
        text: htmlToText(status.content ?? ''),
        publishedAt: publishedAt!,
        url: status.url ?? status.uri,
        mediaType: mediaTypeOf(status),
        metrics: mastodonMetrics(status),
      }));
    const reachedOlder = dated.some(({ publishedAt }) => publishedAt && publishedAt.getTime() < since);
    const next = nextMaxId(response.headers.get('link'));
    return { posts, ...(next && !reachedOlder ? { nextCursor: next } : {}) };
  }
}

/**
 * Mastodon's counts in the common model (§9.1). `quotes_count` (Mastodon 4.5+) is folded into `shares` with
 * `reblogs_count`: a quote is a boost with a comment, and the model has no separate quotes metric.
 */
export function mastodonMetrics(status: Status): PostMetrics {
  const shares = status.reblogs_count === undefined && status.quotes_count === undefined ? undefined : (status.reblogs_count ?? 0) + (status.quotes_count ?? 0);
  return cleanMetrics({ likes: status.favourites_count, comments: status.replies_count, shares });
}

/** Video or GIF → video; several images → carousel; one → image; a link preview card → link. */
function mediaTypeOf(status: Status): MediaType {
  const types = (status.media_attachments ?? []).map((m) => m.type);
  if (types.some((t) => t === 'video' || t === 'gifv')) return 'video';
  const images = types.filter((t) => t === 'image').length;
  if (images > 1) return 'carousel';
  if (images === 1) return 'image';
  return status.card?.url ? 'link' : 'text';
}

/** The `max_id` of the `rel="next"` link, or undefined on the last page. */
export function nextMaxId(link: string | null): string | undefined {
  const next = link?.split(',').find((part) => /rel="?next"?/.test(part));
  const url = next && /<([^>]+)>/.exec(next)?.[1];
  if (!url) return undefined;
  try {
    return new URL(url).searchParams.get('max_id') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The plain text of a status's HTML `content`: paragraphs and line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  const plain = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(plain).trim();
}

/** One authenticated read on the account's instance; rate-limit headers observed, errors classified. */
async function read(call: CallContext, request: HttpRequest, what: string): Promise<HttpResponse> {
  const http = call.credentials.serverUrl ? call.http.withBaseUrl(call.credentials.serverUrl) : call.http;
  const response = await http.request({ ...request, headers: { authorization: `Bearer ${call.credentials.accessToken}`, ...request.headers } });
  observeMastodonRateLimit(call.http, response);
  if (!response.ok) throw mastodonError(response, what);
  return response;
}
