export * from './launcher';
export * from './progress';
export * from './process-memory';
export * from './dlq-commands';
export * from './dashboard-process';
