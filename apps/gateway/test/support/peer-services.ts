import type { ConnectionView } from '@app/contracts';
import type { ServiceGroup } from '@app/launcher';
import { TcpProxy, TestDatabase, createTestDatabase, deleteNamespace, startSystem, uniqueNamespace } from '@app/testing';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The gateway's real peers for its HTTP integrations: posting-svc (connected accounts) and creative-svc
 * (images), started from the build as processes on a database and bus namespace of their own, their
 * platforms pointed at local fakes. posting-svc sits behind a TcpProxy so a test can take it down or make
 * it hang as the gateway sees it.
 */
export class PeerServices {
  private constructor(
    private readonly system: ServiceGroup,
    private readonly db: TestDatabase,
    private readonly namespace: string,
    private readonly proxy: TcpProxy,
    /** SQL on the peers' database (posting and creative schemas), for test set-up and checks. */
    readonly sql: Client,
  ) {}

  static async start(env: Record<string, string>): Promise<PeerServices> {
    const db = await createTestDatabase('gw_peers');
    const namespace = uniqueNamespace();
    const system = await startSystem({
      databaseUrl: db.url,
      namespace,
      logDir: path.resolve(__dirname, '../../../../test-artifacts/logs', namespace),
      only: ['posting-svc', 'creative-svc'],
      env: { TOKEN_ENCRYPTION_KEYS: `gw=${randomBytes(32).toString('base64')}`, ...env },
    });
    const proxy = new TcpProxy('127.0.0.1', system.ports['posting-svc']);
    await proxy.start();
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    return new PeerServices(system, db, namespace, proxy, sql);
  }

  /** posting-svc's internal API, as the gateway reaches it (through the proxy). */
  get postingUrl(): string {
    return `http://127.0.0.1:${this.proxy.port}`;
  }

  get creativeUrl(): string {
    return `http://127.0.0.1:${this.system.ports['creative-svc']}`;
  }

  /** Connects an account straight through posting-svc's internal API (test set-up). */
  async connect(body: Record<string, unknown>): Promise<ConnectionView> {
    const res = await fetch(`${this.postingUrl}/internal/connections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201 && res.status !== 200) throw new Error(`connect failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as ConnectionView;
  }

  /** Stores an image in creative-svc, as its image model would have. */
  async addImage(id: string, bytes: Buffer, mimeType = 'image/png'): Promise<void> {
    await this.sql.query(
      `INSERT INTO creative.images (id, campaign_id, post_id, mime_type, data, model) VALUES ($1, gen_random_uuid(), gen_random_uuid(), $2, $3, 'test')`,
      [id, mimeType, bytes],
    );
  }

  /** posting-svc refuses connections (down) until `postingUp`. */
  async postingDown(): Promise<void> {
    await this.proxy.stop();
  }

  async postingUp(): Promise<void> {
    await this.proxy.start();
  }

  /** posting-svc accepts connections and never answers, until `postingAnswers`. */
  postingHangs(): void {
    this.proxy.hold();
  }

  postingAnswers(): void {
    this.proxy.release();
  }

  async stop(): Promise<void> {
    await this.sql.end();
    await this.proxy.stop();
    await this.system.stop();
    await deleteNamespace(this.namespace, ['posting-svc', 'creative-svc']);
    await this.db.drop();
  }
}
