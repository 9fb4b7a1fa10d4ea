import type { ConnectRequest, ConnectionView, OAuthCallbackRequest, OAuthStartRequest, Platform } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { LoopbackServer } from './loopback-server';
import type { LoopbackAnswer, LoopbackRequest } from './loopback-server';

/** A token the fake "platform" refuses: the answer quotes it, as a careless platform error might. */
export const REJECTED_TOKEN = 'rejected-token-0123456789';
/** An OAuth code the fake "platform" refuses (quoted in the answer too). */
export const REFUSED_CODE = 'refused-code-0123456789';

interface StoredConnection extends ConnectionView {
  userId: string;
  accessToken?: string;
}

/**
 * posting-svc's internal connections API as documented (libs/contracts connections.ts), in memory: enough
 * to drive the gateway's platforms routes. Its answers also carry the stored `accessToken`, like a
 * careless internal API would: the gateway must never pass it on.
 */
export class FakePostingSvc {
  readonly requests: LoopbackRequest[] = [];
  private readonly connections = new Map<string, StoredConnection>();
  private readonly states = new Map<string, { userId: string; platform: Platform; timeZone?: string }>();
  readonly server = new LoopbackServer((request) => {
    this.requests.push(request);
    return this.route(request);
  });

  static async start(): Promise<FakePostingSvc> {
    const fake = new FakePostingSvc();
    await fake.server.start();
    return fake;
  }

  get url(): string {
    return this.server.url;
  }

  /** Adds a connection as if the user had connected it. */
  seed(userId: string, platform: Platform, extra: Partial<ConnectionView> = {}): ConnectionView {
    const connection = this.store(userId, { userId, platform, accountId: `${platform}-${randomUUID().slice(0, 8)}`, accessToken: `seeded-${randomUUID()}` });
    Object.assign(connection, extra);
    return publicView(connection);
  }

  private route({ method, path, query, body }: LoopbackRequest): LoopbackAnswer {
    const oauth = /^\/internal\/oauth\/([a-z]+)\/(start|callback)$/.exec(path);
    const one = /^\/internal\/connections\/([^/]+)$/.exec(path);
    if (method === 'POST' && path === '/internal/connections') return this.connect(body as ConnectRequest);
    if (method === 'GET' && path === '/internal/connections') {
      return { status: 200, body: [...this.connections.values()].filter((c) => c.userId === query.get('userId')).map(withToken) };
    }
    if (method === 'DELETE' && one) {
      const connection = this.connections.get(one[1]);
      if (!connection || connection.userId !== query.get('userId')) return { status: 404, body: { statusCode: 404, message: `connection ${one[1]} not found` } };
      this.connections.delete(one[1]);
      return { status: 204 };
    }
    if (method === 'POST' && oauth?.[2] === 'start') return this.oauthStart(oauth[1] as Platform, body as OAuthStartRequest);
    if (method === 'POST' && oauth?.[2] === 'callback') return this.oauthCallback(oauth[1] as Platform, body as OAuthCallbackRequest);
    return { status: 404, body: { statusCode: 404, message: `no route ${method} ${path}` } };
  }

  private connect(request: ConnectRequest): LoopbackAnswer {
    if (request.accessToken === REJECTED_TOKEN) {
      return { status: 400, body: { statusCode: 400, message: 'Validation failed', fields: { accessToken: `the platform rejected the token: ${REJECTED_TOKEN} is revoked` } } };
    }
    const accountId = request.accountId ?? `${request.platform}-${request.identifier ?? 'me'}`;
    const existing = [...this.connections.values()].find((c) => c.platform === request.platform && c.accountId === accountId);
    if (existing && existing.userId !== request.userId) return { status: 409, body: { statusCode: 409, message: `this ${request.platform} account is connected to another user` } };
    const connection = this.store(request.userId, { ...request, accountId }, existing);
    return { status: existing ? 200 : 201, body: withToken(connection) };
  }

  private oauthStart(platform: Platform, request: OAuthStartRequest): LoopbackAnswer {
    if (platform === 'facebook') return { status: 400, body: { statusCode: 400, message: 'facebook has no OAuth client configured: set FACEBOOK_CLIENT_ID and FACEBOOK_CLIENT_SECRET' } };
    const state = randomUUID();
    this.states.set(state, { userId: request.userId, platform, timeZone: request.timeZone });
    return { status: 200, body: { authorizeUrl: `https://${platform}.example/oauth/authorize?state=${state}`, state, expiresAt: new Date(Date.now() + 600_000).toISOString() } };
  }

  private oauthCallback(platform: Platform, request: OAuthCallbackRequest): LoopbackAnswer {
    const flow = this.states.get(request.state);
    if (!flow || flow.platform !== platform) return { status: 400, body: { statusCode: 400, message: 'unknown or expired OAuth state' } };
    if (request.code === REFUSED_CODE) return { status: 400, body: { statusCode: 400, message: `${platform} refused the authorization code ${REFUSED_CODE}` } };
    this.states.delete(request.state);
    const connection = this.store(flow.userId, { userId: flow.userId, platform, accountId: `${platform}-oauth`, accessToken: `oauth-${request.code}`, timeZone: flow.timeZone });
    return { status: 201, body: { ...withToken(connection), userId: flow.userId } };
  }

  private store(userId: string, request: ConnectRequest, existing?: StoredConnection): StoredConnection {
    const connection: StoredConnection = {
      id: existing?.id ?? randomUUID(),
      userId,
      platform: request.platform,
      accountId: request.accountId!,
      accountName: `@${request.identifier ?? request.accountId}`,
      status: 'active',
      connectedAt: new Date().toISOString(),
      blockedPosts: 0,
      accessToken: request.accessToken,
      ...(request.serverUrl ? { serverUrl: request.serverUrl } : {}),
      ...(request.expiresAt ? { expiresAt: request.expiresAt } : {}),
      ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    };
    this.connections.set(connection.id, connection);
    return connection;
  }
}

function withToken(connection: StoredConnection): ConnectionView & { accessToken?: string } {
  return { ...publicView(connection), accessToken: connection.accessToken };
}

function publicView(connection: StoredConnection): ConnectionView {
  const { userId: _userId, accessToken: _accessToken, ...view } = connection;
  return view;
}
