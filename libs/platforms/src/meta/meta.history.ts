import type { HttpRequest } from '../http/platform-http';
import type { CallContext, HistoryQuery } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import type { GraphList, MetaGraph } from './meta.graph';

/** One page of an account's own list, cut at `since`. */
export interface GraphHistoryPage<T> {
  /** Items at or after `since`, newest first. */
  items: Array<{ item: T; at: Date }>;
  nextCursor?: string;
}

export interface GraphHistoryRequest<T> {
  /** The list edge (`/{page-id}/published_posts`, `/{ig-user-id}/media`). */
  path: string;
  /** The first page's parameters (fields, limit, since); later pages take theirs from `paging.next`. */
  firstQuery: Record<string, string | number>;
  /** When an item was published; items without a readable time are left out. */
  timeOf(item: T): Date | undefined;
  what: string;
}

/**
 * Reads one page of a Graph list for `history` (§3.7, §4.6). The cursor carries the parameters of the previous
 * answer's `paging.next` (cursor or time based, whichever the Graph used), never the token; the Graph says not
 * to keep cursors for long, and the caller only uses one to read the next page of the same run. A page may be
 * empty and still have a `next`; the list ends when `next` disappears or a page reaches items older than
 * `since` (items are filtered one by one, as the lists are ranked rather than strictly chronological).
 */
export async function graphHistoryPage<T>(graph: MetaGraph, call: CallContext, query: HistoryQuery, request: GraphHistoryRequest<T>): Promise<GraphHistoryPage<T>> {
  const params: HttpRequest['query'] = query.cursor ? decodeGraphCursor(query.cursor) : request.firstQuery;
  const page = await graph.get<GraphList<T>>(call.http, call.credentials.accessToken, request.path, params, request.what);
  const dated = (page?.data ?? []).map((item) => ({ item, at: request.timeOf(item) })).filter((d): d is { item: T; at: Date } => d.at !== undefined);
  const items = dated.filter((d) => d.at.getTime() >= query.since.getTime()).sort((a, b) => b.at.getTime() - a.at.getTime());
  const reachedOlder = dated.some((d) => d.at.getTime() < query.since.getTime());
  const next = page?.paging?.next;
  return { items, nextCursor: next && !reachedOlder ? encodeGraphCursor(next) : undefined };
}

/** The parameters of a `paging.next` URL, without the token, as an opaque string. */
export function encodeGraphCursor(next: string): string {
  const params = Object.fromEntries([...new URL(next).searchParams].filter(([key]) => key !== 'access_token'));
  return Buffer.from(JSON.stringify(params)).toString('base64url');
}

export function decodeGraphCursor(cursor: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')) return parsed as Record<string, string>;
  } catch {
    // falls through to the error below
  }
  throw new PlatformError('permanent', 'the history cursor is not one this adapter issued; start the import again without a cursor');
}

/** The history page size: the caller's, at most the platform's maximum. */
export function pageSize(limit: number | undefined, fallback: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));
}
