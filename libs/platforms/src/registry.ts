import type { Platform } from '@app/contracts';
import { BlueskyAdapter } from './bluesky/bluesky.adapter';
import type { PlatformsConfig } from './config';
import { FacebookAdapter } from './facebook/facebook.adapter';
import { InstagramAdapter } from './instagram/instagram.adapter';
import { LinkedInAdapter } from './linkedin/linkedin.adapter';
import { MastodonAdapter } from './mastodon/mastodon.adapter';
import type { PlatformAdapter } from './platform-adapter';
import { XAdapter } from './x/x.adapter';

/** One adapter per platform, configured from PlatformsConfig (each is stateless and serves every account). */
export function createPlatformAdapters(config: PlatformsConfig): Record<Platform, PlatformAdapter> {
  const a = config.adapters;
  return {
    x: new XAdapter({ authorizeUrl: a.xAuthorizeUrl }),
    facebook: new FacebookAdapter({ authorizeUrl: a.facebookAuthorizeUrl }),
    instagram: new InstagramAdapter({ authorizeUrl: a.facebookAuthorizeUrl, refreshBaseUrl: a.instagramRefreshBaseUrl, pollIntervalMs: a.instagramPollIntervalMs }),
    linkedin: new LinkedInAdapter({ authorizeUrl: a.linkedinAuthorizeUrl, tokenUrl: a.linkedinTokenUrl, version: a.linkedinVersion }),
    bluesky: new BlueskyAdapter(),
    mastodon: new MastodonAdapter(),
  };
}
