import { ServiceTopology } from '../topology';

/** A message as it crosses the transport: metadata in properties/headers, payload as a JSON body. */
export interface WireMessage {
  messageId: string;
  routingKey: string;
  correlationId: string;
  headers: Record<string, string | number>;
  body: Buffer;
}

export interface InboundDelivery {
  message: WireMessage;
  /** The broker says it delivered this message before (crash or requeue). */
  redelivered: boolean;
  ack(): void;
  /** Hands the message back to the broker to deliver again (used on shutdown). */
  requeue(): void;
}

export type DeliveryHandler = (delivery: InboundDelivery) => Promise<void>;

/**
 * The bus contract. RabbitMQ implements it today; the embedded mode plugs an in-process implementation
 * into the same seam, so routing, retry and dead-letter behaviour are decided above this interface.
 */
export interface BusTransport {
  connect(): Promise<void>;
  /** Declares exchanges, the service queue with its bindings, retry queues and the dead-letter queue. */
  declare(topology: ServiceTopology): Promise<void>;
  /** Publishes to the topic exchange; resolves once the broker confirmed it. */
  publish(exchange: string, message: WireMessage): Promise<void>;
  /** Sends straight to a queue (retry and dead-letter queues); resolves once confirmed. */
  sendToQueue(queue: string, message: WireMessage, options?: { expirationMs?: number }): Promise<void>;
  consume(queue: string, prefetch: number, handler: DeliveryHandler): Promise<void>;
  /** Stops taking new deliveries; in-flight ones may still be acked. */
  stopConsuming(): Promise<void>;
  /** Takes one message off a queue (for dead-letter inspection and replay), or null when empty. */
  get(queue: string): Promise<InboundDelivery | null>;
  messageCount(queue: string): Promise<number>;
  isConnected(): boolean;
  /** Consumers this process has attached and the broker acknowledged. */
  activeConsumers(): number;
  close(): Promise<void>;
}

export const BUS_TRANSPORT = Symbol('BUS_TRANSPORT');
