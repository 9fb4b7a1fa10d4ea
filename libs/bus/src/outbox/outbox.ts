import { RoutingKey } from '@app/contracts';
import { SpanKind, injectTraceContext, startSpan, tracerFor } from '@app/telemetry';
import type { Tracer } from '@app/telemetry';
import { EntityManager } from 'typeorm';
import { OutgoingMeta, toWire } from '../wire';

/**
 * Writes events into the service's outbox table inside the caller's transaction, so a state change and
 * the events that announce it commit together. The relay publishes them afterwards.
 */
export class Outbox {
  private readonly tracer: Tracer;

  constructor(
    private readonly schema: string,
    private readonly producer: string,
  ) {
    this.tracer = tracerFor(producer);
  }

  async add<K extends RoutingKey>(
    manager: EntityManager,
    key: K,
    payload: unknown,
    meta: Omit<OutgoingMeta, 'producer'>,
  ): Promise<string> {
    const wire = toWire(key, payload, { ...meta, producer: this.producer });
    // The send span: the message's place in the trace; its context travels in the headers (`traceparent`).
    const { span, context } = startSpan(this.tracer, `${key} publish`, {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.operation.type': 'send', 'messaging.destination.name': key, 'messaging.message.id': wire.messageId, 'messaging.message.conversation_id': wire.correlationId },
    });
    injectTraceContext(wire.headers, context);
    span.end();
    await manager.query(
      `INSERT INTO "${this.schema}"."outbox" ("message_id", "routing_key", "correlation_id", "headers", "payload")
       VALUES ($1, $2, $3, $4, $5)`,
      [wire.messageId, key, wire.correlationId, JSON.stringify(wire.headers), wire.body.toString('utf8')],
    );
    return wire.messageId;
  }
}
