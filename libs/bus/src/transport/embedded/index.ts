export * from './embedded-schema';
export * from './embedded-broker';
export * from './embedded-transport';
export * from './topic-match';
