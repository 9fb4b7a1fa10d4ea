import { Envelope, EventPayload, RoutingKey } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { Outbox } from '../outbox/outbox';

/**
 * What a handler gets besides the envelope: the transaction its work must use (the inbox row for this
 * message is already written in it) and a publisher that writes follow-up events into the same
 * transaction's outbox, with this message's correlation id and this message as cause.
 */
export class BusContext {
  private publishedCount = 0;

  constructor(
    readonly envelope: Envelope,
    readonly manager: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  get correlationId(): string {
    return this.envelope.correlationId;
  }

  async publish<K extends RoutingKey>(key: K, payload: EventPayload<K>): Promise<string> {
    this.publishedCount += 1;
    return this.outbox.add(this.manager, key, payload, {
      correlationId: this.envelope.correlationId,
      causationId: this.envelope.messageId,
    });
  }

  get published(): number {
    return this.publishedCount;
  }
}
