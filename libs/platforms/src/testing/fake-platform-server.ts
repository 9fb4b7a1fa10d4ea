import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it, with the body decoded the way its content type says. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** JSON body (undefined unless the body is JSON). */
  json: any;
  /** Form fields of a urlencoded or multipart body (repeated keys keep every value). */
  form: Map<string, string[]>;
  /** Files of a multipart body, by field name. */
  files: Map<string, { type: string; size: number; bytes: Buffer }>;
  /** Path parameters of the matched route (`:id` segments). */
  params: Record<string, string>;
  receivedAt: number;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as text, a Buffer as bytes, anything else as JSON. */
  body?: unknown;
}

/**
 * A fault injected into the next request(s) matching a route. Without `dropAfterHandling` the fault replaces
 * the answer and the route's handler never runs (so nothing is created on the fake platform).
 */
export interface Fault extends FakeResponse {
  /** Wait before answering (a long delay makes the client's deadline expire). */
  delayMs?: number;
  /** Run the handler (the post is created), then cut the connection without answering: the unknown outcome. */
  dropAfterHandling?: boolean;
  /** Cut the connection before anything happens. */
  dropBeforeHandling?: boolean;
}

type Handler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

interface Injection {
  method?: string;
  path: RegExp;
  faults: Fault[];
}

/**
 * Base of the local fake platform servers: a route table with `:param` paths, per-route fault injection,
 * and a record of every request, on 127.0.0.1 with a random port. Subclasses register the platform's
 * routes and keep its state (posts, media, tokens) so the real adapters run against its wire protocol.
 */
export abstract class FakePlatformServer {
  readonly requests: FakeRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly injections: Injection[] = [];
  private server?: Server;
  private origin = '';

  /** Queues faults for the next requests whose method and path match, in order. */
  inject(method: string | undefined, path: string | RegExp, ...faults: Fault[]): this {
    this.injections.push({ method, path: typeof path === 'string' ? compile(path).pattern : path, faults: [...faults] });
    return this;
  }

  /** Requests whose method and path match (path as a route pattern or a regular expression). */
  requestsTo(method: string, path: string | RegExp): FakeRequest[] {
    const pattern = typeof path === 'string' ? compile(path).pattern : path;
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.origin;
  }

  get url(): string {
    if (!this.origin) throw new Error('fake platform server not started');
    return this.origin;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  protected route(method: string, path: string, handler: Handler): void {
    const { pattern, keys } = compile(path);
    this.routes.push({ method, pattern, keys, handler });
  }

  /** The platform's answer to a path no route serves. */
  protected notFound(request: FakeRequest): FakeResponse {
    return { status: 404, body: { error: `no route for ${request.method} ${request.path}` } };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = await decode(req, Buffer.concat(chunks));
    this.requests.push(request);
    const fault = this.takeFault(request);
    if (fault?.dropBeforeHandling) return void res.destroy();
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!this.server || res.destroyed) return;
    let response: FakeResponse;
    try {
      response = fault && !fault.dropAfterHandling ? fault : await this.dispatch(request);
    } catch (error) {
      response = { status: 500, body: { error: `fake server: ${(error as Error).message}` } };
    }
    if (fault?.dropAfterHandling) return void res.destroy();
    send(res, response);
  }

  private dispatch(request: FakeRequest): FakeResponse | Promise<FakeResponse> {
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const match = route.pattern.exec(request.path);
      if (!match) continue;
      request.params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1])]));
      return route.handler(request);
    }
    return this.notFound(request);
  }

  private takeFault(request: FakeRequest): Fault | undefined {
    const injection = this.injections.find((i) => (!i.method || i.method === request.method) && i.path.test(request.path) && i.faults.length > 0);
    return injection?.faults.shift();
  }
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), keys };
}

async function decode(req: IncomingMessage, raw: Buffer): Promise<FakeRequest> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const type = String(req.headers['content-type'] ?? '');
  const form = new Map<string, string[]>();
  const files = new Map<string, { type: string; size: number; bytes: Buffer }>();
  let json: unknown;
  if (type.includes('application/json')) {
    try {
      json = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
    } catch {
      json = undefined;
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) form.set(key, [...(form.get(key) ?? []), value]);
  } else if (type.includes('multipart/form-data')) {
    const data = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
    for (const [key, value] of data.entries()) {
      if (typeof value === 'string') form.set(key, [...(form.get(key) ?? []), value]);
      else files.set(key, { type: value.type, size: value.size, bytes: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, raw, json, form, files, params: {}, receivedAt: Date.now() };
}

function send(res: ServerResponse, response: FakeResponse): void {
  const { body } = response;
  const isBytes = Buffer.isBuffer(body);
  const text = isBytes ? body : typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const type = isBytes ? 'application/octet-stream' : typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(response.status ?? 200, { ...(body === undefined ? {} : { 'content-type': type }), ...response.headers });
  res.end(text);
}

/** First value of a form field. */
export function field(request: FakeRequest, name: string): string | undefined {
  return request.form.get(name)?.[0];
}

/** The bearer token of a request, or undefined. */
export function bearer(request: FakeRequest): string | undefined {
  const header = String(request.headers.authorization ?? '');
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** A numeric-looking string id above 2^53, as X, Meta and Mastodon use. */
export function snowflake(sequence: number): string {
  return (1_900_000_000_000_000_000n + BigInt(sequence)).toString();
}
