import type { ConnectRequest, ConnectionView, OAuthCallbackRequest, OAuthStartRequest, OAuthStartResponse, Platform } from '@app/contracts';
import { BlueskySession, FacebookAdapter, InstagramAdapter, PlatformError, TokenGrant, createBlueskySession, createPkce, createState } from '@app/platforms';
import { queryRows } from '@app/database';
import { BadRequestException, ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformRegistry } from '../platforms/platform-registry';
import { PublicationsRepository } from '../publishing/publications.repository';
import { SERVICE_CONFIG } from '@app/config';
import type { PostingConfig } from '../config/posting.config';
import { AccountEvents } from './account-events';
import { ConnectionsRepository, NewConnection } from './connections.repository';
import { TokenCipher } from './token-cipher';

const STATE_TTL_MS = 10 * 60_000;

/** A 400 naming the field at fault, in the internal API's error shape. */
function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message: `${field}: ${message}`, fields: { [field]: message } });
}

/**
 * Connecting accounts: with tokens the client already holds (verified against the platform, which also
 * tells whose account it is), with a Bluesky app password (exchanged for a session, never stored), or
 * through the platform's OAuth 2.0 code flow with PKCE (the verifier is kept encrypted with the state for
 * ten minutes). Reconnecting an account replaces its tokens and resumes the posts it was blocking.
 */
@Injectable()
export class ConnectionsService {
  private readonly logger = new Logger(ConnectionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: ConnectionsRepository,
    private readonly publications: PublicationsRepository,
    private readonly registry: PlatformRegistry,
    @Inject(TokenCipher) private readonly cipher: TokenCipher,
    @Inject(SERVICE_CONFIG) private readonly config: PostingConfig,
    private readonly events: AccountEvents,
  ) {}

  async connect(request: ConnectRequest): Promise<{ view: ConnectionView; created: boolean }> {
    if (request.sandbox === true) return this.connectSandbox(request);
    if (request.platform === 'bluesky' && request.appPassword) {
      const { grant, serverUrl } = await this.blueskyGrant(request);
      return this.store(request.userId, 'bluesky', grant, { serverUrl, expectedAccountId: request.accountId, timeZone: request.timeZone });
    }
    return this.store(request.userId, request.platform, this.tokenGrant(request), { serverUrl: request.serverUrl, expectedAccountId: request.accountId, timeZone: request.timeZone });
  }

