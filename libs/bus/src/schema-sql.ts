/** DDL of the bus tables every service keeps in its own schema; used by each service's first migration. */
export function busTablesUpSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "id" bigserial PRIMARY KEY,
      "message_id" uuid NOT NULL UNIQUE,
      "routing_key" text NOT NULL,
      "correlation_id" text NOT NULL,
      "headers" jsonb NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "locked_until" timestamptz
    )`,
    `CREATE TABLE "${schema}"."inbox" (
      "message_id" text PRIMARY KEY,
      "routing_key" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX "inbox_processed_at_idx" ON "${schema}"."inbox" ("processed_at")`,
  ];
}

export function busTablesDownSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."inbox"`, `DROP TABLE "${schema}"."outbox"`];
}
