import type { LlmUsage } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One agent's run over one campaign (table `stage_runs` in the agent's own schema). The primary key makes
 * a stage run at most once per campaign, whatever the bus redelivers.
 */
@Entity({ name: 'stage_runs' })
export class StageRunRecord {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('int', { name: 'input_revision' })
  inputRevision: number;

  @Column('text')
  status: 'succeeded' | 'failed';

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'finished_at' })
  finishedAt: Date;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('jsonb', { nullable: true })
  usage: LlmUsage | null;

  @Column('jsonb', { nullable: true })
  output: object | null;
}

export function stageRunsUpSql(schema: string): string {
  return `CREATE TABLE "${schema}"."stage_runs" (
    "campaign_id" uuid PRIMARY KEY,
    "input_revision" int NOT NULL,
    "status" text NOT NULL CHECK ("status" IN ('succeeded', 'failed')),
    "started_at" timestamptz NOT NULL,
    "finished_at" timestamptz NOT NULL,
    "error" text,
    "usage" jsonb,
    "output" jsonb
  )`;
}
