import { BUS_TRANSPORT, BusServer, withTimeout } from '@app/bus';
import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import type { BusTransport } from '@app/bus';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ReadinessReport {
  ready: boolean;
  checks: { database: boolean; broker: boolean; consumers: boolean; accepting: boolean };
}

/**
 * Ready means: the database answers, the broker connection is up, and every queue this service
 * consumes has a consumer attached right now (a live process whose consumers never registered is
 * not ready). On shutdown readiness drops first, then consumers drain.
 */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(BUS_TRANSPORT) private readonly transport: BusTransport,
    private readonly server: BusServer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async report(): Promise<ReadinessReport> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    const broker = this.transport.isConnected();
    const wanted = this.server.routingKeys().length > 0 ? 1 : 0;
    const consumers = this.transport.activeConsumers() >= wanted;
    const accepting = !this.stopping;
    return { ready: database && broker && consumers && accepting, checks: { database, broker, consumers, accepting } };
  }

  /** Stops taking messages and waits for in-flight ones, within SHUTDOWN_GRACE_MS; unfinished ones are redelivered. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const grace = this.config.shutdownGraceMs;
    await withTimeout(this.server.drain(), grace, `in-flight messages still running after ${grace} ms`).catch((error: Error) =>
      new Logger(Readiness.name).warn(`${error.message}; the broker redelivers them`),
    );
  }
}
