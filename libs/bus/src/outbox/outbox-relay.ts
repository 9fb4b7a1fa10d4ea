import { Logger } from '@nestjs/common';
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

/**
 * Publishes committed outbox rows in id order and deletes them once the broker confirmed them. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so replicas of a service share the work without publishing a row
 * twice. Runs when nudged after a commit, and on a timer as a safety net (e.g. after a broker outage).
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
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.nudge(), this.options.pollIntervalMs);
    this.timer.unref();
    this.nudge();
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

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT "id", "message_id", "routing_key", "correlation_id", "headers", "payload"
           FROM "${this.schema}"."outbox" ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
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
      await manager.query(`DELETE FROM "${this.schema}"."outbox" WHERE "id" = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
