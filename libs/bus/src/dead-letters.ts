import { HEADER } from '@app/contracts';
import { BusOptions } from './bus.options';
import { topologyNames } from './topology';
import { BusTransport } from './transport/bus-transport';

export interface DeadLetter {
  messageId: string;
  routingKey: string;
  correlationId: string;
  error: string;
  failedBy: string;
  deadLetteredAt: string;
  attempts: number;
  payload: unknown;
}

/**
 * Operator access to a service's dead-letter queue. Peeking takes messages and hands them back
 * (they stay in the queue); replay moves them to the service queue with the retry count reset.
 */
export class DeadLetters {
  private readonly names: ReturnType<typeof topologyNames>;

  constructor(
    private readonly transport: BusTransport,
    options: Pick<BusOptions, 'namespace' | 'service'>,
  ) {
    this.names = topologyNames(options.namespace, options.service);
  }

  count(): Promise<number> {
    return this.transport.messageCount(this.names.dlq);
  }

  async peek(limit: number): Promise<DeadLetter[]> {
    const taken = [];
    try {
      for (let i = 0; i < limit; i++) {
        const delivery = await this.transport.get(this.names.dlq);
        if (!delivery) break;
        taken.push(delivery);
      }
      return taken.map(({ message }) => ({
        messageId: message.messageId,
        routingKey: message.routingKey,
        correlationId: message.correlationId,
        error: String(message.headers[HEADER.error] ?? ''),
        failedBy: String(message.headers[HEADER.failedBy] ?? ''),
        deadLetteredAt: String(message.headers[HEADER.deadLetteredAt] ?? ''),
        attempts: Number(message.headers[HEADER.attempt] ?? 0) + 1,
        payload: safeJson(message.body),
      }));
    } finally {
      for (const delivery of taken) delivery.requeue();
    }
  }

  /** Moves up to `limit` dead letters back to the service queue; returns how many moved. */
  async replay(limit: number): Promise<number> {
    let moved = 0;
    for (; moved < limit; moved++) {
      const delivery = await this.transport.get(this.names.dlq);
      if (!delivery) break;
      const headers = { ...delivery.message.headers };
      delete headers[HEADER.attempt];
      delete headers[HEADER.error];
      delete headers[HEADER.failedBy];
      delete headers[HEADER.deadLetteredAt];
      await this.transport.sendToQueue(this.names.queue, { ...delivery.message, headers });
      delivery.ack();
    }
    return moved;
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body.toString('utf8');
  }
}
