import { freePort } from '@app/launcher';
import type { ServiceGroup } from '@app/launcher';
import { TcpProxy, createTestDatabase, deleteNamespace, startSystem } from '@app/testing';
import type { TestDatabase } from '@app/testing';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Where the gateway will reach posting-svc and analytics-svc: loopback ports reserved before they start. */
export interface PeerAddresses {
  postingPort: number;
  analyticsPort: number;
}

/** Short collection offsets and timings, so a post is measured twice and a model refit within seconds. */
const ANALYTICS_ENV = {
  ANALYTICS_COLLECT_AT: '1s,3s',
  ANALYTICS_TICK_MS: '200',
  ANALYTICS_MATURE_AFTER: '1s',
  ANALYTICS_OPTIMIZE_DEBOUNCE: '1s',
};
const PEERS = ['scheduler-svc', 'posting-svc', 'analytics-svc'] as const;
const RETRY_DELAYS_MS = [200, 500];

/**
 * The publishing and analytics loop behind the gateway, as real processes from the build: scheduler-svc
 * (arms requested posts), posting-svc (publishes them: to sandbox accounts, which need no platform, or to
 * local fake platforms) and analytics-svc (measures them, imports account history, fits the models). They join the gateway's bus
 * namespace, so a post the gateway requests really goes out and is measured. posting-svc and analytics-svc
 * sit behind TcpProxies on ports the gateway is configured with before they start (see `reserve`), so a
 * test can take analytics-svc down or make it hang as the gateway sees it.
 */
export class AnalyticsPeers {
  private constructor(
    private readonly system: ServiceGroup,
    private readonly db: TestDatabase,
    private readonly namespace: string,
    private readonly postingProxy: TcpProxy,
    private readonly analyticsProxy: TcpProxy,
  ) {}

  /** Reserves the proxies' ports, so the gateway can be started (on its namespace) before its peers. */
  static async reserve(): Promise<PeerAddresses> {
    return { postingPort: await freePort(), analyticsPort: await freePort() };
  }

  /** The gateway environment that points at the reserved addresses. */
  static gatewayEnv(addresses: PeerAddresses): Record<string, string> {
    return { POSTING_URL: `http://127.0.0.1:${addresses.postingPort}`, ANALYTICS_URL: `http://127.0.0.1:${addresses.analyticsPort}` };
  }

  /** Starts the peers on the gateway's bus namespace and opens the proxies on the reserved ports; `env`: e.g. fake platforms' URLs. */
  static async start(namespace: string, addresses: PeerAddresses, env: Record<string, string> = {}): Promise<AnalyticsPeers> {
    const db = await createTestDatabase('gw_analytics');
    let system: ServiceGroup | undefined;
    try {
      system = await startSystem({
        databaseUrl: db.url,
        namespace,
        logDir: path.resolve(__dirname, '../../../../test-artifacts/logs', namespace),
        only: [...PEERS],
        env: {
          TOKEN_ENCRYPTION_KEYS: `gw=${randomBytes(32).toString('base64')}`,
          PUBLISH_WITHOUT_CONNECTION: 'sandbox',
          BUS_RETRY_DELAYS_MS: RETRY_DELAYS_MS.join(','),
          ...ANALYTICS_ENV,
          ...env,
        },
      });
      const postingProxy = new TcpProxy('127.0.0.1', system.ports['posting-svc']);
      postingProxy.port = addresses.postingPort;
      await postingProxy.start();
      const analyticsProxy = new TcpProxy('127.0.0.1', system.ports['analytics-svc']);
      analyticsProxy.port = addresses.analyticsPort;
      await analyticsProxy.start();
      return new AnalyticsPeers(system, db, namespace, postingProxy, analyticsProxy);
    } catch (error) {
      await system?.stop();
      await db.drop();
      throw error;
    }
  }

  /** analytics-svc refuses connections (down) until `analyticsUp`. */
  async analyticsDown(): Promise<void> {
    await this.analyticsProxy.stop();
  }

  async analyticsUp(): Promise<void> {
    await this.analyticsProxy.start();
  }

  /** analytics-svc accepts connections and never answers, until `analyticsAnswers`. */
  analyticsHangs(): void {
    this.analyticsProxy.hold();
  }

  analyticsAnswers(): void {
    this.analyticsProxy.release();
  }

  /** Stops the peers and deletes their queues (the gateway harness deletes its own and the exchanges). */
  async stop(): Promise<void> {
    await this.analyticsProxy.stop();
    await this.postingProxy.stop();
    await this.system.stop();
    await deleteNamespace(this.namespace, [...PEERS], RETRY_DELAYS_MS);
    await this.db.drop();
  }
}
