import type { HttpRequest, HttpResponse, PlatformHttp } from '../http/platform-http';
import { PlatformError } from '../platform-error';
import { metaError, type MetaErrorProfile } from './meta.errors';
import { observeMetaUsage } from './meta.usage';

/** A Graph list answer: `{ data, paging: { cursors: { before, after }, next?, previous? } }`. */
export interface GraphList<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

/**
 * The Graph API calls of one Meta platform: the token travels as the `access_token` parameter (as in every
 * Graph example), usage headers are observed on every answer, and failures are classified with the platform's
 * profile. An answer carrying an `error` object is a failure even with a 2xx status.
 */
export class MetaGraph {
  constructor(readonly profile: MetaErrorProfile) {}

  /** `token` undefined for the calls that carry none (the OAuth code exchange). */
  async request(http: PlatformHttp, token: string | undefined, request: HttpRequest, what: string): Promise<HttpResponse> {
    const response = await http.request({ ...request, query: token === undefined ? request.query : { ...request.query, access_token: token } });
    // One clock reading per answer, so the observed reset and the error's retryAt are the same instant.
    const now = new Date();
    observeMetaUsage(http, response, now);
    if (!response.ok || (response.body as { error?: unknown } | undefined)?.error) {
      throw metaError(response, this.profile, { what, commit: request.commit, now });
    }
    return response;
  }

  async get<T>(http: PlatformHttp, token: string | undefined, path: string, query: HttpRequest['query'], what: string): Promise<T> {
    return (await this.request(http, token, { method: 'GET', url: path, query }, what)).body as T;
  }

  /**
   * Like `get`, for a node that may be gone: the Graph's "Object with ID … does not exist" (code 100, subcode 33,
   * what a deleted post answers) is undefined instead of an error, so one deleted post does not fail a batch.
   */
  async getIfExists<T>(http: PlatformHttp, token: string, path: string, query: HttpRequest['query'], what: string): Promise<T | undefined> {
    try {
      return await this.get<T>(http, token, path, query, what);
    } catch (error) {
      if (PlatformError.is(error) && error.details.code === MISSING_NODE) return undefined;
      throw error;
    }
  }

  /**
   * Reads a list, following `paging.next` for at most `maxPages` pages. `complete` says whether the list
   * ended (no `next` left); a page may be empty and still have a `next` (§3.7), so only its absence ends it.
   */
  async list<T>(http: PlatformHttp, token: string, path: string, query: HttpRequest['query'], what: string, maxPages = 3): Promise<{ items: T[]; complete: boolean }> {
    const items: T[] = [];
    let page = await this.get<GraphList<T>>(http, token, path, query, what);
    for (let n = 1; ; n++) {
      items.push(...(page.data ?? []));
      const next = page.paging?.next;
      if (!next) return { items, complete: true };
      if (n >= maxPages) return { items, complete: false };
      // `next` is an absolute URL that already carries every parameter (the token included).
      page = (await this.request(http, token, { method: 'GET', url: rebase(http, next) }, what)).body as GraphList<T>;
    }
  }
}

/** `code/subcode` of "Unsupported get request. Object with ID '…' does not exist" (§3.9). */
const MISSING_NODE = '100/33';

/**
 * `paging.next` names Meta's public host; a client configured against another base (a proxy, a fake) keeps
 * its own origin and version prefix and takes only the path after the version and the query from it.
 */
function rebase(http: PlatformHttp, next: string): string {
  const url = new URL(next);
  const base = new URL(http.options.baseUrl);
  if (url.origin === base.origin) return next;
  const rest = url.pathname.replace(/^\/v\d+\.\d+/, '');
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}${rest}${url.search}`;
}

