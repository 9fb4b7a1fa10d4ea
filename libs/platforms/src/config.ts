import type { Platform } from '@app/contracts';
import { PLATFORMS } from '@app/contracts';
import type { EnvReader } from '@app/config';
import type { OAuthClient } from './platform-adapter';

/** Where each platform's API lives by default; every one can be pointed elsewhere (a proxy, a compatible server). */
export const DEFAULT_API_BASE_URLS: Readonly<Record<Platform, string>> = {
  x: 'https://api.x.com',
  facebook: 'https://graph.facebook.com/v25.0',
  instagram: 'https://graph.facebook.com/v25.0',
  linkedin: 'https://api.linkedin.com',
  bluesky: 'https://bsky.social',
  mastodon: 'https://mastodon.social',
};

/** The environment variable of each platform's API base URL (`X_API_BASE_URL`, …). */
export function apiBaseUrlVariable(platform: Platform): string {
  return `${platform.toUpperCase()}_API_BASE_URL`;
}

/** OAuth client credentials per platform: `<PLATFORM>_CLIENT_ID` / `<PLATFORM>_CLIENT_SECRET` (Instagram falls back to Facebook's app). */
export function clientVariables(platform: Platform): { id: string; secret: string } {
  return { id: `${platform.toUpperCase()}_CLIENT_ID`, secret: `${platform.toUpperCase()}_CLIENT_SECRET` };
}

export interface PlatformsConfig {
  apiBaseUrls: Record<Platform, string>;
  /** Per-request deadline of platform calls. */
  timeoutMs: number;
  /** OAuth clients of the platforms that have one configured. */
  clients: Partial<Record<Platform, Omit<OAuthClient, 'redirectUri'>>>;
  /** The public base URL of the gateway; OAuth callbacks are `<base>/api/v1/platforms/oauth/<platform>/callback`. */
  publicBaseUrl: string;
  /** Hosts and settings beyond the API base URL (OAuth hosts differ from API hosts on X, Meta and LinkedIn). */
  adapters: AdapterSettings;
}

export interface AdapterSettings {
  xAuthorizeUrl?: string;
  facebookAuthorizeUrl?: string;
  instagramRefreshBaseUrl?: string;
  /** Instagram container status polling (Meta asks for about once a minute). */
  instagramPollIntervalMs: number;
  linkedinAuthorizeUrl?: string;
  linkedinTokenUrl?: string;
  linkedinVersion?: string;
}

export function readPlatformsConfig(reader: EnvReader): PlatformsConfig {
  const apiBaseUrls = {} as Record<Platform, string>;
  const clients: PlatformsConfig['clients'] = {};
  for (const platform of PLATFORMS) {
    apiBaseUrls[platform] = reader.url(apiBaseUrlVariable(platform), DEFAULT_API_BASE_URLS[platform], ['http:', 'https:']).replace(/\/+$/, '');
    const vars = clientVariables(platform);
    const fallback = platform === 'instagram' ? clientVariables('facebook') : undefined;
    const clientId = reader.optional(vars.id) ?? (fallback && reader.optional(fallback.id));
    const clientSecret = reader.optional(vars.secret) ?? (fallback && reader.optional(fallback.secret));
    if (clientId) clients[platform] = { clientId, clientSecret };
  }
  return {
    apiBaseUrls,
    timeoutMs: reader.int('PLATFORM_TIMEOUT_MS', 15_000, { min: 100, max: 120_000 }),
    clients,
    publicBaseUrl: reader.url('PUBLIC_BASE_URL', 'http://127.0.0.1:3000', ['http:', 'https:']).replace(/\/+$/, ''),
    adapters: {
      xAuthorizeUrl: reader.optional('X_AUTHORIZE_URL'),
      facebookAuthorizeUrl: reader.optional('FACEBOOK_AUTHORIZE_URL'),
      instagramRefreshBaseUrl: reader.optional('INSTAGRAM_REFRESH_BASE_URL'),
      instagramPollIntervalMs: reader.int('INSTAGRAM_POLL_INTERVAL_MS', 60_000, { min: 10, max: 300_000 }),
      linkedinAuthorizeUrl: reader.optional('LINKEDIN_AUTHORIZE_URL'),
      linkedinTokenUrl: reader.optional('LINKEDIN_TOKEN_URL'),
      linkedinVersion: reader.optional('LINKEDIN_VERSION'),
    },
  };
}

export function oauthRedirectUri(config: PlatformsConfig, platform: Platform): string {
  return `${config.publicBaseUrl}/api/v1/platforms/oauth/${platform}/callback`;
}
