import { randomUUID } from 'node:crypto';
import { Envelope, HEADER, RoutingKey, isRoutingKey, schemaVersionOf, validatePayload } from '@app/contracts';
import { WireMessage } from './transport/bus-transport';

export interface OutgoingMeta {
  correlationId: string;
  causationId?: string;
  producer: string;
  messageId?: string;
  occurredAt?: Date;
}

export function toWire<K extends RoutingKey>(key: K, payload: unknown, meta: OutgoingMeta): WireMessage {
  const headers: Record<string, string | number> = {
    [HEADER.schemaVersion]: schemaVersionOf(key),
    [HEADER.occurredAt]: (meta.occurredAt ?? new Date()).toISOString(),
    [HEADER.producer]: meta.producer,
  };
  if (meta.causationId) headers[HEADER.causationId] = meta.causationId;
  return {
    messageId: meta.messageId ?? randomUUID(),
    routingKey: key,
    correlationId: meta.correlationId,
    headers,
    body: Buffer.from(JSON.stringify(payload)),
  };
}

export class PoisonMessageError extends Error {}

/** Reads a wire message into an envelope; throws PoisonMessageError for anything no retry can fix. */
export function fromWire(message: WireMessage): Envelope {
  if (!message.messageId) throw new PoisonMessageError('message has no message-id property');
  if (!isRoutingKey(message.routingKey)) throw new PoisonMessageError(`unknown routing key "${message.routingKey}"`);
  const version = Number(message.headers[HEADER.schemaVersion]);
  if (version !== schemaVersionOf(message.routingKey)) {
    throw new PoisonMessageError(`${HEADER.schemaVersion} header is ${String(message.headers[HEADER.schemaVersion])}, expected ${schemaVersionOf(message.routingKey)}`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(message.body.toString('utf8'));
  } catch (error) {
    throw new PoisonMessageError(`body is not JSON: ${(error as Error).message}`);
  }
  const problem = validatePayload(message.routingKey, payload);
  if (problem) throw new PoisonMessageError(problem);
  return {
    messageId: message.messageId,
    routingKey: message.routingKey,
    schemaVersion: version,
    correlationId: message.correlationId,
    causationId: message.headers[HEADER.causationId] as string | undefined,
    occurredAt: String(message.headers[HEADER.occurredAt] ?? ''),
    producer: String(message.headers[HEADER.producer] ?? ''),
    payload: payload as Envelope['payload'],
  };
}
