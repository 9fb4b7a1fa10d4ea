import { SERVICE_CONFIG } from '@app/config';
import type { Platform } from '@app/contracts';
import { PlatformHttp, createPlatformAdapters, oauthRedirectUri } from '@app/platforms';
import type { OAuthClient, PlatformAdapter } from '@app/platforms';
import { Inject, Injectable } from '@nestjs/common';
import type { PostingConfig } from '../config/posting.config';
import { RateLimitStore } from '../publishing/rate-limit-store';


/**
 * The real platform adapters and what they need per call: an HTTP client on the platform's configured base
 * URL whose rate-limit signals feed the shared RateLimitStore, and the OAuth client where one is configured.
 */
@Injectable()
export class PlatformRegistry {
  private readonly adapters: Record<Platform, PlatformAdapter>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: PostingConfig,
    private readonly rateLimits: RateLimitStore,
  ) {
    this.adapters = createPlatformAdapters(config.platforms);
  }

  adapter(platform: Platform): PlatformAdapter {
    return this.adapters[platform];
  }

  /** An HTTP client for calls on behalf of `accountId` (its rate-limit signals are recorded under that account). */
  http(platform: Platform, accountId: string): PlatformHttp {
    return new PlatformHttp({
      baseUrl: this.config.platforms.apiBaseUrls[platform],
      timeoutMs: this.config.platforms.timeoutMs,
      userAgent: 'agentic-social/0.1 (+posting-svc)',
      onRateLimit: (observation) => this.rateLimits.observe(platform, accountId, observation),
    });
  }

  client(platform: Platform): OAuthClient | undefined {
    const client = this.config.platforms.clients[platform];
    return client ? { ...client, redirectUri: oauthRedirectUri(this.config.platforms, platform) } : undefined;
  }
}
