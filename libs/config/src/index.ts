export * from './env-reader';
export * from './retry';
export * from './service-config';
