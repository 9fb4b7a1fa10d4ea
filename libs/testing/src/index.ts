export * from './infra';
export * from './tcp-proxy';
export * from './bus-observer';
export * from './system';
export * from './in-process';
export * from './campaign-fixtures';
export * from './agent-harness';
export * from './otlp-collector';
