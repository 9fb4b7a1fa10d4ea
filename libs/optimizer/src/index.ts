/** The Optimization agent's model as pure functions: learn when and what to post, choose times, simulate audiences. */
export * from './random';
export * from './zoned-time';
export * from './default-slots';
export * from './curves';
export * from './prior';
export * from './kernel';
export * from './model';
export { recencyWeight } from './model-fit';
export * from './posterior-draw';
export * from './recommend';
export * from './changes';
export * from './scheduling';
export * from './content-features';
export * from './content-insights';
export * from './profile';
export * from './simulated-content';
export * from './simulator';
export { mean, variance, tQuantile, tCdf } from './stats';
