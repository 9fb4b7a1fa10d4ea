import net from 'node:net';

/**
 * A loopback TCP proxy in front of a real server (the broker, a peer service), so a test can cut the
 * connection and refuse new ones (an outage as the client sees it), or accept and never answer (a hung
 * peer), and then restore it, without touching the server.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private holding = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => {
      if (this.holding) {
        // A server that accepts and never answers: the client's own deadline must fire.
        this.sockets.add(client);
        client.on('close', () => this.sockets.delete(client));
        client.on('error', () => client.destroy());
        return;
      }
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** From now on connections are accepted but never answered (open ones are dropped first); `release` ends it. */
  hold(): void {
    this.holding = true;
    for (const s of this.sockets) s.destroy();
  }

  release(): void {
    this.holding = false;
    for (const s of this.sockets) s.destroy();
  }

  /** Drops every open connection and stops accepting new ones. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
