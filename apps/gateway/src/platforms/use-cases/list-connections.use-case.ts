import { Injectable } from '@nestjs/common';
import { toConnectionView } from '../connection-view.mapper';
import type { ConnectionViewDto } from '../dto/connection-view.dto';
import { asClientError } from '../posting-errors';
import { PostingClient } from '../posting.client';

/** The caller's connected accounts, as posting-svc holds them. */
@Injectable()
export class ListConnections {
  constructor(private readonly posting: PostingClient) {}

  async execute(userId: string): Promise<ConnectionViewDto[]> {
    try {
      return (await this.posting.list(userId)).map(toConnectionView);
    } catch (error) {
      throw asClientError(error);
    }
  }
}
