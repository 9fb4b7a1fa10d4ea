export * from './log-context';
export * from './redact';
export * from './service-logger';
export * from './service-metrics';
export * from './tracing';
