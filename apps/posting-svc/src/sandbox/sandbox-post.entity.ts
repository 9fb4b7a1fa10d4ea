import type { MediaType, Platform } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A post "published" to the sandbox platform: recorded locally, never sent anywhere. */
@Entity({ name: 'sandbox_posts' })
export class SandboxPost {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  platform: Platform;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey: string;

  @Column('text')
  text: string;

  @Column('jsonb', { name: 'thread_parts', nullable: true })
  threadParts: string[] | null;

  @Column('jsonb')
  hashtags: string[];

  @Column('timestamptz', { name: 'published_at' })
  publishedAt: Date;

  /** The sandbox account it went out on (`sandbox` when the user connected none on the platform). */
  @Column('text', { name: 'account_id' })
  accountId: string;

  @Column('text', { name: 'media_type' })
  mediaType: MediaType;
}
