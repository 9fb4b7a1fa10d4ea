import { SERVICE_CONFIG } from '@app/config';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { PostingConfig } from '../config/posting.config';
import { PublicationRow, PublicationsRepository } from './publications.repository';
import { PublishAttempt } from './publish-attempt';
import { withLogContext } from '@app/telemetry';

/**
 * Runs due publications: every tick (or when nudged) claims as many as there are free slots, at most
 * `accountConcurrency` per account and replica, and runs each attempt in the background. On shutdown it
 * stops claiming and waits for the attempts in flight (their leases would otherwise expire and be
 * reconciled by another replica).
 */
@Injectable()
export class PublicationWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PublicationWorker.name);
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perAccount = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private claiming?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: PostingConfig,
    private readonly publications: PublicationsRepository,
    private readonly attempt: PublishAttempt,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.config.worker.tickMs);
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.claiming;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Looks for due work now (single-flight; a nudge during a claim runs one more round after it). */
  nudge(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimRound()
      .catch((error: Error) => this.logger.error(`claiming publications failed, the next tick retries: ${error.message}`))
      .finally(() => {
        this.claiming = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** How many attempts are running on this replica. */
  get busy(): number {
    return this.inFlight.size;
  }

  private async claimRound(): Promise<void> {
    const { concurrency, accountConcurrency, leaseMs } = this.config.worker;
    for (;;) {
      const free = concurrency - this.inFlight.size;
      if (free <= 0 || this.stopped) return;
      const rows = await this.publications.claim(free, accountConcurrency, this.perAccount, leaseMs);
      for (const row of rows) this.start(row);
      if (rows.length < free) return;
    }
  }

  private start(row: PublicationRow): void {
    const account = row.connection_id ?? row.post_id;
    this.perAccount.set(account, (this.perAccount.get(account) ?? 0) + 1);
    // Every line of this attempt carries the campaign id, as the lines of the messages that led to it do.
    const run = withLogContext({ service: this.config.service, correlationId: row.request.campaignId }, () => this.attempt.run(row)).finally(() => {
      this.inFlight.delete(row.post_id);
      const left = (this.perAccount.get(account) ?? 1) - 1;
      if (left > 0) this.perAccount.set(account, left);
      else this.perAccount.delete(account);
      this.nudge();
    });
    this.inFlight.set(row.post_id, run);
  }
}
