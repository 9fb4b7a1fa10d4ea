import type { Platform } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PublicationStatus = 'publishing' | 'published' | 'failed';

/** Posting's record of each publish: claimed before the platform call, settled after it. */
@Entity({ name: 'publications' })
export class Publication {
  @PrimaryColumn('uuid', { name: 'post_id' })
  postId: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  platform: Platform;

  @Column('text')
  status: PublicationStatus;

  @Column('int')
  attempts: number;

  @Column('text', { name: 'platform_post_id', nullable: true })
  platformPostId: string | null;

  @Column('text', { nullable: true })
  url: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
