import type { Platform } from './platforms';

/**
 * posting-svc's internal HTTP API for connected accounts (it owns `posting.platform_connections` and the
 * tokens); the gateway exposes it to users as `/api/v1/platforms`. Tokens go in, never come out.
 */
export const CONNECTION_STATUSES = ['active', 'reconnect_required'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export interface ConnectionView {
  id: string;
  platform: Platform;
  accountId: string;
  accountName: string;
  /** The account's server (Bluesky PDS, Mastodon instance), when it has its own. */
  serverUrl?: string;
  status: ConnectionStatus;
  /** Why the user must reconnect, when `reconnect_required`. */
  statusReason?: string;
  /** When the access token expires (ISO 8601); absent for tokens that do not expire. */
  expiresAt?: string;
  scopes?: string;
  /** IANA time zone of the account's audience, used by the Scheduler and the optimizer. */
  timeZone?: string;
  connectedAt: string;
  /** Posts currently held because this connection needs a reconnect. */
  blockedPosts: number;
  /** `sandbox`: a simulated account (development only): posts stay local, metrics come from the audience simulator. */
  kind: 'platform' | 'sandbox';
}

/** `POST /internal/connections`: connect with tokens the client already has (or a Bluesky app password). */
export interface ConnectRequest {
  userId: string;
  platform: Platform;
  /** The platform's account id; verified against the token (and filled in when omitted). */
  accountId?: string;
  accessToken?: string;
  refreshToken?: string;
  /** ISO 8601 expiry of the access token. */
  expiresAt?: string;
  serverUrl?: string;
  /** Bluesky: handle (or DID) and app password, exchanged for a session; never stored. */
  identifier?: string;
  appPassword?: string;
  timeZone?: string;
  /**
   * Connect a sandbox account instead (no tokens; development and the demo, where posting-svc runs with
   * PUBLISH_WITHOUT_CONNECTION=sandbox): its posts stay local and its simulated audience has 16 weeks of history.
   */
  sandbox?: boolean;
}

/** `POST /internal/oauth/{platform}/start`. */
export interface OAuthStartRequest {
  userId: string;
  /** Mastodon: the instance to connect to. */
  serverUrl?: string;
  timeZone?: string;
}

export interface OAuthStartResponse {
  authorizeUrl: string;
  state: string;
  expiresAt: string;
}

/** `POST /internal/oauth/{platform}/callback`: the code and state the platform redirected back with. */
export interface OAuthCallbackRequest {
  state: string;
  code: string;
}

/** Error body of the internal API: a message and, for validation errors, the offending fields. */
export interface InternalApiError {
  statusCode: number;
  message: string;
  fields?: Record<string, string>;
}
