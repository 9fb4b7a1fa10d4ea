import { EnvReader, ServiceConfig, readServiceConfig } from '@app/config';
import { Logger } from '@nestjs/common';

export interface GatewayConfig extends ServiceConfig {
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  /** creative-svc's internal HTTP address, where generated images are read. */
  creativeUrl: string;
  /** posting-svc's internal HTTP address: connected accounts and OAuth (`/internal/...`). */
  postingUrl: string;
  /** How long a call to posting-svc's internal API may take before the gateway answers 503. */
  postingTimeoutMs: number;
  /** analytics-svc's internal HTTP address: campaign and post analytics, recommendations (`/internal/analytics/...`). */
  analyticsUrl: string;
  /** How long a call to analytics-svc's internal API may take before the gateway answers 503. */
  analyticsTimeoutMs: number;
  /** How often the live event stream (`GET /api/v1/events`) reads the read model for changes while anyone listens. */
  livePollMs: number;
  /** Where the browser is sent after an OAuth callback (`?connected=…` or `?error=…`); absent: the callback answers JSON. */
  oauthResultUrl?: string;
  /** Verifies the signed media URLs posting-svc hands to platforms; absent: `GET /api/v1/media/...` is 404. */
  mediaSigningKey?: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Only for development and tests; production refuses to start without JWT_SECRET. */
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret';

/** Reads and validates the gateway's configuration (the common service settings plus JWT). */
export function readGatewayConfig(reader: EnvReader, logger = new Logger('GatewayConfig')): GatewayConfig {
  const base = readServiceConfig('gateway', reader);
  let jwtSecret = reader.optional('JWT_SECRET');
  if (!jwtSecret) {
    if (base.nodeEnv === 'production') reader.problem('JWT_SECRET is required in production');
    else logger.warn(`JWT_SECRET is not set: signing tokens with an insecure development secret (NODE_ENV=${base.nodeEnv})`);
    jwtSecret = DEV_JWT_SECRET;
  }
  const jwtExpiresInSeconds = reader.int('JWT_EXPIRES_IN', 3600, { min: 1, max: 31_536_000 });
  const creativeUrl = reader.url('CREATIVE_URL', 'http://127.0.0.1:3103', ['http:', 'https:']).replace(/\/+$/, '');
  const postingUrl = reader.url('POSTING_URL', 'http://127.0.0.1:3105', ['http:', 'https:']).replace(/\/+$/, '');
  const postingTimeoutMs = reader.int('POSTING_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 });
  const analyticsUrl = reader.url('ANALYTICS_URL', 'http://127.0.0.1:3106', ['http:', 'https:']).replace(/\/+$/, '');
  const analyticsTimeoutMs = reader.int('ANALYTICS_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 });
  const livePollMs = reader.int('LIVE_POLL_MS', 500, { min: 50, max: 60_000 });
  const oauthResultUrl = reader.optional('OAUTH_RESULT_URL') ? reader.url('OAUTH_RESULT_URL', '', ['http:', 'https:']) : undefined;
  const mediaSigningKey = reader.optional('MEDIA_SIGNING_KEY');
  reader.done();
  const config: GatewayConfig = { ...base, jwtSecret, jwtExpiresInSeconds, creativeUrl, postingUrl, postingTimeoutMs, analyticsUrl, analyticsTimeoutMs, livePollMs };
  if (oauthResultUrl) config.oauthResultUrl = oauthResultUrl;
  if (mediaSigningKey) config.mediaSigningKey = mediaSigningKey;
  return config;
}

/** The process entry point's reader: the only place the gateway touches the environment. */
export function readGatewayConfigFromEnv(env: Record<string, string | undefined>): GatewayConfig {
  return readGatewayConfig(new EnvReader(env));
}
