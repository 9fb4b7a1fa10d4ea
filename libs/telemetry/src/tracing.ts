import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { currentLogContext } from './log-context';

export { SpanKind };
export type { Span, Tracer };

export interface TracingOptions {
  /** `service.name` of the process (the service, or `agentic-social` for the one-process mode). */
  serviceName: string;
  /** OTLP/HTTP traces endpoint (`…/v1/traces`); spans are created and propagated either way, exported only when set. */
  otlpTracesUrl?: string;
  /** How often batched spans are exported (ms). */
  exportDelayMs?: number;
}

let provider: TracerProvider | undefined;

/**
 * Installs OpenTelemetry for the process, once (the first service in a process decides): W3C trace context
 * propagation, async context tracking, a tracer provider, and an OTLP/HTTP exporter when an endpoint is
 * configured. Without one, spans still carry ids, so trace context crosses every hop and appears in logs.
 */
export function initTracing(options: TracingOptions): void {
  if (provider) return;
  const spanProcessors = options.otlpTracesUrl
    ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: options.otlpTracesUrl }), scheduledDelayMillis: options.exportDelayMs ?? 2_000 })]
    : [];
  provider = new TracerProvider({ resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }), spanProcessors });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
}

/** Exports the spans still buffered (on shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

export function tracerFor(service: string): Tracer {
  return trace.getTracer(service);
}

/** Writes the active trace context (`traceparent`, `tracestate`) into message headers or HTTP headers. */
export function injectTraceContext(carrier: Record<string, unknown>, from: Context = context.active()): void {
  propagation.inject(from, carrier);
}

/**
 * Headers that carry the active trace context (and the campaign id of the work in progress) to an internal HTTP
 * call, so the callee's server span joins the caller's trace and its log lines the caller's campaign.
 */
export function propagationHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  injectTraceContext(headers);
  const correlationId = currentLogContext()?.correlationId;
  if (correlationId) headers['x-correlation-id'] = correlationId;
  return headers;
}

/** The trace context a message or request carries (its headers), to parent the work it causes. */
export function extractTraceContext(headers: Record<string, unknown>): Context {
  const carrier: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') carrier[key.toLowerCase()] = value;
    else if (Buffer.isBuffer(value)) carrier[key.toLowerCase()] = value.toString('utf8');
  }
  return propagation.extract(ROOT_CONTEXT, carrier);
}

/** Trace and span id of the active span, when there is a valid one. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  const ids = span?.spanContext();
  if (!ids || !trace.isSpanContextValid(ids)) return undefined;
  return { traceId: ids.traceId, spanId: ids.spanId };
}

/** Runs `work` in a new active span (child of `parent`), ending it with an error status when `work` throws. */
export async function inSpan<T>(tracer: Tracer, name: string, options: { kind: SpanKind; attributes?: Attributes; parent?: Context }, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** Starts a span for a unit of work that ends elsewhere (an HTTP request ends on the response's finish). */
export function startSpan(tracer: Tracer, name: string, options: { kind: SpanKind; attributes?: Attributes; parent?: Context }): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

export function runInContext<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}

export function markSpanError(span: Span, message: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}
