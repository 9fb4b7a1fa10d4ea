import type { OAuthStartRequest, Platform } from '@app/contracts';
import { HttpStatus, Injectable } from '@nestjs/common';
import { UpstreamException } from '../../common/upstream.exception';
import type { OAuthStartQueryDto } from '../dto/connect-platform.dto';
import type { OAuthStartViewDto } from '../dto/connection-view.dto';
import { asClientError } from '../posting-errors';
import { PostingClient } from '../posting.client';

/**
 * Starts an OAuth flow for the caller: posting-svc creates the state (and PKCE verifier) and the
 * platform's authorize URL; the platform later redirects the browser to our public callback.
 */
@Injectable()
export class StartOAuth {
  constructor(private readonly posting: PostingClient) {}

  async execute(userId: string, platform: Platform, query: OAuthStartQueryDto): Promise<OAuthStartViewDto> {
    const request: OAuthStartRequest = { userId };
    if (query.serverUrl !== undefined) request.serverUrl = query.serverUrl;
    if (query.timeZone !== undefined) request.timeZone = query.timeZone;
    try {
      const started = await this.posting.oauthStart(platform, request);
      const { authorizeUrl, state, expiresAt } = (started ?? {}) as Partial<OAuthStartViewDto>;
      if (typeof authorizeUrl !== 'string' || typeof state !== 'string' || typeof expiresAt !== 'string') {
        throw new UpstreamException(HttpStatus.BAD_GATEWAY, 'The posting service answered unexpectedly', `oauth start for ${platform}: incomplete answer`);
      }
      return { authorizeUrl, state, expiresAt };
    } catch (error) {
      throw asClientError(error);
    }
  }
}
