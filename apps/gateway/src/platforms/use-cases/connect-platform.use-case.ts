import type { ConnectRequest } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { toConnectionView } from '../connection-view.mapper';
import { ConnectPlatformDto } from '../dto/connect-platform.dto';
import type { ConnectionViewDto } from '../dto/connection-view.dto';
import { asClientError } from '../posting-errors';
import { PostingClient } from '../posting.client';

export interface ConnectResult {
  /** false when an existing connection of the same user, platform and account was updated. */
  created: boolean;
  connection: ConnectionViewDto;
}

/** Hands the credentials to posting-svc (which verifies them with the platform and keeps them). */
@Injectable()
export class ConnectPlatform {
  private readonly logger = new Logger(ConnectPlatform.name);

  constructor(private readonly posting: PostingClient) {}

  async execute(userId: string, input: ConnectPlatformDto): Promise<ConnectResult> {
    const request: ConnectRequest = { userId, platform: input.platform };
    for (const key of ['accountId', 'accessToken', 'refreshToken', 'expiresAt', 'serverUrl', 'identifier', 'appPassword', 'timeZone'] as const) {
      if (input[key] !== undefined) request[key] = input[key];
    }
    if (input.sandbox !== undefined) request.sandbox = input.sandbox;
    try {
      const answer = await this.posting.connect(request);
      const connection = toConnectionView(answer.body);
      const created = answer.status !== 200;
      this.logger.log(`user ${userId} ${created ? 'connected' : 'reconnected'} ${connection.platform} account ${connection.accountName} (connection ${connection.id})`);
      return { created, connection };
    } catch (error) {
      throw asClientError(error, [input.accessToken, input.refreshToken, input.appPassword]);
    }
  }
}
