import type { PillarType } from '../pillars';
import { ANNOUNCE, FEATURE, INSPIRE, INVITE, OFFER, WHY } from './brand';
import type { KindBank, PostKind } from './kinds';
import { HOWTO, MISTAKES, MYTH, TIPS } from './learn';
import { BEHIND, LESSONS, QUESTION, STORY } from './people';

export type { KindBank, PostKind } from './kinds';

export const KINDS: Readonly<Record<PostKind, KindBank>> = {
  tips: TIPS,
  mistakes: MISTAKES,
  myth: MYTH,
  howto: HOWTO,
  story: STORY,
  behind: BEHIND,
  why: WHY,
  question: QUESTION,
  announce: ANNOUNCE,
  feature: FEATURE,
  offer: OFFER,
  inspire: INSPIRE,
  invite: INVITE,
  lessons: LESSONS,
};

/** The kinds of post that suit each pillar type, in rotation order. */
export const PILLAR_KINDS: Readonly<Record<PillarType, readonly PostKind[]>> = {
  education: ['tips', 'myth', 'howto', 'mistakes', 'question'],
  stories: ['story', 'question', 'inspire'],
  behind: ['behind', 'why', 'question'],
  product: ['feature', 'howto', 'myth', 'question'],
  values: ['why', 'tips', 'myth', 'question'],
  event: ['invite', 'behind', 'question'],
  offer: ['offer', 'feature', 'question', 'story'],
  inspiration: ['inspire', 'question', 'tips', 'story'],
  general: ['tips', 'why', 'myth', 'question', 'mistakes', 'howto'],
};

/** Phrases that make an angle different on a second, third… pass through the same template. */
export const ANGLE_LENSES: readonly string[] = [
  'this time for complete beginners',
  'with a before-and-after example',
  'framed around a typical weekday',
  'answering a question from the comments',
  'with one thing to try today',
  'tied back to {subject}',
  'focused on saving time',
  'focused on keeping costs down',
  'drawing on the team’s own experience',
  'as a quick checklist',
  'with a seasonal twist',
  'for people who tried before and gave up',
];
