import { BUS_OPTIONS, BUS_TRANSPORT, OutboxRelay, topologyNames } from '@app/bus';
import type { BusOptions, BusTransport } from '@app/bus';
import { ServiceMetrics } from '@app/telemetry';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';

/** Connects the scrape-time gauges (outbox backlog, queue and dead-letter queue depth) to the service's bus. */
@Injectable()
export class BusGauges implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly relay: OutboxRelay,
    @Inject(BUS_TRANSPORT) private readonly transport: BusTransport,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  onApplicationBootstrap(): void {
    const names = topologyNames(this.options.namespace, this.options.service);
    this.metrics.observeBus({
      outboxBacklog: () => this.relay.backlog(),
      queueDepths: async () => {
        if (!this.transport.isConnected()) return [];
        return Promise.all([names.queue, names.dlq].map(async (queue) => ({ queue, depth: await this.transport.messageCount(queue) })));
      },
    });
  }
}
