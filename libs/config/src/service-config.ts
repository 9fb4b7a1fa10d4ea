import { DEFAULT_RETRY_POLICY, RetryPolicy, parseRetryDelays } from './retry';
import { EnvReader } from './env-reader';

export const SERVICES = {
  gateway: { schema: 'gateway', port: 3000 },
  'strategy-svc': { schema: 'strategy', port: 3101 },
  'content-svc': { schema: 'content', port: 3102 },
  'creative-svc': { schema: 'creative', port: 3103 },
  'scheduler-svc': { schema: 'scheduler', port: 3104 },
  'posting-svc': { schema: 'posting', port: 3105 },
  'analytics-svc': { schema: 'analytics', port: 3106 },
} as const;
export type ServiceName = keyof typeof SERVICES;

export interface ServiceConfig {
  service: ServiceName;
  schema: string;
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  /** Create the database when it does not exist (development convenience; off in production). */
  databaseAutoCreate: boolean;
  /** `run`: apply pending migrations at start (under an advisory lock); `verify`: refuse to start while any is pending (a separate migrate step applies them). */
  databaseMigrate: 'run' | 'verify';
  /** Log lines as JSON (`json`, for log pipelines) or text (`text`, a terminal); LOG_FORMAT. */
  logFormat: 'json' | 'text';
  /** Most verbose level written: `error`, `warn`, `log`, `debug` or `verbose`; LOG_LEVEL. */
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** OTLP/HTTP traces endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces); none: spans are not exported. */
  otlpTracesUrl?: string;
  rabbitmqUrl: string;
  busNamespace: string;
  busPrefetch: number;
  busPublishTimeoutMs: number;
  /** How long start-up waits for the broker before giving up with a clear error. */
  busConnectTimeoutMs: number;
  outboxPollIntervalMs: number;
  retry: RetryPolicy;
  shutdownGraceMs: number;
  /** How long processed message ids are kept for deduplication (a replayed dead letter older than this is processed again). */
  inboxRetentionHours: number;
  /** Bearer token of the admin HTTP API (`/admin/dead-letters`); unset: the admin API answers 403 (ADMIN_TOKEN). */
  adminToken?: string;
}

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

export function readServiceConfig(service: ServiceName, reader: EnvReader): ServiceConfig {
  const nodeEnv = reader.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const portVar = `${service.replace('-svc', '').toUpperCase()}_PORT`;
  return {
    service,
    schema: SERVICES[service].schema,
    nodeEnv,
    host: reader.string('HOST', '127.0.0.1'),
    port: reader.int(portVar, reader.int('PORT', SERVICES[service].port, { min: 0, max: 65535 }), { min: 0, max: 65535 }),
    databaseUrl: reader.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/agentic_social', ['postgres:', 'postgresql:']),
    databasePoolSize: reader.int('DATABASE_POOL_SIZE', 5, { min: 1, max: 100 }),
    databaseAutoCreate: reader.oneOf('DATABASE_AUTO_CREATE', ['true', 'false'] as const, nodeEnv === 'production' ? 'false' : 'true') === 'true',
    databaseMigrate: reader.oneOf('DATABASE_MIGRATE', ['run', 'verify'] as const, 'run'),
    logFormat: reader.oneOf('LOG_FORMAT', ['json', 'text'] as const, 'json'),
    logLevel: reader.oneOf('LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'log'),
    otlpTracesUrl: otlpTracesUrl(reader),
    // amqp(s):// is a RabbitMQ broker; `embedded:` (or `embedded://`) the in-process broker stored in DATABASE_URL.
    rabbitmqUrl: reader.url('RABBITMQ_URL', 'amqp://guest:guest@127.0.0.1:5672', ['amqp:', 'amqps:', 'embedded:']),
    busNamespace: reader.parse('BUS_NAMESPACE', 'social', (raw) => {
      if (!/^[a-z0-9][a-z0-9_-]{0,40}$/.test(raw)) throw new Error(`must be lowercase letters, digits, - or _, got "${raw}"`);
      return raw;
    }),
    busPrefetch: reader.int('BUS_PREFETCH', 16, { min: 1, max: 1000 }),
    busPublishTimeoutMs: reader.int('BUS_PUBLISH_TIMEOUT_MS', 10_000, { min: 100 }),
    busConnectTimeoutMs: reader.int('BUS_CONNECT_TIMEOUT_MS', 15_000, { min: 100 }),
    outboxPollIntervalMs: reader.int('OUTBOX_POLL_INTERVAL_MS', 1_000, { min: 50 }),
    retry: {
      delaysMs: reader.parse('BUS_RETRY_DELAYS_MS', DEFAULT_RETRY_POLICY.delaysMs, parseRetryDelays),
      deliveryLimit: reader.int('BUS_DELIVERY_LIMIT', DEFAULT_RETRY_POLICY.deliveryLimit, { min: 1, max: 1000 }),
    },
    shutdownGraceMs: reader.int('SHUTDOWN_GRACE_MS', 25_000, { min: 0 }),
    inboxRetentionHours: reader.int('INBOX_RETENTION_HOURS', 336, { min: 1 }),
    adminToken: reader.parse('ADMIN_TOKEN', undefined as string | undefined, (raw) => {
      if (raw.length < 16) throw new Error(`must be at least 16 characters (a random secret), got ${raw.length}`);
      return raw;
    }),
  };
}

/** The OTLP/HTTP traces URL from the standard OpenTelemetry variables, if any is set. */
function otlpTracesUrl(reader: EnvReader): string | undefined {
  const traces = reader.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = reader.optional('OTEL_EXPORTER_OTLP_ENDPOINT');
  const name = traces ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const raw = traces ?? base;
  if (raw === undefined) return undefined;
  reader.url(name, raw, ['http:', 'https:']); // validates the variable as given
  // The signal path is appended to the base endpoint only, as the OpenTelemetry specification says.
  return traces ?? `${raw.replace(/\/+$/, '')}/v1/traces`;
}
