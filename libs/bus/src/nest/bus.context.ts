import { Envelope, EventPayload, RoutingKey } from '@app/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { Outbox } from '../outbox/outbox';
import type { ServiceMetrics } from '@app/telemetry';

/**
 * How a handler's work meets the database. `auto`: the whole handler runs inside the message's
 * transaction (inbox row, state, outbox). `manual`: the handler runs outside any transaction (so a
 * model or platform call never holds a connection or row locks) and commits with `context.transaction()`.
 */
export type TransactionMode = 'auto' | 'manual';

/** `@EventPattern(key, MANUAL_TRANSACTION)`: the handler commits through `context.transaction()`. */
export const MANUAL_TRANSACTION = { transaction: 'manual' } as const;

/** Opens the message's transaction: the inbox row is written first; a duplicate throws DuplicateMessageError. */
export type MessageTransaction = <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;

export class DuplicateMessageError extends Error {
  constructor(messageId: string) {
    super(`message ${messageId} was already processed`);
  }
}

/**
 * What a handler gets besides the envelope: the message's transaction and a publisher that writes
 * follow-up events into that transaction's outbox, with this message's correlation id and this
 * message as cause.
 */
export class BusContext {
  private active?: EntityManager;
  private publishedCount = 0;
  private committed = false;

  constructor(
    readonly envelope: Envelope,
    readonly mode: TransactionMode,
    /** For reads and single statements outside the message's transaction (manual mode). */
    readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly openTransaction: MessageTransaction,
    manager?: EntityManager,
    /** The service's metrics, for handlers that record domain measures (stage durations, posts published). */
    readonly metrics?: ServiceMetrics,
  ) {
    this.active = manager;
  }

  get correlationId(): string {
    return this.envelope.correlationId;
  }

  /** The message's transaction (auto mode, or inside `transaction()` in manual mode). */
  get manager(): EntityManager {
    if (!this.active) throw new Error(`no open transaction for ${this.envelope.routingKey}: use context.transaction()`);
    return this.active;
  }

  /**
   * Runs `work` in the message's transaction and commits it with the inbox row. In auto mode the
   * transaction is already open and `work` joins it. A manual handler may call this once.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.active) return work(this.active);
    if (this.committed) throw new Error('the message transaction was already committed');
    const result = await this.openTransaction(async (manager) => {
      this.active = manager;
      try {
        return await work(manager);
      } finally {
        this.active = undefined;
      }
    });
    this.committed = true;
    return result;
  }

  async publish<K extends RoutingKey>(key: K, payload: EventPayload<K>): Promise<string> {
    const manager = this.manager;
    this.publishedCount += 1;
    return this.outbox.add(manager, key, payload, {
      correlationId: this.envelope.correlationId,
      causationId: this.envelope.messageId,
    });
  }

  get published(): number {
    return this.publishedCount;
  }

  /** Whether the message's transaction has committed (manual mode). */
  get hasCommitted(): boolean {
    return this.committed;
  }
}
