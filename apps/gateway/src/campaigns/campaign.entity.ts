import type { CampaignRecommendations, PipelineStage, Platform, StageRun, Strategy } from '@app/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus } from './campaign-status';

export interface CampaignFailure {
  stage: PipelineStage;
  reason: string;
  failedAt: string;
}

/** `agent`: planned, written and scheduled by the agents; `adhoc`: a user's own post(s), armed as written. */
export const CAMPAIGN_KINDS = ['agent', 'adhoc'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** The gateway's read model of a campaign: the request as the user made it, plus what the agents reported. */
@Entity({ name: 'campaigns' })
@Index('campaigns_user_created_idx', ['userId', 'createdAt'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { default: 'agent' })
  kind: CampaignKind;

  @Column('text')
  name: string;

  @Column('text')
  goal: string;

  @Column('jsonb', { name: 'target_platforms' })
  targetPlatforms: Platform[];

  @Column('timestamptz', { name: 'start_date' })
  startDate: Date;

  @Column('int', { name: 'duration_days' })
  durationDays: number;

  @Column('text', { name: 'target_audience', nullable: true })
  targetAudience: string | null;

  @Column('text', { name: 'brand_voice', nullable: true })
  brandVoice: string | null;

  @Column('jsonb', { name: 'content_themes' })
  contentThemes: string[];

  @Column('text')
  timezone: string;

  @Column('text')
  status: CampaignStatus;

  @Column('int')
  revision: number;

  @Column('jsonb', { name: 'strategy_output', nullable: true })
  strategyOutput: Strategy | null;

  @Column('jsonb')
  stages: StageRun[];

  /** Which optimization recommendations the agents used (from the campaign state). */
  @Column('jsonb', { nullable: true })
  recommendations: CampaignRecommendations | null;

  @Column('jsonb', { nullable: true })
  failure: CampaignFailure | null;

  @Column('timestamptz', { name: 'execution_requested_at', nullable: true })
  executionRequestedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
