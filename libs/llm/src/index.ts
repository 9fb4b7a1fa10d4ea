export * from './llm.port';
export { OfflineLlmProvider, OFFLINE_MODEL, OFFLINE_PROVIDER_NAME } from './offline/offline.provider';
export { CONTENT_OUTPUT_SCHEMA, CREATIVE_OUTPUT_SCHEMA, STEP_OUTPUT_SCHEMAS, STRATEGY_OUTPUT_SCHEMA } from './schemas';
export { validateStepOutput } from './validate';
export { DEFAULT_POSTS_PER_WEEK, postsFor } from './cadence';
export { MAX_ALT_TEXT } from './validate/creative';
export { fitsLength } from './limits';
