import { Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { BindingPlan, ExchangePlan, QueuePlan, TopologyPlan } from '../../topology';
import { WireMessage } from '../bus-transport';
import { EMBEDDED_BUS_SCHEMA, embeddedBusSchemaSql } from './embedded-schema';
import { topicMatches } from './topic-match';

export interface EmbeddedBrokerOptions {
  /** Connections of the broker's own pool (default 4). */
  poolSize?: number;
  /** How long opening a connection may take (default 10 s). */
  connectTimeoutMs?: number;
}

/** A message taken off a queue: locked until it is acked (deleted) or requeued (unlocked). */
export interface ClaimedMessage {
  id: string;
  queue: string;
  message: WireMessage;
  /** Times it has been handed out, this one included. */
  deliveries: number;
}

export interface ClaimResult {
  /** Messages to hand to the consumer, in queue order. */
  delivered: ClaimedMessage[];
  /** Rows taken off the queue: delivered plus those dead-lettered instead (delivery limit, expiry). */
  claimed: number;
  /** When the next delayed message of the queue becomes ready (ms from now), or null when none waits. */
  nextReadyInMs: number | null;
}

interface MessageRow {
  next_ms: number | null;
  id: string | null;
  message_id: string;
  routing_key: string;
  correlation_id: string;
  headers: Record<string, string | number>;
  body: Buffer;
  deliveries: number;
  expired: boolean;
}

const T = `"${EMBEDDED_BUS_SCHEMA}"."messages"`;

/**
 * Takes up to $2 ready, unlocked messages of queue $1 in id order (locks them and counts the delivery)
 * and, in the same statement, reports when the next delayed message of the queue becomes ready.
 * Always returns at least one row (with a null id when nothing was claimed).
 */
const CLAIM_SQL = `
  WITH next AS (
    SELECT GREATEST(0, EXTRACT(EPOCH FROM (min("ready_at") - clock_timestamp())) * 1000)::float8 AS next_ms
      FROM ${T} WHERE "queue" = $1 AND "locked_until" IS NULL AND "ready_at" > now()
  ), claimed AS (
    UPDATE ${T} SET "locked_until" = 'infinity', "deliveries" = "deliveries" + 1
     WHERE "id" IN (SELECT "id" FROM ${T}
                     WHERE "queue" = $1 AND "locked_until" IS NULL AND "ready_at" <= now()
                     ORDER BY "id" LIMIT $2 FOR UPDATE SKIP LOCKED)
    RETURNING "id", "message_id", "routing_key", "correlation_id", "headers", "body", "deliveries",
              ("expires_at" IS NOT NULL AND "expires_at" <= now()) AS "expired"
  )
  SELECT next.next_ms, claimed.* FROM next LEFT JOIN claimed ON true`;

interface RegistryEntry {
  refs: number;
  broker: Promise<EmbeddedBroker>;
}

/** One broker per database URL in this process, shared by every transport on it. */
const registry = new Map<string, RegistryEntry>();

/**
 * A small message broker whose storage is PostgreSQL (schema `embedded_bus`), for the embedded mode where
 * every service runs in one process. It keeps RabbitMQ's semantics for what the bus uses: topic and fanout
 * exchanges with an alternate exchange, durable queues, per-queue delivery limit with dead-lettering, delay
 * queues that hand messages on after their TTL, ack / requeue, and redelivery of whatever was unacked when
 * the process died.
 *
 * Every statement is a single autocommit statement (or a short transaction on one connection that waits on
 * nothing else), so it is safe on PGlite, which serializes transactions across connections. Topology is
 * cached in memory; only this process writes it. Consumers are woken in-process when a queue changes and
 * by timers for delayed messages.
 */
export class EmbeddedBroker {
  private readonly logger = new Logger('EmbeddedBus');
  private exchanges = new Map<string, ExchangePlan>();
  private queues = new Map<string, QueuePlan>();
  private bindings = new Map<string, BindingPlan[]>();
  private readonly listeners = new Map<string, Set<() => void>>();

  private constructor(
    readonly databaseUrl: string,
    private readonly pool: Pool,
  ) {}

  /** The process's broker for this database, started on first use; pair every acquire with `release()`. */
  static async acquire(databaseUrl: string, options: EmbeddedBrokerOptions = {}): Promise<EmbeddedBroker> {
    let entry = registry.get(databaseUrl);
    if (!entry) {
      const created: RegistryEntry = { refs: 0, broker: EmbeddedBroker.start(databaseUrl, options) };
      created.broker.catch(() => {
        if (registry.get(databaseUrl) === created) registry.delete(databaseUrl);
      });
      registry.set(databaseUrl, created);
      entry = created;
    }
    entry.refs += 1;
    try {
      return await entry.broker;
    } catch (error) {
      entry.refs -= 1;
      throw error;
    }
  }

  private static async start(databaseUrl: string, options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const pool = new Pool({
      connectionString: databaseUrl,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      application_name: 'embedded-bus',
    });
    const broker = new EmbeddedBroker(databaseUrl, pool);
    pool.on('error', (error) => broker.logger.warn(`idle database connection failed: ${error.message}`));
    try {
      await broker.createSchema();
      // Only this process uses the embedded bus of this database, and this is its first broker on it: every
      // lock left is from a run that died with messages unacked. Like RabbitMQ, deliver them again.
      const released = await pool.query(`UPDATE ${T} SET "locked_until" = NULL WHERE "locked_until" IS NOT NULL`);
      if (released.rowCount) broker.logger.warn(`redelivering ${released.rowCount} message(s) left unacked by a previous run`);
      await broker.loadTopology();
      return broker;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** Drops one reference; the last one closes the pool. */
  async release(): Promise<void> {
    const entry = registry.get(this.databaseUrl);
    if (!entry || (await entry.broker.catch(() => undefined)) !== this) return;
    entry.refs -= 1;
    if (entry.refs > 0) return;
    registry.delete(this.databaseUrl);
    this.listeners.clear();
    await this.pool.end();
  }

  /** Stores (upserts) a service's exchanges, queues and bindings; the last declaration of a name wins. */
  async declare(plan: TopologyPlan): Promise<void> {
    const s = `"${EMBEDDED_BUS_SCHEMA}"`;
    await this.transaction(async (client) => {
      for (const e of plan.exchanges) {
        await client.query(
          `INSERT INTO ${s}."exchanges" ("name", "type", "alternate") VALUES ($1, $2, $3)
           ON CONFLICT ("name") DO UPDATE SET "type" = EXCLUDED."type", "alternate" = EXCLUDED."alternate"`,
          [e.name, e.type, e.alternate ?? null],
        );
      }
      for (const q of plan.queues) {
        await client.query(
          `INSERT INTO ${s}."queues" ("name", "kind", "dead_letter_queue", "delivery_limit", "message_ttl_ms", "ttl_target_queue")
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT ("name") DO UPDATE SET "kind" = EXCLUDED."kind", "dead_letter_queue" = EXCLUDED."dead_letter_queue",
             "delivery_limit" = EXCLUDED."delivery_limit", "message_ttl_ms" = EXCLUDED."message_ttl_ms", "ttl_target_queue" = EXCLUDED."ttl_target_queue"`,
          [q.name, q.kind, q.deadLetterQueue ?? null, q.deliveryLimit ?? null, q.messageTtlMs ?? null, q.ttlTargetQueue ?? null],
        );
      }
      for (const b of plan.bindings) {
        await client.query(`INSERT INTO ${s}."bindings" ("exchange", "queue", "pattern") VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [b.exchange, b.queue, b.pattern]);
      }
    });
    await this.loadTopology();
  }

  /** The declared queue, or RabbitMQ's NOT_FOUND error. */
  queue(name: string): QueuePlan {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`NOT_FOUND - no queue '${name}'`);
    return queue;
  }

  /**
   * Queues a message published to `exchange` with `routingKey` reaches: topic patterns or fanout; when
   * nothing matches, the alternate exchange's (and so on); nothing at all means dropped, as RabbitMQ does.
   */
  route(exchange: string, routingKey: string): string[] {
    if (!this.exchanges.has(exchange)) throw new Error(`NOT_FOUND - no exchange '${exchange}'`);
    const seen = new Set<string>();
    for (let name: string | undefined = exchange; name && !seen.has(name); ) {
      seen.add(name);
      const current = this.exchanges.get(name);
      if (!current) break;
      const targets = new Set<string>();
      for (const binding of this.bindings.get(name) ?? []) {
        if (current.type === 'fanout' || topicMatches(binding.pattern, routingKey)) targets.add(binding.queue);
      }
      if (targets.size > 0) return [...targets];
      name = current.alternate;
    }
    return [];
  }

  /**
   * Stores one copy of the message per queue in one statement (committed when it resolves) and wakes the
   * queues' consumers. `delayMs` holds it back (with `delayedIn` naming the delay queue it waits in);
   * `expiresInMs` dead-letters it if it is not taken in time.
   */
  async enqueue(queues: string[], message: WireMessage, options: { delayMs?: number; delayedIn?: string; expiresInMs?: number } = {}): Promise<void> {
    if (queues.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${T} ("queue", "message_id", "routing_key", "correlation_id", "headers", "body", "ready_at", "delayed_in", "expires_at")
       SELECT t.q, $2, $3, $4, $5::jsonb, $6::bytea, now() + $7::float8 * interval '1 millisecond', $8,
              now() + $9::float8 * interval '1 millisecond'
         FROM unnest($1::text[]) WITH ORDINALITY AS t(q, n) ORDER BY t.n`,
      [
        queues,
        message.messageId,
        message.routingKey,
        message.correlationId,
        JSON.stringify(message.headers ?? {}),
        message.body,
        options.delayMs ?? 0,
        options.delayedIn ?? null,
        options.expiresInMs ?? null,
      ],
    );
    for (const queue of queues) this.wake(queue);
  }

  /**
   * Takes up to `limit` ready messages off a queue. A message already delivered more than the queue's
   * delivery limit allows (a crash loop across restarts), or expired, is dead-lettered instead.
   */
  async claim(queue: string, limit: number): Promise<ClaimResult> {
    const plan = this.queue(queue);
    const { rows } = await this.pool.query<MessageRow>(CLAIM_SQL, [queue, limit]);
    const nextReadyInMs = rows[0]?.next_ms ?? null;
    const claimed = rows.filter((row) => row.id !== null).sort((a, b) => Number(a.id) - Number(b.id));
    const delivered: ClaimedMessage[] = [];
    const overLimit: string[] = [];
    const expired: string[] = [];
    for (const row of claimed) {
      // The claim counted this delivery: more than limit + 1 means it was already delivered limit + 1 times.
      if (plan.deliveryLimit !== undefined && row.deliveries > plan.deliveryLimit + 1) overLimit.push(row.id!);
      else if (row.expired) expired.push(row.id!);
      else {
        delivered.push({
          id: row.id!,
          queue,
          deliveries: row.deliveries,
          message: { messageId: row.message_id, routingKey: row.routing_key, correlationId: row.correlation_id, headers: row.headers ?? {}, body: row.body },
        });
      }
    }
    try {
      if (overLimit.length > 0) await this.deadLetter(plan, overLimit, 'delivery_limit');
      if (expired.length > 0) await this.deadLetter(plan, expired, 'expired');
    } catch (error) {
      // Nothing is handed out: put everything back (the next claim dead-letters them again).
      await this.unclaim(claimed.map((row) => row.id!)).catch(() => undefined);
      throw error;
    }
    return { delivered, claimed: claimed.length, nextReadyInMs };
  }

  /** Acknowledges a delivery: the message is gone. */
  async ack(message: ClaimedMessage): Promise<void> {
    await this.pool.query(`DELETE FROM ${T} WHERE "id" = $1`, [message.id]);
  }

  /**
   * Hands a delivery back: unlocked for the next consumer, or dead-lettered when it has now been delivered
   * more than the queue's delivery limit (RabbitMQ quorum queues: limit + 1 deliveries at most).
   */
  async requeue(message: ClaimedMessage): Promise<void> {
    const plan = this.queues.get(message.queue);
    if (plan?.deliveryLimit !== undefined && message.deliveries > plan.deliveryLimit) {
      await this.deadLetter(plan, [message.id], 'delivery_limit');
    } else {
      await this.pool.query(`UPDATE ${T} SET "locked_until" = NULL WHERE "id" = $1`, [message.id]);
      this.wake(message.queue);
    }
  }

  /** Puts back messages that were claimed but never handed out (that delivery is not counted). */
  async unclaim(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.pool.query(`UPDATE ${T} SET "locked_until" = NULL, "deliveries" = GREATEST("deliveries" - 1, 0) WHERE "id" = ANY($1::bigint[])`, [ids]);
  }

  /** Messages ready in a queue (not delivered and unacked); for a delay queue, the messages waiting in it. */
  async count(queue: string): Promise<number> {
    const plan = this.queue(queue);
    const { rows } =
      plan.messageTtlMs !== undefined && plan.ttlTargetQueue
        ? await this.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${T} WHERE "delayed_in" = $1 AND "queue" = $2 AND "locked_until" IS NULL AND "ready_at" > now()`,
            [queue, plan.ttlTargetQueue],
          )
        : await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${T} WHERE "queue" = $1 AND "locked_until" IS NULL AND "ready_at" <= now()`, [queue]);
    return rows[0].n;
  }

  /** Calls `listener` whenever messages may have become available in `queue`; returns the unsubscribe. */
  subscribe(queue: string, listener: () => void): () => void {
    let set = this.listeners.get(queue);
    if (!set) this.listeners.set(queue, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private wake(queue: string): void {
    for (const listener of this.listeners.get(queue) ?? []) listener();
  }

  /** Moves messages to the queue's dead-letter queue (dropped when it has none), as RabbitMQ dead-letters. */
  private async deadLetter(plan: QueuePlan, ids: string[], reason: 'delivery_limit' | 'expired'): Promise<void> {
    if (!plan.deadLetterQueue) {
      await this.pool.query(`DELETE FROM ${T} WHERE "id" = ANY($1::bigint[])`, [ids]);
      this.logger.warn(`dropped ${ids.length} message(s) of ${plan.name} (${reason}; no dead-letter queue)`);
      return;
    }
    const death = { 'x-first-death-reason': reason, 'x-first-death-queue': plan.name, 'x-first-death-exchange': '' };
    await this.pool.query(
      `WITH moved AS (DELETE FROM ${T} WHERE "id" = ANY($1::bigint[])
                      RETURNING "id", "message_id", "routing_key", "correlation_id", "headers", "body")
       INSERT INTO ${T} ("queue", "message_id", "routing_key", "correlation_id", "headers", "body")
       SELECT $2, "message_id", "routing_key", "correlation_id", $3::jsonb || "headers", "body" FROM moved ORDER BY "id"`,
      [ids, plan.deadLetterQueue, JSON.stringify(death)],
    );
    this.logger.warn(`dead-lettered ${ids.length} message(s) of ${plan.name} to ${plan.deadLetterQueue} (${reason})`);
    this.wake(plan.deadLetterQueue);
  }

  private async createSchema(): Promise<void> {
    await this.transaction(async (client) => {
      // Two brokers creating the schema at once would race on the catalog; the lock serializes them.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('embedded_bus.schema'))`);
      for (const sql of embeddedBusSchemaSql()) await client.query(sql);
    });
  }

  /** Runs `work` in one short transaction on one pooled connection (waiting on nothing else). */
  private async transaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async loadTopology(): Promise<void> {
    const s = `"${EMBEDDED_BUS_SCHEMA}"`;
    const [exchanges, queues, bindings] = await Promise.all([
      this.pool.query<{ name: string; type: 'topic' | 'fanout'; alternate: string | null }>(`SELECT "name", "type", "alternate" FROM ${s}."exchanges"`),
      this.pool.query<{ name: string; kind: 'quorum' | 'classic'; dead_letter_queue: string | null; delivery_limit: number | null; message_ttl_ms: number | null; ttl_target_queue: string | null }>(
        `SELECT * FROM ${s}."queues"`,
      ),
      this.pool.query<BindingPlan>(`SELECT "exchange", "queue", "pattern" FROM ${s}."bindings" ORDER BY "exchange", "queue", "pattern"`),
    ]);
    this.exchanges = new Map(exchanges.rows.map((e) => [e.name, { name: e.name, type: e.type, ...(e.alternate ? { alternate: e.alternate } : {}) }]));
    this.queues = new Map(
      queues.rows.map((q) => [
        q.name,
        {
          name: q.name,
          kind: q.kind,
          ...(q.dead_letter_queue ? { deadLetterQueue: q.dead_letter_queue } : {}),
          ...(q.delivery_limit !== null ? { deliveryLimit: q.delivery_limit } : {}),
          ...(q.message_ttl_ms !== null ? { messageTtlMs: q.message_ttl_ms } : {}),
          ...(q.ttl_target_queue ? { ttlTargetQueue: q.ttl_target_queue } : {}),
        },
      ]),
    );
    const byExchange = new Map<string, BindingPlan[]>();
    for (const b of bindings.rows) byExchange.set(b.exchange, [...(byExchange.get(b.exchange) ?? []), b]);
    this.bindings = byExchange;
  }
}
