import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes inbox rows older than INBOX_RETENTION_HOURS, hourly and at start, so deduplication keeps a
 * bounded table. The window must outlast any redelivery: bus retries take minutes; dead-letter replays
 * within the window are still recognised.
 */
@Injectable()
export class InboxPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboxPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.prune();
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    try {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM "${this.config.schema}"."inbox" WHERE "processed_at" < now() - make_interval(hours => $1)`,
        [this.config.inboxRetentionHours],
      )) as [unknown, number];
      if (deleted > 0) this.logger.log(`pruned ${deleted} inbox row(s) older than ${this.config.inboxRetentionHours} h`);
      return deleted;
    } catch (error) {
      this.logger.warn(`inbox pruning failed, next hour retries: ${(error as Error).message}`);
      return 0;
    }
  }
}
