import { SERVICE_CONFIG } from '@app/config';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MetricsCollector } from './collection/metrics-collector';
import type { AnalyticsConfig } from './config/analytics.config';
import { HistoryImporter } from './history/history-importer';
import { OptimizerService } from './optimization/optimizer.service';

/**
 * The Analytics and Optimization agents' clock: every `ANALYTICS_TICK_MS` it reads due metrics, imports
 * due account histories and refits the models whose data changed. Rounds never overlap on one replica;
 * replicas share the work through row leases. On shutdown it finishes the round in flight.
 */
@Injectable()
export class AnalyticsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AnalyticsWorker.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly collector: MetricsCollector,
    private readonly importer: HistoryImporter,
    private readonly optimizer: OptimizerService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.tickMs);
    this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.round;
  }

  private tick(): void {
    if (this.stopped || this.round) return;
    this.round = this.runRound().finally(() => (this.round = undefined));
  }

  private async runRound(): Promise<void> {
    for (const [name, step] of [
      ['metric collection', () => this.collector.collectDue()],
      ['history import', () => this.importer.importDue()],
      ['optimization', () => this.optimizer.optimizeDue()],
    ] as const) {
      if (this.stopped) return;
      await step().catch((error: Error) => this.logger.error(`${name} failed, the next tick retries: ${error.stack ?? error.message}`));
    }
  }
}
