export * from './ensure-database';
export * from './migrate';
export * from './data-source-options';
export * from './rows';
export * from './embedded-postgres';
export * from './pglite-template';
