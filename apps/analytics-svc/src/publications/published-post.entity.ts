import type { Platform } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The seed's `posts` table: every post that went out (or failed to), with its latest metrics. */
@Entity({ name: 'posts' })
export class PublishedPost {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'platform_connection_id', nullable: true })
  platformConnectionId: string | null;

  @Column('text')
  platform: Platform;

  @Column('text')
  status: 'published' | 'failed';

  @Column('text', { name: 'platform_post_id', nullable: true })
  platformPostId: string | null;

  @Column('text', { nullable: true })
  caption: string | null;

  @Column('jsonb')
  hashtags: string[];

  @Column('jsonb')
  metrics: Record<string, number>;

  @Column('text', { name: 'failure_reason', nullable: true })
  failureReason: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
