import { PlatformError } from '../platform-error';

/** A rate-limit signal read off a response (X `x-rate-limit-*`, Mastodon `X-RateLimit-*`, Bluesky `RateLimit-*`, …). */
export interface RateLimitObservation {
  scope: 'account' | 'app';
  limit?: number;
  remaining?: number;
  /** When the window resets (UTC instant). */
  resetAt?: Date;
}

export interface PlatformHttpOptions {
  /** Base URL relative paths resolve against, without a trailing slash (e.g. `https://api.x.com`). */
  baseUrl: string;
  /** Per-request deadline; a commit call that hits it is an unknown outcome. */
  timeoutMs: number;
  /** Receives every rate-limit signal an adapter reads, so limits are honoured across accounts and replicas. */
  onRateLimit?: (observation: RateLimitObservation) => void;
  userAgent?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** An absolute URL, or a path resolved against the base URL. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** One of: a JSON body, a form-urlencoded body (arrays repeat the key), a multipart body, raw bytes. */
  json?: unknown;
  form?: Record<string, string | string[] | undefined>;
  multipart?: FormData;
  body?: Buffer;
  /**
   * This call makes the post public (X `POST /2/tweets`, Mastodon `POST /api/v1/statuses`, …): losing its
   * answer after sending is an `unknown` outcome instead of a retry.
   */
  commit?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: any;
  ok: boolean;
}

/** Network errors that prove the request never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * The one HTTP client every adapter uses: fetch with a deadline, body encodings, and transport failures
 * classified into PlatformErrors. HTTP error statuses are returned, not thrown: only the adapter knows what
 * a platform's 400 or 403 means.
 */
export class PlatformHttp {
  constructor(readonly options: PlatformHttpOptions) {}

  /** The same client against another base URL (a Bluesky PDS, a Mastodon instance). */
  withBaseUrl(baseUrl: string): PlatformHttp {
    return new PlatformHttp({ ...this.options, baseUrl: baseUrl.replace(/\/+$/, '') });
  }

  observeRateLimit(observation: RateLimitObservation): void {
    this.options.onRateLimit?.(observation);
  }

  resolve(url: string, query?: HttpRequest['query']): URL {
    const resolved = /^https?:\/\//.test(url) ? new URL(url) : new URL(this.options.baseUrl.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`));
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) resolved.searchParams.set(key, String(value));
    return resolved;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const url = this.resolve(request.url, request.query);
    const headers: Record<string, string> = { accept: 'application/json', ...(this.options.userAgent ? { 'user-agent': this.options.userAgent } : {}), ...request.headers };
    let body: RequestInit['body'];
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = encodeForm(request.form);
    } else if (request.multipart) {
      body = request.multipart;
    } else if (request.body) {
      body = new Uint8Array(request.body);
    }
    const label = `${request.method} ${url.host}${url.pathname}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: request.method, headers, body, signal: AbortSignal.timeout(request.timeoutMs ?? this.options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      throw transportError(error as Error, label, request.commit === true);
    }
    return { status: response.status, headers: response.headers, text, body: parseJson(text), ok: response.ok };
  }
}

function transportError(error: Error, label: string, commit: boolean): PlatformError {
  const code = (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
  if (code && NOT_SENT.has(code)) return new PlatformError('retry', `${label}: could not connect (${code})`);
  const what = error.name === 'TimeoutError' || error.name === 'AbortError' ? 'no answer before the deadline' : `connection lost (${code ?? error.message})`;
  return commit
    ? new PlatformError('unknown', `${label}: ${what} after the request was sent; the post may exist`)
    : new PlatformError('retry', `${label}: ${what}`);
}

export function encodeForm(form: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
