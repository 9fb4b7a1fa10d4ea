import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentLogContext } from './log-context';
import { redactText, redactValue } from './redact';
import { currentTraceIds } from './tracing';

export type LogFormat = 'json' | 'text';

export interface ServiceLoggerOptions {
  /** The process's name: the service, or `agentic-social` when several share it (each line then names its own). */
  service: string;
  format: LogFormat;
  levels: LogLevel[];
  /** Where lines go (default: stdout, errors included, one line per record). */
  write?: (line: string) => void;
}

const LEVEL_NAMES: Record<LogLevel, string> = { log: 'info', error: 'error', warn: 'warn', debug: 'debug', verbose: 'trace', fatal: 'fatal' };

/**
 * Nest's logger for every service: one record per line, JSON (`LOG_FORMAT=json`, for log pipelines) or text
 * (a terminal). Each line carries the service, the correlation id (campaign id) and the trace and span ids of
 * the work in progress, and has secrets redacted (tokens, passwords, keys, URL credentials), whatever the
 * caller logged.
 */
export class ServiceLogger implements LoggerService {
  private readonly write: (line: string) => void;

  constructor(private readonly options: ServiceLoggerOptions) {
    this.write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.record('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.record('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.record('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.record('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.record('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.record('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.options.levels = levels;
  }

  private record(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.options.levels.includes(level)) return;
    // Nest passes the context (the logger's name) last, and for errors a stack before it.
    const rest = [...params];
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest[0].includes('\n    at ') ? (rest.shift() as string) : undefined;
    const scope = currentLogContext();
    const trace = currentTraceIds();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: LEVEL_NAMES[level],
      service: scope?.service ?? this.options.service,
      context,
      msg: typeof message === 'string' ? redactText(message) : message instanceof Error ? redactText(message.message) : undefined,
      correlationId: scope?.correlationId,
      traceId: trace?.traceId,
      spanId: trace?.spanId,
      messageId: scope?.messageId,
      routingKey: scope?.routingKey,
      requestId: scope?.requestId,
    };
    if (typeof message !== 'string' && !(message instanceof Error)) entry.data = redactValue(message);
    if (message instanceof Error && message.stack) entry.stack = redactText(message.stack);
    if (stack) entry.stack = redactText(stack);
    if (rest.length > 0) entry.details = redactValue(rest.length === 1 ? rest[0] : rest);
    this.write(this.options.format === 'json' ? JSON.stringify(entry) : text(entry));
  }
}

function text(entry: Record<string, unknown>): string {
  const tags = [entry.correlationId ? `campaign=${String(entry.correlationId)}` : '', entry.traceId ? `trace=${String(entry.traceId)}` : ''].filter(Boolean).join(' ');
  const body = entry.msg ?? JSON.stringify(entry.data);
  const extra = entry.details !== undefined ? ` ${JSON.stringify(entry.details)}` : '';
  const stack = entry.stack ? `\n${String(entry.stack)}` : '';
  return `${String(entry.time)} ${String(entry.level).toUpperCase().padEnd(5)} [${String(entry.service)}]${entry.context ? ` ${String(entry.context)}:` : ''} ${String(body)}${extra}${tags ? ` (${tags})` : ''}${stack}`;
}
