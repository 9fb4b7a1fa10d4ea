import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { asClientError } from '../posting-errors';
import { PostingApiError, PostingClient } from '../posting.client';

/** Removes one of the caller's connections (posting-svc forgets its tokens); another user's is a 404. */
@Injectable()
export class DisconnectPlatform {
  private readonly logger = new Logger(DisconnectPlatform.name);

  constructor(private readonly posting: PostingClient) {}

  async execute(userId: string, id: string): Promise<void> {
    try {
      await this.posting.remove(userId, id);
    } catch (error) {
      if (error instanceof PostingApiError && error.status === 404) throw new NotFoundException(`Connection ${id} not found`);
      throw asClientError(error);
    }
    this.logger.log(`user ${userId} disconnected connection ${id}`);
  }
}