  async startOAuth(platform: Platform, request: OAuthStartRequest): Promise<OAuthStartResponse> {
    const adapter = this.registry.adapter(platform);
    if (!adapter.oauth) throw fieldError('platform', `${platform} has no OAuth flow; connect it with tokens${platform === 'bluesky' ? ' or an app password' : ''}`);
    const client = this.registry.client(platform);
    if (!client) throw fieldError('platform', `no OAuth client is configured for ${platform} (set ${platform.toUpperCase()}_CLIENT_ID and ${platform.toUpperCase()}_CLIENT_SECRET)`);
    if (platform === 'mastodon' && !request.serverUrl) throw fieldError('serverUrl', 'the Mastodon instance to connect to is required');
    const pkce = createPkce();
    const state = createState();
    const sealed = this.cipher.seal(pkce.verifier);
    const expiresAt = new Date(Date.now() + STATE_TTL_MS);
    await this.dataSource.query(`DELETE FROM "posting"."oauth_states" WHERE "expires_at" < now()`);
    await this.dataSource.query(
      `INSERT INTO "posting"."oauth_states" ("state", "user_id", "platform", "verifier_enc", "key_id", "server_url", "time_zone", "expires_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [state, request.userId, platform, sealed.ciphertext, sealed.keyId, request.serverUrl ?? null, request.timeZone ?? null, expiresAt],
    );
    const authorizeUrl = adapter.oauth.authorizeUrl(client, { state, codeChallenge: pkce.challenge, serverUrl: request.serverUrl });
    return { authorizeUrl, state, expiresAt: expiresAt.toISOString() };
  }

  async completeOAuth(platform: Platform, request: OAuthCallbackRequest): Promise<{ view: ConnectionView; created: boolean; userId: string }> {
    const [pending] = await queryRows<{ user_id: string; verifier_enc: string; key_id: string; server_url: string | null; time_zone: string | null }>(
      this.dataSource.manager,
      `DELETE FROM "posting"."oauth_states" WHERE "state" = $1 AND "platform" = $2 AND "expires_at" > now()
       RETURNING "user_id", "verifier_enc", "key_id", "server_url", "time_zone"`,
      [request.state, platform],
    );
    if (!pending) throw fieldError('state', 'unknown or expired OAuth state; start the connection again');
    const adapter = this.registry.adapter(platform);
    const client = this.registry.client(platform);
    if (!adapter.oauth || !client) throw fieldError('platform', `${platform} OAuth is not configured`);
    const codeVerifier = this.cipher.open({ ciphertext: pending.verifier_enc, keyId: pending.key_id });
    const serverUrl = pending.server_url ?? undefined;
    const grant = await adapter.oauth
      .exchangeCode({ http: this.registry.http(platform, 'oauth'), serverUrl }, client, { code: request.code, codeVerifier })
      .catch((error: Error) => {
        throw fieldError('code', `${platform} refused the authorization code: ${error.message}`);
      });
    const accounts = await this.accountsOf(platform, grant);
    if (accounts.length === 0) throw fieldError('code', `the ${platform} login has no account to publish to (a Page${platform === 'instagram' ? ' with an Instagram professional account' : ''} you manage)`);
    let first: { view: ConnectionView; created: boolean } | undefined;
    for (const account of accounts) {
      const stored = await this.store(pending.user_id, platform, account.grant, { serverUrl, expectedAccountId: account.accountId, timeZone: pending.time_zone ?? undefined });
      first ??= stored;
    }
    return { ...first!, userId: pending.user_id };
  }

  /**
   * What an OAuth grant connects. Facebook Login yields a user token: each Page the user manages becomes a
   * connection with its Page token, and each Instagram professional account linked to one of them a
   * connection acting with the (long-lived) user token. Elsewhere the grant is the account.
   */
  private async accountsOf(platform: Platform, grant: TokenGrant): Promise<Array<{ grant: TokenGrant; accountId?: string }>> {
    const call = { http: this.registry.http(platform, 'oauth'), credentials: { accountId: '', accessToken: grant.accessToken } };
    const adapter = this.registry.adapter(platform);
    if (adapter instanceof FacebookAdapter) {
      const pages = await adapter.listPages(call);
      return pages.map((page) => ({ grant: { accessToken: page.accessToken }, accountId: page.pageId }));
    }
    if (adapter instanceof InstagramAdapter) {
      const links = await adapter.listInstagramAccounts(call);
      return links.map((link) => ({ grant, accountId: link.igUserId }));
    }
    return [{ grant }];
  }

  async list(userId: string): Promise<ConnectionView[]> {
    return this.connections.list(userId);
  }

  async disconnect(userId: string, id: string): Promise<boolean> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const row = await this.connections.delete(userId, id, manager);
      if (row) await this.events.disconnected(manager, row);
      return row;
    });
    if (removed) this.events.flush();
    return removed !== null;
  }

  /**
   * A sandbox account: no tokens and no platform call. Its posts stay local and its audience is simulated
   * (seeded by the account id), so the analytics loop can be seen without any platform. Development only.
   */
  private async connectSandbox(request: ConnectRequest): Promise<{ view: ConnectionView; created: boolean }> {
    if (this.config.withoutConnection !== 'sandbox') {
      throw fieldError('sandbox', 'sandbox accounts are available only where posting-svc runs with PUBLISH_WITHOUT_CONNECTION=sandbox (development)');
    }
    const accountId = `sandbox-${request.platform}-${request.userId.slice(0, 8)}`;
    return this.persist({
      userId: request.userId,
      platform: request.platform,
      accountId,
      accountName: `Sandbox ${request.platform} audience`,
      grant: { accessToken: 'sandbox' },
      timeZone: request.timeZone,
      kind: 'sandbox',
    });
  }

  /** Stores the connection and announces it in one transaction. */
  private async persist(connection: NewConnection): Promise<{ view: ConnectionView; created: boolean }> {
    const { row, created } = await this.dataSource.transaction(async (manager) => {
      const stored = await this.connections.upsert(connection, manager);
      await this.events.connected(manager, stored.row, stored.created);
      return stored;
    });
    this.events.flush();
    if (!created) {
      const resumed = await this.publications.resumeBlocked(row.id);
      if (resumed > 0) this.logger.log(`connection ${row.id} reconnected: ${resumed} blocked post(s) resume`);
    }
    return { view: await this.connections.view(row), created };
  }

  private tokenGrant(request: ConnectRequest): TokenGrant {
    if (!request.accessToken) throw fieldError('accessToken', `an access token is required to connect ${request.platform}${request.platform === 'bluesky' ? ' (or identifier and appPassword)' : ''}`);
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : undefined;
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw fieldError('expiresAt', 'must be an ISO 8601 instant');
    return { accessToken: request.accessToken, refreshToken: request.refreshToken, expiresAt };
  }

  /** A Bluesky app password becomes a session (the password is not kept); the account's PDS comes from its DID document. */
  private async blueskyGrant(request: ConnectRequest): Promise<{ grant: TokenGrant; serverUrl?: string }> {
    if (!request.identifier) throw fieldError('identifier', 'the Bluesky handle or DID is required with an app password');
    const http = this.registry.http('bluesky', request.identifier);
    const session: BlueskySession = await createBlueskySession(request.serverUrl ? http.withBaseUrl(request.serverUrl) : http, request.identifier, request.appPassword!).catch((error: Error) => {
      throw fieldError('appPassword', `Bluesky refused the login: ${error.message}`);
    });
    return { grant: { accessToken: session.accessJwt, refreshToken: session.refreshJwt, expiresAt: session.expiresAt }, serverUrl: session.serverUrl ?? request.serverUrl };
  }

  private async store(
    userId: string,
    platform: Platform,
    grant: TokenGrant,
    options: { serverUrl?: string; expectedAccountId?: string; timeZone?: string },
  ): Promise<{ view: ConnectionView; created: boolean }> {
    const identity = await this.registry
      .adapter(platform)
      .identify({ http: this.registry.http(platform, options.expectedAccountId ?? 'connect'), credentials: { accountId: options.expectedAccountId ?? '', accessToken: grant.accessToken, serverUrl: options.serverUrl } })
      .catch((error: unknown) => {
        const reason = error instanceof PlatformError ? error.message : (error as Error).message;
        throw fieldError('accessToken', `the platform rejected the token: ${reason}`);
      });
    if (options.expectedAccountId && options.expectedAccountId !== identity.accountId) {
      throw fieldError('accountId', `the token belongs to account ${identity.accountId} (${identity.accountName}), not ${options.expectedAccountId}`);
    }
    if (await this.connections.ownedByAnotherUser(userId, platform, identity.accountId)) {
      throw new ConflictException({ statusCode: 409, message: `this ${platform} account is already connected by another user` });
    }
    return this.persist({ userId, platform, accountId: identity.accountId, accountName: identity.accountName, serverUrl: options.serverUrl, grant, timeZone: options.timeZone });
  }
}
