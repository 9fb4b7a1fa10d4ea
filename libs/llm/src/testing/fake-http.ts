import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer of a fake server. A string body is sent as is; anything else as JSON. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (to trigger client timeouts, or to model a slow model). */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  body: any;
  /** Date.now() when the request arrived. */
  receivedAt: number;
}

/**
 * A scriptable HTTP server on 127.0.0.1 (random port): each request takes the next queued reply, or the
 * subclass's default answer when the queue is empty; every request is recorded.
 */
export abstract class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  /** Delay added to default (unscripted) answers, e.g. 800 ms to model a real model's latency. */
  defaultDelayMs = 0;
  private readonly queue: FakeReply[] = [];
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private server?: Server;
  private origin = '';

  /** Queues replies, answered in order by the next requests. */
  enqueue(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Queues the same reply `times` times. */
  enqueueTimes(times: number, reply: FakeReply): this {
    for (let i = 0; i < times; i++) this.queue.push(reply);
    return this;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Starts listening; returns the origin such as `http://127.0.0.1:41234`. */
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
    if (!this.origin) throw new Error('fake server not started');
    return this.origin;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const [timer, release] of this.timers) {
      clearTimeout(timer);
      release();
    }
    this.timers.clear();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The answer when nothing is queued for this request. */
  protected abstract defaultReply(request: RecordedRequest): FakeReply;

  /** A reply for a request the protocol does not define (wrong path or method). */
  protected abstract notFound(request: RecordedRequest): FakeReply | undefined;

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    const request: RecordedRequest = { method: req.method ?? 'GET', url, path: url.split('?')[0], headers: req.headers, rawBody, body: parseJson(rawBody), receivedAt };
    this.requests.push(request);
    let reply: FakeReply;
    try {
      reply = this.notFound(request) ?? this.queue.shift() ?? { delayMs: this.defaultDelayMs, ...this.defaultReply(request) };
    } catch (error) {
      reply = { status: 500, body: { error: { code: 500, message: `fake server: ${(error as Error).message}`, status: 'INTERNAL' } } };
    }
    if (reply.delayMs) await this.wait(reply.delayMs);
    if (res.destroyed || !this.server) return;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    const type = typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers });
    res.end(body);
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.set(timer, resolve);
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
