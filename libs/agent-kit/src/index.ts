export * from './stage-run.entity';
export * from './pipeline-stage';
export * from './dead-letter-to-failure';
export * from './agent-llm';
export * from './agent-core.module';
