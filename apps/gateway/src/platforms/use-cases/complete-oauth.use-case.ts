import type { Platform } from '@app/contracts';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { UpstreamException } from '../../common/upstream.exception';
import { toConnectionView } from '../connection-view.mapper';
import type { ConnectionViewDto } from '../dto/connection-view.dto';
import { redactSecrets } from '../posting-errors';
import { PostingApiError, PostingClient } from '../posting.client';

export interface OAuthCallbackQuery {
  code?: string;
  state?: string;
  /** Set by the platform instead of a code when the user refused (`access_denied`) or it failed. */
  error?: string;
  errorDescription?: string;
}

/** How an OAuth callback ended; `reason` is a short code the result page (or client) can switch on. */
export type OAuthOutcome =
  | { ok: true; platform: Platform; connection: ConnectionViewDto }
  | {
      ok: false;
      platform: Platform;
      status: HttpStatus.BAD_REQUEST | HttpStatus.CONFLICT | HttpStatus.BAD_GATEWAY | HttpStatus.SERVICE_UNAVAILABLE | HttpStatus.GATEWAY_TIMEOUT;
      reason: string;
      message: string;
    };

const MAX_TEXT = 300;

/**
 * Finishes an OAuth flow: the platform's `code` and `state` go to posting-svc, which checks the state it
 * issued, exchanges the code for tokens and stores the connection. The state identifies the user, so this
 * needs no bearer token. Neither the code nor the tokens are logged or returned.
 */
@Injectable()
export class CompleteOAuth {
  private readonly logger = new Logger(CompleteOAuth.name);

  constructor(private readonly posting: PostingClient) {}

  async execute(platform: Platform, query: OAuthCallbackQuery): Promise<OAuthOutcome> {
    const fail = (status: Extract<OAuthOutcome, { ok: false }>['status'], reason: string, message: string): OAuthOutcome => {
      this.logger.warn(`OAuth callback for ${platform} failed: ${reason}`);
      return { ok: false, platform, status, reason, message: message.slice(0, MAX_TEXT) };
    };
    if (query.error !== undefined) {
      const reason = /^[a-z0-9_.-]{1,64}$/i.test(query.error) ? query.error : 'authorization_failed';
      const description = query.errorDescription ? `: ${query.errorDescription.slice(0, MAX_TEXT)}` : '';
      return fail(HttpStatus.BAD_REQUEST, reason, `${platform} did not authorize the connection (${reason})${description}`);
    }
    if (!query.code || !query.state) return fail(HttpStatus.BAD_REQUEST, 'invalid_request', `the callback from ${platform} must carry code and state`);
    try {
      const answer = await this.posting.oauthCallback(platform, { state: query.state, code: query.code });
      const connection = toConnectionView(answer.body);
      this.logger.log(`OAuth: ${platform} account ${connection.accountName} connected (connection ${connection.id})`);
      return { ok: true, platform, connection };
    } catch (error) {
      if (error instanceof PostingApiError) {
        const message = redactSecrets(error.body.message, [query.code]);
        if (error.status === HttpStatus.CONFLICT) return fail(HttpStatus.CONFLICT, 'account_taken', message);
        if (error.status === HttpStatus.BAD_REQUEST || error.status === HttpStatus.NOT_FOUND) return fail(HttpStatus.BAD_REQUEST, 'connection_failed', message);
      }
      if (error instanceof UpstreamException) {
        return fail(error.getStatus() as Extract<OAuthOutcome, { ok: false }>['status'], 'temporarily_unavailable', error.message);
      }
      throw error;
    }
  }
}

/** Where the browser goes after the callback: OAUTH_RESULT_URL with `connected` and `connectionId`, or `error`. */
export function oauthResultLocation(resultUrl: string, outcome: OAuthOutcome): string {
  const url = new URL(resultUrl);
  if (outcome.ok) {
    url.searchParams.set('connected', outcome.platform);
    url.searchParams.set('connectionId', outcome.connection.id);
  } else {
    url.searchParams.set('error', outcome.reason);
    url.searchParams.set('platform', outcome.platform);
    url.searchParams.set('message', outcome.message);
  }
  return url.toString();
}
