import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line written while handling one unit of work carries: the service (several share a process
 * in the embedded mode), the correlation id (the campaign id: every message and line of a campaign shares it),
 * and what is being handled. Mutable so a handler can bind the campaign id once it knows it (e.g. after
 * creating the campaign).
 */
export interface LogContext {
  service?: string;
  correlationId?: string;
  messageId?: string;
  routingKey?: string;
  requestId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with its own log context (inheriting the current one's fields it does not set). */
export function withLogContext<T>(fields: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/** Binds the correlation id (campaign id) to the unit of work in progress, from here on. */
export function bindCorrelationId(correlationId: string): void {
  const store = storage.getStore();
  if (store) store.correlationId = correlationId;
}
