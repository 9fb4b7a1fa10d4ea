import type { ContentType, Platform } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ScheduleStatus = 'draft' | 'armed' | 'dispatched' | 'cancelled';

export interface ScheduledContent {
  text: string;
  threadParts?: string[];
  hashtags: string[];
  imagePrompt?: string;
  altText?: string;
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
