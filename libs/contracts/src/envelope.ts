import { EventPayload, RoutingKey } from './events';

/**
 * What a consumer receives. On the wire the metadata travels as AMQP properties and headers
 * (message-id, correlation-id, type, x-schema-version, x-occurred-at, x-producer, x-causation-id)
 * and the payload as the JSON body, so non-Node consumers need no Nest envelope.
 */
export interface Envelope<K extends RoutingKey = RoutingKey> {
  messageId: string;
  routingKey: K;
  schemaVersion: number;
  /** The campaign id: every log line and message of one campaign shares it. */
  correlationId: string;
  /** Message id of the message whose handling produced this one. */
  causationId?: string;
  occurredAt: string;
  producer: string;
  payload: EventPayload<K>;
}

export const HEADER = {
  schemaVersion: 'x-schema-version',
  occurredAt: 'x-occurred-at',
  producer: 'x-producer',
  causationId: 'x-causation-id',
  attempt: 'x-attempt',
  error: 'x-last-error',
  failedBy: 'x-failed-by',
  deadLetteredAt: 'x-dead-lettered-at',
} as const;
