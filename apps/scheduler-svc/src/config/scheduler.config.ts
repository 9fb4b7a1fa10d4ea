import { EnvReader, ServiceConfig, readServiceConfig } from '@app/config';

export interface SchedulerConfig extends ServiceConfig {
  /** How often due posts are looked for. */
  tickMs: number;
  /** Due posts claimed per transaction. */
  dispatchBatchSize: number;
  /**
   * A post found more than this late (the Scheduler was down at its time) is not published by surprise:
   * it is marked missed and the user reschedules it.
   */
  missedGraceMs: number;
}

export function readSchedulerConfig(env: Record<string, string | undefined> = process.env): SchedulerConfig {
  const reader = new EnvReader(env);
  const config: SchedulerConfig = {
    ...readServiceConfig('scheduler-svc', reader),
    tickMs: reader.int('SCHEDULER_TICK_MS', 1_000, { min: 50, max: 60_000 }),
    dispatchBatchSize: reader.int('SCHEDULER_BATCH_SIZE', 100, { min: 1, max: 5_000 }),
    missedGraceMs: reader.int('MISSED_POST_GRACE_MINUTES', 30, { min: 1, max: 7 * 24 * 60 }) * 60_000,
  };
  reader.done();
  return config;
}
