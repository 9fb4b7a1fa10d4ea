import { HEADER } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { BusOptions } from './bus.options';
import { topologyNames } from './topology';
import { BusTransport, InboundDelivery, WireMessage } from './transport/bus-transport';

/** Headers set by RabbitMQ when it dead-letters a message itself (delivery limit, expiry) or redelivers it. */
const BROKER_HEADERS = {
  firstDeathReason: 'x-first-death-reason',
  firstDeathQueue: 'x-first-death-queue',
  firstDeathExchange: 'x-first-death-exchange',
  deliveryCount: 'x-delivery-count',
  death: 'x-death',
} as const;

/** What a replay removes so the message starts over: the bus's retry and dead-letter marks and the broker's. */
const DEAD_LETTER_MARKS = [
  HEADER.attempt,
  HEADER.error,
  HEADER.failedBy,
  HEADER.deadLetteredAt,
  BROKER_HEADERS.deliveryCount,
  BROKER_HEADERS.death,
  BROKER_HEADERS.firstDeathReason,
  BROKER_HEADERS.firstDeathQueue,
  BROKER_HEADERS.firstDeathExchange,
  'x-last-death-reason',
  'x-last-death-queue',
  'x-last-death-exchange',
];

/** A dead letter as listed: its identity, why and when it died, and its payload. */
export interface DeadLetter {
  messageId: string;
  routingKey: string;
  correlationId: string;
  /** Why it is here: the handler's last error, or the broker's reason when the broker dead-lettered it. */
  reason: string;
  /** `x-last-error` as the bus wrote it (empty when the broker dead-lettered the message itself). */
  error: string;
  /** The service that gave up on it (empty when the broker dead-lettered it). */
  failedBy: string;
  deadLetteredAt: string;
  /** Handler attempts (1 + retries). */
  attempts: number;
  /** Set when the broker dead-lettered it (`delivery_limit`: it kept crashing the consumer; `expired`). */
  firstDeath?: { reason: string; queue: string; exchange: string };
  /** The body as JSON, or its text when it is not JSON (a poison message). */
  payload: unknown;
}

export type DeadLetterSummary = Omit<DeadLetter, 'payload'>;

/** Everything about one dead letter. */
export interface DeadLetterDetail extends DeadLetter {
  /** AMQP properties the bus uses (`type` is the routing key). */
  properties: { messageId: string; correlationId: string; type: string };
  /** Every header, as stored. */
  headers: Record<string, unknown>;
  bodyBytes: number;
  bodyIsJson: boolean;
  /** RabbitMQ `x-delivery-count`: times it was handed out and back on the DLQ (each list or inspect counts one). */
  deliveryCount?: number;
}

export interface DeadLetterList {
  queue: string;
  /** Letters in the queue (not only those listed). */
  count: number;
  letters: DeadLetterSummary[];
}

export interface ReplayResult {
  /** Letters moved back to the service queue. */
  replayed: number;
  /** Their message ids, in queue order. */
  messageIds: string[];
  /** Requested ids with no letter in the queue. */
  notFound: string[];
}

export interface DiscardResult {
  /** The letters dropped (every letter with the id). */
  discarded: DeadLetterSummary[];
}

const HAND_BACK_TIMEOUT_MS = 10_000;

/** One operation at a time per dead-letter queue in this process, so two peeks never interleave (and reorder). */
const queueLocks = new Map<string, Promise<void>>();

