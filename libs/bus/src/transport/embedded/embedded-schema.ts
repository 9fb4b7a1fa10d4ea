/** The embedded broker's own storage (not a service migration): created idempotently when a broker starts. */
export const EMBEDDED_BUS_SCHEMA = 'embedded_bus';

export function embeddedBusSchemaSql(schema = EMBEDDED_BUS_SCHEMA): string[] {
  const s = `"${schema}"`;
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}."exchanges" (
      "name" text PRIMARY KEY,
      "type" text NOT NULL CHECK ("type" IN ('topic', 'fanout')),
      "alternate" text
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}."queues" (
      "name" text PRIMARY KEY,
      "kind" text NOT NULL CHECK ("kind" IN ('quorum', 'classic')),
      "dead_letter_queue" text,
      "delivery_limit" integer,
      "message_ttl_ms" integer,
      "ttl_target_queue" text
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}."bindings" (
      "exchange" text NOT NULL,
      "queue" text NOT NULL,
      "pattern" text NOT NULL,
      PRIMARY KEY ("exchange", "queue", "pattern")
    )`,
    // One row per message per queue. A message sent to a delay (retry) queue is stored for the queue it
    // moves to, with ready_at in the future and delayed_in naming the delay queue.
    `CREATE TABLE IF NOT EXISTS ${s}."messages" (
      "id" bigserial PRIMARY KEY,
      "queue" text NOT NULL,
      "message_id" text NOT NULL,
      "routing_key" text NOT NULL,
      "correlation_id" text NOT NULL,
      "headers" jsonb NOT NULL,
      "body" bytea NOT NULL,
      "enqueued_at" timestamptz NOT NULL DEFAULT now(),
      "ready_at" timestamptz NOT NULL DEFAULT now(),
      "delayed_in" text,
      "expires_at" timestamptz,
      "deliveries" integer NOT NULL DEFAULT 0,
      "locked_until" timestamptz
    )`,
    `CREATE INDEX IF NOT EXISTS "messages_queue_id_idx" ON ${s}."messages" ("queue", "id")`,
  ];
}
