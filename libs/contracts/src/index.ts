export * from './platforms';
export * from './text-length';
export * from './campaign-state';
export * from './events';
export * from './envelope';
export * from './validation';
export * from './media-url';
export * from './connections';
