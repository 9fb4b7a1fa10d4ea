import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One publishing attempt of a post as posting-svc reported it (`post.attempted.v1`): the post's history.
 * Unique per (post, attempt, outcome), so a redelivered event adds nothing.
 */
@Entity({ name: 'post_attempts' })
@Unique('post_attempts_post_attempt_outcome_key', ['postId', 'attempt', 'outcome'])
export class PostAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid', { name: 'post_id' })
  postId: string;

  @Column('int')
  attempt: number;

  /** ATTEMPT_OUTCOMES of @app/contracts. */
  @Column('text')
  outcome: string;

  @Column('text', { nullable: true })
  detail: string | null;

  @Column('int', { name: 'http_status', nullable: true })
  httpStatus: number | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column('timestamptz', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
