import { Logger } from '@nestjs/common';
import { queryRows } from '@app/database';
import type { ServiceMetrics } from '@app/telemetry';
import { DataSource } from 'typeorm';
import { BusTransport } from '../transport/bus-transport';

interface OutboxRow {
  id: string;
  message_id: string;
  routing_key: string;
  correlation_id: string;
  headers: Record<string, string | number>;
  payload: unknown;
}

/** How long a relay may hold leased rows before another relay (or its own next run) takes them over. */
const LEASE_SECONDS = 30;

/**
 * Publishes committed outbox rows in id order and deletes them once the broker confirmed them. A batch
 * is leased in one short statement (FOR UPDATE SKIP LOCKED, so replicas take disjoint rows) and published
 * with no transaction open: no connection or row lock is held while waiting for the broker. Rows of a
 * relay that died mid-batch are published again when their lease runs out; consumers drop the copies.
 * Runs when nudged after a commit, and on a timer as a safety net (e.g. after a broker outage).
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: BusTransport,
    private readonly schema: string,
    private readonly exchange: string,
    private readonly options: { batchSize: number; pollIntervalMs: number },
    private readonly metrics?: ServiceMetrics,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.pollIntervalMs);
    this.timer.unref();
    this.nudge();
  }

  /**
   * Publishes what is committed now, until the outbox is empty or `timeoutMs` passes (shutdown: the events of
   * the last handled messages go out before the process does). Resolves with the rows left.
   */
  async flush(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let left = await this.publishable().catch(() => -1);
    while (left > 0 && Date.now() < deadline && this.transport.isConnected()) {
      await this.running;
      const published = await this.publishBatch().catch((error: Error) => {
        this.logger.warn(`outbox flush failed: ${error.message}`);
        return 0;
      });
      left = await this.publishable().catch(() => -1);
      if (published === 0 && left > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return left;
  }

  /** Stops the timer and waits for the batch in flight; rows left are published by the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.schema}"."outbox"`);
    return (row as { n: number }).n;
  }

  /** Rows this relay may publish now (not leased by another replica). */
  private async publishable(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.schema}"."outbox" WHERE "locked_until" IS NULL OR "locked_until" < now()`);
    return (row as { n: number }).n;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && this.transport.isConnected()) {
        const published = await this.publishBatch();
        if (published < this.options.batchSize) return;
      }
    } catch (error) {
      this.logger.warn(`outbox publish failed, will retry: ${(error as Error).message}`);
    }
  }

  private async publishBatch(): Promise<number> {
    const table = `"${this.schema}"."outbox"`;
    const rows = await queryRows<OutboxRow>(
      this.dataSource.manager,
      `UPDATE ${table} SET "locked_until" = now() + make_interval(secs => $2)
        WHERE "id" IN (SELECT "id" FROM ${table} WHERE "locked_until" IS NULL OR "locked_until" < now()
                        ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING "id", "message_id", "routing_key", "correlation_id", "headers", "payload"`,
      [this.options.batchSize, LEASE_SECONDS],
    );
    if (rows.length === 0) return 0;
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    const ids = rows.map((r) => r.id);
    try {
      await Promise.all(
        rows.map((row) =>
          this.transport.publish(this.exchange, {
            messageId: row.message_id,
            routingKey: row.routing_key,
            correlationId: row.correlation_id,
            headers: row.headers,
            body: Buffer.from(JSON.stringify(row.payload)),
          }),
        ),
      );
    } catch (error) {
      await this.dataSource.query(`UPDATE ${table} SET "locked_until" = NULL WHERE "id" = ANY($1::bigint[])`, [ids]).catch(() => undefined);
      throw error;
    }
    await this.dataSource.query(`DELETE FROM ${table} WHERE "id" = ANY($1::bigint[])`, [ids]);
    for (const row of rows) this.metrics?.published(row.routing_key);
    return rows.length;
  }
}
