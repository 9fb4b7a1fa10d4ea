import type { ContentType, Platform } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `missed`: it was due while the Scheduler was down for longer than the grace period; the user decides. */
export type ScheduleStatus = 'draft' | 'armed' | 'dispatched' | 'cancelled' | 'missed';

export interface ScheduledContent {
  text: string;
  threadParts?: string[];
  hashtags: string[];
  imagePrompt?: string;
  altText?: string;
  /** Generated images (creative-svc ids), attached in order. */
  imageIds?: string[];
  /** The connected account an ad-hoc post goes out on (campaign posts use the user's account on the platform). */
  connectionId?: string;
}

/** The Scheduler's own copy of each post: when it is due and whether it may go out. */
@Entity({ name: 'scheduled_posts' })
export class ScheduledPost {
  @PrimaryColumn('uuid', { name: 'post_id' })
  postId: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  platform: Platform;

  @Column('text', { name: 'content_type' })
  contentType: ContentType;

  @Column('jsonb')
  content: ScheduledContent;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('text')
  status: ScheduleStatus;

  @Column('int', { name: 'edit_revision', default: 0 })
  editRevision: number;

  @Column('timestamptz', { name: 'dispatched_at', nullable: true })
  dispatchedAt: Date | null;
}
