import type { Platform } from '@app/contracts';
import type { Objective } from './objective';
import type { PostKind } from './phrases';

/** Calls to action per objective; {where} is where the link lives on the platform. */
const CTAS: Record<Objective, readonly string[]> = {
  awareness: ['Follow along for more on {topic}.', 'Share this with someone who’d find it useful.', 'Save this for later and pass it on.', 'Follow us so you don’t miss the next one.'],
  engagement: ['Tell us in the comments.', 'Drop your answer below.', 'Reply and tell us yours.', 'Join the conversation below.'],
  traffic: ['Read the full guide via {where}.', 'There’s more on {topic} via {where}.', 'Dig deeper via {where}.'],
  signups: ['Sign up via {where}. It takes a minute.', 'Join us through {where}.', 'Get started via {where}.'],
  sales: ['Shop now via {where}.', 'Find yours via {where}.', 'Get yours through {where}.'],
  launch: ['Be among the first: {where}.', 'Get early access via {where}.', 'See it first via {where}.'],
  event: ['Save your spot via {where}.', 'RSVP through {where}.', 'Book your place via {where}.'],
};

/** Kinds that ask for replies get a conversational call to action whatever the objective. */
const CONVERSATION_KINDS: ReadonlySet<PostKind> = new Set(['question', 'story']);

const WHERE: Record<Platform, string> = {
  x: 'the link in our bio',
  instagram: 'the link in our bio',
  facebook: 'the link on our page',
  linkedin: 'the link in the comments',
  bluesky: 'the link in our bio',
  mastodon: 'the link in our profile',
};

export function ctaOptions(objective: Objective, kind: PostKind): readonly string[] {
  return CONVERSATION_KINDS.has(kind) ? CTAS.engagement : CTAS[objective];
}

export function whereFor(platform: Platform): string {
  return WHERE[platform];
}
