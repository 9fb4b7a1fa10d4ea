import type { HttpRequest, HttpResponse } from '../http/platform-http';
import type { CallContext } from '../platform-adapter';
import { linkedinError } from './linkedin.errors';

/** Encodes a URN for a path segment (`urn%3Ali%3Ashare%3A123`), as LinkedIn requires (§6.1). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn);
}

/** The author URN of a connection: its accountId when already a URN (person or organization), else a person id. */
export function authorUrn(accountId: string): string {
  return accountId.startsWith('urn:li:') ? accountId : `urn:li:person:${accountId}`;
}

/** `https://www.linkedin.com/feed/update/<urn>/`. */
export function linkedinPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/**
 * The calls of one account: `/rest` calls carry the Bearer token, `LinkedIn-Version` and
 * `X-Restli-Protocol-Version: 2.0.0`; errors come back classified. LinkedIn sends no rate-limit headers, so
 * there is nothing to observe on success; a 429 carries its UTC-midnight reset in the thrown error.
 */
export class LinkedInApi {
  constructor(
    private readonly call: CallContext,
    private readonly version: string,
  ) {}

  async rest(request: HttpRequest, what: string): Promise<HttpResponse> {
    const headers = { 'linkedin-version': this.version, 'x-restli-protocol-version': '2.0.0', ...request.headers };
    return this.send({ ...request, headers }, what);
  }

  /** Unversioned `/v2` calls (`/v2/userinfo`) and the upload URLs: Bearer only. */
  async plain(request: HttpRequest, what: string): Promise<HttpResponse> {
    return this.send(request, what);
  }

  private async send(request: HttpRequest, what: string): Promise<HttpResponse> {
    const response = await this.call.http.request({ ...request, headers: { authorization: `Bearer ${this.call.credentials.accessToken}`, ...request.headers } });
    if (response.ok) return response;
    const error = linkedinError(response, what, request.commit === true);
    // The only rate-limit signal LinkedIn gives: a 429, whose window ends at 00:00 UTC (or after a back-off).
    if (response.status === 429) this.call.http.observeRateLimit({ scope: 'account', remaining: 0, resetAt: error.details.retryAt });
    throw error;
  }
}
