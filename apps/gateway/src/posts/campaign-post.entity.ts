import type { ContentType, Platform, SlotChoice, Visual } from '@app/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PostStatus } from './post-status';

export interface PostContent {
  text: string;
  threadParts?: string[];
  hashtags: string[];
  callToAction?: string;
}

/** One post of a campaign; its id is the one the Content agent gave it in the campaign state. */
@Entity({ name: 'campaign_posts' })
@Index('campaign_posts_campaign_idx', ['campaignId'])
@Index('campaign_posts_user_status_idx', ['userId', 'status'])
@Index('campaign_posts_user_platform_idx', ['userId', 'platform'])
export class CampaignPost {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'plan_id' })
  planId: string;

  @Column('text')
  platform: Platform;

  @Column('text', { name: 'content_type' })
  contentType: ContentType;

  @Column('text')
  pillar: string;

  @Column('jsonb')
  content: PostContent;

  @Column('jsonb', { nullable: true })
  visual: Visual | null;

  @Column('timestamptz', { name: 'scheduled_time', nullable: true })
  scheduledTime: Date | null;

  @Column('text')
  status: PostStatus;

  @Column('int', { name: 'edit_revision', default: 0 })
  editRevision: number;

  @Column('text', { name: 'platform_post_id', nullable: true })
  platformPostId: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('text', { nullable: true })
  error: string | null;

  /** Why it failed (POST_FAILURE_CODES); null unless failed. */
  @Column('text', { name: 'failure_code', nullable: true })
  failureCode: string | null;

  /** When posting-svc reported the failure (orders a failure against later attempts). */
  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt: Date | null;

  /** The post on the platform, once published. */
  @Column('text', { nullable: true })
  url: string | null;

  /** The account it went out on (e.g. `@acme`). */
  @Column('text', { name: 'account_name', nullable: true })
  accountName: string | null;

  /** posting-svc's connection it goes (or went) out on; set for ad-hoc posts from the start. */
  @Column('text', { name: 'connection_id', nullable: true })
  connectionId: string | null;

  /** Why the Scheduler chose its time (learned slot or default), from the campaign state. */
  @Column('jsonb', { name: 'slot_choice', nullable: true })
  slotChoice: SlotChoice | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
