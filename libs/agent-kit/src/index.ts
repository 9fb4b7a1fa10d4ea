export * from './stage-run.entity';
export * from './pipeline-stage';
export * from './dead-letter-to-failure';
export * from './agent-llm';
export * from './agent-core.module';
export * from './agent-model';
export * from './llm-result-cache';
export * from './agent-config';