/**
 * Operator access to a service's dead-letter queue, on any BusTransport (RabbitMQ or the embedded broker).
 *
 * Reading takes every letter off the queue one by one (unacked) and hands them all back, in the order taken,
 * once it is done: nothing is lost and the order is kept (each read costs one get per letter in the queue). On a
 * RabbitMQ quorum queue each hand-back counts as a delivery, so the DLQ is declared without a delivery limit
 * (see `unlimitedDeliveries` in topology.ts).
 * Replay moves letters to the service queue with their retry count reset; discard drops them.
 * Operations on one queue are serialized within the process; run one operator tool at a time per queue.
 */
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);
  private readonly names: ReturnType<typeof topologyNames>;

  constructor(
    private readonly transport: BusTransport,
    options: Pick<BusOptions, 'namespace' | 'service'>,
  ) {
    this.names = topologyNames(options.namespace, options.service);
  }

  /** The dead-letter queue's name. */
  get queue(): string {
    return this.names.dlq;
  }

  count(): Promise<number> {
    return this.exclusive(() => this.transport.messageCount(this.names.dlq));
  }

  /** The first `limit` letters with their payloads; they stay in the queue, in order. */
  peek(limit: number): Promise<DeadLetter[]> {
    return this.exclusive(async () => {
      const letters: DeadLetter[] = [];
      await this.sweep(async (delivery) => {
        if (letters.length < limit) letters.push(toLetter(delivery.message));
        return false;
      });
      return letters;
    });
  }

  /** How many letters there are and the first `limit` of them (without payloads). */
  list(limit: number): Promise<DeadLetterList> {
    return this.exclusive(async () => {
      const count = await this.transport.messageCount(this.names.dlq);
      const letters: DeadLetterSummary[] = [];
      await this.sweep(async (delivery) => {
        if (letters.length < limit) letters.push(summary(toLetter(delivery.message)));
        return false;
      });
      return { queue: this.names.dlq, count, letters };
    });
  }

  /** The first letter with this message id, in full, or null; it stays in the queue. */
  inspect(messageId: string): Promise<DeadLetterDetail | null> {
    return this.exclusive(async () => {
      let found: DeadLetterDetail | null = null;
      await this.sweep(async (delivery) => {
        if (!found && delivery.message.messageId === messageId) found = toDetail(delivery.message);
        return false;
      });
      return found;
    });
  }

  /** Moves the first `limit` letters back to the service queue, retry count reset; returns how many moved. */
  async replay(limit: number): Promise<number> {
    return (await this.replayFirst(limit)).replayed;
  }

  /** Moves the first `count` letters back to the service queue, retry count reset. */
  replayFirst(count: number): Promise<ReplayResult> {
    return this.exclusive(async () => {
      const moved: string[] = [];
      for (let i = 0; i < count; i++) {
        const delivery = await this.transport.get(this.names.dlq);
        if (!delivery) break;
        await this.moveToServiceQueue(delivery);
        moved.push(delivery.message.messageId);
      }
      return { replayed: moved.length, messageIds: moved, notFound: [] };
    });
  }

  /** Moves every letter with one of these message ids back to the service queue, retry count reset; the others stay, in order. */
  replayByIds(messageIds: readonly string[]): Promise<ReplayResult> {
    return this.exclusive(async () => {
      const wanted = new Set(messageIds);
      const moved: string[] = [];
      await this.sweep(async (delivery) => {
        if (!wanted.has(delivery.message.messageId)) return false;
        await this.moveToServiceQueue(delivery);
        moved.push(delivery.message.messageId);
        return true;
      });
      return { replayed: moved.length, messageIds: moved, notFound: [...wanted].filter((id) => !moved.includes(id)) };
    });
  }

  /** Drops every letter with this message id (for a message that must never run); the others stay, in order. */
  discard(messageId: string): Promise<DiscardResult> {
    return this.exclusive(async () => {
      const discarded: DeadLetterSummary[] = [];
      await this.sweep(async (delivery) => {
        if (delivery.message.messageId !== messageId) return false;
        discarded.push(summary(toLetter(delivery.message)));
        delivery.ack();
        return true;
      });
      return { discarded };
    });
  }

  private async moveToServiceQueue(delivery: InboundDelivery): Promise<void> {
    const headers = { ...delivery.message.headers };
    for (const mark of DEAD_LETTER_MARKS) delete headers[mark];
    await this.transport.sendToQueue(this.names.queue, { ...delivery.message, headers });
    delivery.ack();
  }

  /**
   * Takes every letter off the DLQ in queue order and lets `visit` decide on each (true: visit settled it, e.g.
   * acked it). All the others are handed back at the end, in the order taken, also when visit throws. Always the
   * whole queue: where a broker puts handed-back messages differs (RabbitMQ 3.10 quorum queues: behind the ready
   * ones), so only a full rotation keeps the order on every broker.
   */
  private async sweep(visit: (delivery: InboundDelivery) => Promise<boolean>): Promise<void> {
    const held: InboundDelivery[] = [];
    try {
      for (;;) {
        const delivery = await this.transport.get(this.names.dlq);
        if (!delivery) return;
        let settled: boolean;
        try {
          settled = await visit(delivery);
        } catch (error) {
          held.push(delivery);
          throw error;
        }
        if (!settled) held.push(delivery);
      }
    } finally {
      if (held.length > 0) await this.handBack(held);
    }
  }

  /**
   * Hands letters back in order and waits until the queue shows them again. A RabbitMQ quorum queue applies
   * hand-backs asynchronously: a `get` right after could miss them, and a letter taken then and handed back
   * would land behind them (reordered).
   */
  private async handBack(held: InboundDelivery[]): Promise<void> {
    const waiting = await this.transport.messageCount(this.names.dlq).catch(() => undefined);
    for (const delivery of held) delivery.requeue();
    if (waiting === undefined) return;
    const expected = waiting + held.length;
    const deadline = Date.now() + HAND_BACK_TIMEOUT_MS;
    while ((await this.transport.messageCount(this.names.dlq).catch(() => expected)) < expected) {
      if (Date.now() > deadline) {
        this.logger.warn(`${this.names.dlq}: the broker had not taken back ${held.length} letter(s) after ${HAND_BACK_TIMEOUT_MS} ms; they are still unacked and return when this connection closes`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const key = this.names.dlq;
    const previous = queueLocks.get(key) ?? Promise.resolve();
    const run = previous.then(work);
    const done = run.then(
      () => undefined,
      () => undefined,
    );
    queueLocks.set(key, done);
    try {
      return await run;
    } finally {
      if (queueLocks.get(key) === done) queueLocks.delete(key);
    }
  }
}

function toLetter(message: WireMessage): DeadLetter {
  const headers = message.headers as Record<string, unknown>;
  const text = (name: string) => (typeof headers[name] === 'string' ? (headers[name] as string) : headers[name] === undefined ? '' : String(headers[name]));
  const firstDeathReason = text(BROKER_HEADERS.firstDeathReason);
  const firstDeath = firstDeathReason
    ? { reason: firstDeathReason, queue: text(BROKER_HEADERS.firstDeathQueue), exchange: text(BROKER_HEADERS.firstDeathExchange) }
    : undefined;
  const error = text(HEADER.error);
  const failedBy = text(HEADER.failedBy);
  const reason = failedBy || !firstDeath ? error : `dead-lettered by the broker from ${firstDeath.queue}: ${firstDeath.reason}${error ? ` (last handler error: ${error})` : ''}`;
  return {
    messageId: message.messageId,
    routingKey: message.routingKey,
    correlationId: message.correlationId,
    reason,
    error,
    failedBy,
    deadLetteredAt: text(HEADER.deadLetteredAt) || deathTime(headers[BROKER_HEADERS.death]),
    attempts: Number(headers[HEADER.attempt] ?? 0) + 1,
    ...(firstDeath ? { firstDeath } : {}),
    payload: parseBody(message.body).payload,
  };
}

function toDetail(message: WireMessage): DeadLetterDetail {
  const headers = message.headers as Record<string, unknown>;
  const deliveryCount = headers[BROKER_HEADERS.deliveryCount];
  return {
    ...toLetter(message),
    properties: { messageId: message.messageId, correlationId: message.correlationId, type: message.routingKey },
    headers: { ...headers },
    bodyBytes: message.body.length,
    bodyIsJson: parseBody(message.body).json,
    ...(deliveryCount !== undefined ? { deliveryCount: Number(deliveryCount) } : {}),
  };
}

function summary(letter: DeadLetter): DeadLetterSummary {
  const { payload: _payload, ...rest } = letter;
  return rest;
}

/** When RabbitMQ dead-lettered it (the newest `x-death` entry's time), or ''. */
function deathTime(deaths: unknown): string {
  const time = Array.isArray(deaths) ? (deaths[0] as { time?: unknown } | undefined)?.time : undefined;
  if (time instanceof Date) return time.toISOString();
  if (typeof time === 'number') return new Date(time * 1000).toISOString();
  if (time && typeof time === 'object' && typeof (time as { value?: unknown }).value === 'number') return new Date((time as { value: number }).value * 1000).toISOString();
  return '';
}

function parseBody(body: Buffer): { payload: unknown; json: boolean } {
  const text = body.toString('utf8');
  try {
    return { payload: JSON.parse(text), json: true };
  } catch {
    return { payload: text, json: false };
  }
}
