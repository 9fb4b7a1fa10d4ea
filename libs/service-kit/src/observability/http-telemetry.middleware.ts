import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import { ServiceMetrics, SpanKind, extractTraceContext, markSpanError, runInContext, startSpan, tracerFor, withLogContext } from '@app/telemetry';
import type { Tracer } from '@app/telemetry';
import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

/** Header a caller may set to tie its request to a campaign or its own request id in our logs. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Every HTTP request of the service: a server span continuing the caller's trace (`traceparent`), a log
 * context (service, request id, correlation id), and its duration in `http_request_duration_seconds` by
 * route template (not the raw path, so ids do not explode the series) and status code.
 */
@Injectable()
export class HttpTelemetryMiddleware implements NestMiddleware {
  private readonly tracer: Tracer;

  constructor(
    private readonly metrics: ServiceMetrics,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.tracer = tracerFor(config.service);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    const { span, context } = startSpan(this.tracer, req.method, {
      kind: SpanKind.SERVER,
      parent: extractTraceContext(req.headers),
      attributes: { 'http.request.method': req.method, 'url.path': req.path },
    });
    res.on('finish', () => {
      const route = routeOf(req);
      this.metrics.httpRequestDuration.observe({ method: req.method, route, status_code: String(res.statusCode) }, (performance.now() - started) / 1000);
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) markSpanError(span, `HTTP ${res.statusCode}`);
      span.end();
    });
    const correlation = req.header(CORRELATION_HEADER);
    const requestId = req.header('x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    withLogContext({ service: this.config.service, requestId, correlationId: correlation?.slice(0, 100) }, () => runInContext(context, next));
  }
}

/**
 * The matched route's template (`/api/v1/campaigns/:id`), or `unmatched` for a path no controller serves
 * (Nest's catch-all 404 route is a wildcard): never the raw path, so ids and probes do not explode the series.
 */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && !path.includes('*') ? `${req.baseUrl}${path}` : 'unmatched';
}
