/**
 * Post archetypes. A planned post's angle is written from one of these, and the writer turns the angle back
 * into its kind to pick hooks and talking points. Placeholders: {topic} {audience} {subject} {name} {period}.
 */
export type PostKind =
  | 'tips'
  | 'mistakes'
  | 'myth'
  | 'howto'
  | 'story'
  | 'behind'
  | 'why'
  | 'question'
  | 'announce'
  | 'feature'
  | 'offer'
  | 'inspire'
  | 'invite'
  | 'lessons';

export interface KindBank {
  /** One-sentence angles for the plan. */
  angles: readonly string[];
  /** Opening lines. */
  hooks: readonly string[];
  /** Talking points: standalone sentences. */
  points: readonly string[];
  /** Questions a post can end on. */
  questions: readonly string[];
  /** Points are steps and keep their order. */
  ordered?: boolean;
}
