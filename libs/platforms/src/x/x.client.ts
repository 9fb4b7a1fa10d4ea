import type { HttpRequest, HttpResponse } from '../http/platform-http';
import type { CallContext } from '../platform-adapter';
import { xError, observeXRateLimit } from './x.errors';

/**
 * One authenticated X API call: bearer token, rate-limit headers observed on every answer (errors included),
 * non-2xx answers classified into a PlatformError. `what` completes "could not …" in messages.
 */
export async function xRequest(call: CallContext, request: HttpRequest, what: string): Promise<HttpResponse> {
  const response = await call.http.request({ ...request, headers: { authorization: `Bearer ${call.credentials.accessToken}`, ...request.headers } });
  observeXRateLimit(call.http, response);
  if (!response.ok) throw xError(response, what, request.commit === true);
  return response;
}

/** The web URL of a post; `i` stands in for the handle when the account's username is not known. */
export function xPostUrl(webUrl: string, accountName: string | undefined, id: string): string {
  const handle = accountName?.replace(/^@/, '').trim() || 'i';
  return `${webUrl.replace(/\/+$/, '')}/${encodeURIComponent(handle)}/status/${id}`;
}
