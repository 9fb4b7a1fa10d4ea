import type { HttpRequest, HttpResponse, PlatformHttp } from '../http/platform-http';
import type { CallContext } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { blueskyError, observeBlueskyRateLimit } from './bluesky.errors';

export const POST_COLLECTION = 'app.bsky.feed.post';

/** A blob reference as `uploadBlob` returns it; it goes into the record unchanged. */
export interface BlobRef {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

/** A strong reference to a record (`com.atproto.repo.strongRef`). */
export interface StrongRef {
  uri: string;
  cid: string;
}

export interface PostRecord extends StrongRef {
  value: { text?: string; createdAt?: string };
}

/** The account's PDS: `credentials.serverUrl` when the connection carries one, else the configured base URL. */
export function pdsHttp(http: PlatformHttp, serverUrl: string | undefined): PlatformHttp {
  return serverUrl ? http.withBaseUrl(serverUrl) : http;
}

/**
 * XRPC calls of one account on its PDS (`/xrpc/<nsid>`): procedures are POST with JSON, queries GET with
 * parameters; the access JWT as Bearer; `RateLimit-*` observed on every answer; errors classified.
 */
export class BlueskyApi {
  private readonly http: PlatformHttp;

  constructor(private readonly call: CallContext) {
    this.http = pdsHttp(call.http, call.credentials.serverUrl);
  }

  procedure(nsid: string, json: unknown, what: string, commit = false): Promise<HttpResponse> {
    return this.send({ method: 'POST', url: `/xrpc/${nsid}`, json, commit }, what);
  }

  query(nsid: string, query: HttpRequest['query'], what: string): Promise<HttpResponse> {
    return this.send({ method: 'GET', url: `/xrpc/${nsid}`, query }, what);
  }

  /** A query whose parameters repeat (`uris=a&uris=b`), which the plain `query` record cannot express. */
  queryParams(nsid: string, params: URLSearchParams, what: string): Promise<HttpResponse> {
    return this.send({ method: 'GET', url: `/xrpc/${nsid}?${params.toString()}` }, what);
  }

  async uploadBlob(bytes: Buffer, mimeType: string): Promise<BlobRef> {
    const response = await this.send({ method: 'POST', url: '/xrpc/com.atproto.repo.uploadBlob', body: bytes, headers: { 'content-type': mimeType } }, 'image upload');
    const blob = (response.body as { blob?: BlobRef } | undefined)?.blob;
    if (!blob?.ref?.$link) throw new PlatformError('retry', 'Bluesky image upload: the answer has no blob reference');
    return blob;
  }

  /** A post of the repo by record key; undefined when the PDS answers `RecordNotFound`. */
  async getPost(repo: string, rkey: string): Promise<PostRecord | undefined> {
    try {
      const response = await this.query('com.atproto.repo.getRecord', { repo, collection: POST_COLLECTION, rkey }, 'read post');
      return response.body as PostRecord;
    } catch (error) {
      if (PlatformError.is(error) && error.details.code === 'RecordNotFound') return undefined;
      throw error;
    }
  }

  private async send(request: HttpRequest, what: string): Promise<HttpResponse> {
    const response = await this.http.request({ ...request, headers: { authorization: `Bearer ${this.call.credentials.accessToken}`, ...request.headers } });
    observeBlueskyRateLimit(this.http, response);
    if (!response.ok) throw blueskyError(response, what, request.commit === true);
    return response;
  }
}

/** `https://bsky.app/profile/<handle or did>/post/<rkey>`. */
export function blueskyPostUrl(actor: string, uri: string): string {
  return `https://bsky.app/profile/${actor}/post/${uri.split('/').at(-1)}`;
}
