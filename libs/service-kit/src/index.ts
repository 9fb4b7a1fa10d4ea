export * from './bootstrap';
export * from './readiness';
export * from './health.controller';
export * from './service-core.module';
export * from './service-main';
export * from './inbox-pruner';
export * from './observability/metrics.controller';
export { CORRELATION_HEADER } from './observability/http-telemetry.middleware';
export * from './admin';
