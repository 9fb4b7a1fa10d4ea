import { ServiceConfig } from '@app/config';
import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ServiceMetrics } from '@app/telemetry';
import { DataSource } from 'typeorm';
import { BUS_OPTIONS } from '../bus.options';
import type { BusOptions } from '../bus.options';
import { DeadLetters } from '../dead-letters';
import { Outbox } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { topologyNames } from '../topology';
import { AmqpTransport } from '../transport/amqp-transport';
import { EmbeddedTransport, isEmbeddedBusUrl } from '../transport/embedded/embedded-transport';
import { BUS_TRANSPORT } from '../transport/bus-transport';
import type { BusTransport } from '../transport/bus-transport';
import { StartupError, withTimeout } from '../startup-error';
import { BusServer } from './bus.server';

export function busOptionsFrom(config: ServiceConfig): BusOptions {
  return {
    service: config.service,
    schema: config.schema,
    namespace: config.busNamespace,
    url: config.rabbitmqUrl,
    databaseUrl: config.databaseUrl,
    prefetch: config.busPrefetch,
    publishTimeoutMs: config.busPublishTimeoutMs,
    outboxPollIntervalMs: config.outboxPollIntervalMs,
    outboxBatchSize: 200,
    retry: config.retry,
    shutdownFlushMs: Math.min(5_000, config.shutdownGraceMs),
  };
}

/**
 * Connects the transport RABBITMQ_URL selects: RabbitMQ for amqp(s)://, the in-process broker stored in
 * DATABASE_URL for `embedded:`. A failure names the variable that points at what could not be reached.
 */
export async function connectTransport(options: BusOptions, timeoutMs: number): Promise<BusTransport> {
  const embedded = isEmbeddedBusUrl(options.url);
  const transport: BusTransport = embedded
    ? new EmbeddedTransport({ databaseUrl: options.databaseUrl, publishTimeoutMs: options.publishTimeoutMs })
    : new AmqpTransport({ url: options.url, publishTimeoutMs: options.publishTimeoutMs, connectionName: options.service });
  try {
    await withTimeout(transport.connect(), timeoutMs, `no connection within ${timeoutMs} ms`);
  } catch (error) {
    await transport.close().catch(() => undefined);
    throw embedded ? new StartupError('DATABASE_URL', options.databaseUrl, error) : new StartupError('RABBITMQ_URL', options.url, error);
  }
  return transport;
}

/** Closes the relay and the broker connection last, after Nest has drained the consumers. */
@Injectable()
class BusShutdown implements OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(BUS_TRANSPORT) private readonly transport: BusTransport,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The events of the last messages handled go out now rather than at the next start.
    const left = await this.relay.flush(this.options.shutdownFlushMs);
    if (left > 0) new Logger('BusShutdown').warn(`${left} outbox row(s) left for the next start (or another replica) to publish`);
    await this.relay.stop();
    await this.transport.close();
  }
}

@Global()
@Module({})
export class BusModule {
  /** `metrics`: the service's Prometheus metrics, fed by the consumer and the relay (none in bare tests). */
  static forService(config: ServiceConfig, metrics?: ServiceMetrics): DynamicModule {
    const options = busOptionsFrom(config);
    return {
      module: BusModule,
      providers: [
        { provide: BUS_OPTIONS, useValue: options },
        // After the database (injected, though unused): a start that fails on the database opens no broker connection.
        { provide: BUS_TRANSPORT, inject: [DataSource], useFactory: () => connectTransport(options, config.busConnectTimeoutMs) },
        { provide: Outbox, useValue: new Outbox(options.schema, options.service) },
        {
          provide: OutboxRelay,
          inject: [DataSource, BUS_TRANSPORT],
          useFactory: (dataSource: DataSource, transport: BusTransport) =>
            new OutboxRelay(dataSource, transport, options.schema, topologyNames(options.namespace, options.service).exchange, {
              batchSize: options.outboxBatchSize,
              pollIntervalMs: options.outboxPollIntervalMs,
            }, metrics),
        },
        {
          provide: BusServer,
          inject: [BUS_TRANSPORT, DataSource, Outbox, OutboxRelay],
          useFactory: (transport: BusTransport, dataSource: DataSource, outbox: Outbox, relay: OutboxRelay) =>
            new BusServer(options, transport, dataSource, outbox, relay, metrics),
        },
        { provide: DeadLetters, inject: [BUS_TRANSPORT], useFactory: (transport: BusTransport) => new DeadLetters(transport, options) },
        BusShutdown,
      ],
      exports: [BUS_OPTIONS, BUS_TRANSPORT, Outbox, OutboxRelay, BusServer, DeadLetters],
    };
  }
}
