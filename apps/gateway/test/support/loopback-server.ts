import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LoopbackRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface LoopbackAnswer {
  status: number;
  body?: unknown;
  contentType?: string;
}

/**
 * A tiny HTTP server on 127.0.0.1 standing in for another service's internal API. `stop()` refuses
 * connections from then on (ECONNREFUSED), `start()` listens again on the same port; `hang` leaves requests
 * unanswered (to see a caller's timeout).
 */
export class LoopbackServer {
  hang = false;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly handle: (request: LoopbackRequest) => LoopbackAnswer | Promise<LoopbackAnswer>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.serve(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.hang) return;
    const url = new URL(req.url ?? '/', 'http://loopback');
    const text = Buffer.concat(chunks).toString('utf8');
    const answer = await this.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: text ? JSON.parse(text) : undefined });
    if (answer.body === undefined) {
      res.writeHead(answer.status).end();
    } else if (Buffer.isBuffer(answer.body)) {
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/octet-stream' }).end(answer.body);
    } else {
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    }
  }
}
