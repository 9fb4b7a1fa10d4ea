import type { Objective } from './objective';
import { toHashtag } from './hashtags';
import { clean, fill, midSentence, plainPhrase, shortPhrase, titleCase } from './text';

export type PillarType = 'education' | 'stories' | 'behind' | 'product' | 'values' | 'event' | 'offer' | 'inspiration' | 'general';

/** A content pillar with what the writers need to talk about it. */
export interface PillarSeed {
  name: string;
  type: PillarType;
  /** What posts of this pillar are about, fit for mid-sentence use ("plant care"). */
  topic: string;
  tag: string | null;
  description: string;
}

const TYPE_PATTERNS: ReadonlyArray<readonly [PillarType, RegExp]> = [
  ['behind', /\b(behind[- ]the[- ]scenes|bts|backstage|our team|meet the team|team|culture|process|making of|how (it|we)('| i)?s? made|studio|craft)\b/],
  ['offer', /\b(sales?|deals?|discounts?|offers?|promos?|promotions?|giveaways?|contests?|coupons?|bundles?|black friday|cyber monday)\b/],
  ['event', /\b(events?|webinars?|workshops?|meetups?|meet-ups?|festivals?|conferences?|summits?|live|classes|races?|tournaments?|open day|pop-ups?)\b/],
  ['stories', /\b(customers?|clients?|testimonials?|reviews?|stor(y|ies)|community|ugc|user[- ]generated|spotlights?|members?|fans?|voices|case stud(y|ies))\b/],
  ['education', /\b(tips?|how[- ]to'?s?|tutorials?|guides?|education(al)?|learn(ing)?|hacks?|tricks?|advice|101|basics|lessons?|faqs?|explainers?|insights?)\b/],
  ['product', /\b(products?|features?|launch(es)?|releases?|new arrivals?|collections?|menu|services?|apps?|updates?|demos?|drops?)\b/],
  ['values', /(sustainab|\beco\b|\bgreen\b|climate|planet|environment|mission|\bvalues\b|purpose|impact|ethic|diversity|inclusi|charit|giving back|\blocal\b|well-?being|mental health|accessib)/],
  ['inspiration', /(inspir|motivat|lifestyle|mindset|quotes?\b|\bfun\b|humou?r|memes?\b|trends?\b|seasonal|holiday|aesthetic|wellness|self-care)/],
];

/** Words that name a kind of content rather than a subject; removed to find what a pillar is about. */
const CATEGORY_WORDS =
  /\b(behind[- ]the[- ]scenes|bts|backstage|meet the team|tips?|tricks?|hacks?|how[- ]to'?s?|tutorials?|guides?|advice|education(al)?|lessons?|basics|101|faqs?|explainers?|insights?|stor(y|ies)|testimonials?|reviews?|customers?|clients?|community|ugc|user[- ]generated|content|spotlights?|team|culture|process|products?|features?|launch(es)?|updates?|news|announcements?|events?|offers?|deals?|promos?|promotions?|giveaways?|inspiration|motivation|posts?|series)\b/gi;
const EDGE_MINOR = /^(?:(?:at|the|of|for|on|in|and|&|with|from|our|my|your|a|an|to)\s+)+|(?:\s+(?:at|the|of|for|on|in|and|&|with|from|our|my|your|a|an|to))+$/giu;

export function classifyTheme(theme: string): PillarType {
  const lower = theme.toLowerCase();
  return TYPE_PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0] ?? 'general';
}

/** The subject of a theme once words like "tips" or "behind the scenes" are removed; '' when nothing is left. */
export function topicOf(theme: string, type: PillarType): string {
  if (type === 'general' || type === 'values' || type === 'inspiration') return theme;
  const stripped = clean(theme.replace(CATEGORY_WORDS, ' ')).replace(/[,;:&+/-]+/g, ' ');
  const rest = clean(clean(stripped).replace(EDGE_MINOR, ''));
  // "eco tips" → "eco" says too little on its own: keep the whole theme then.
  return rest && !rest.includes(' ') && [...rest].length <= 4 && rest !== theme ? theme : rest;
}

const DESCRIPTIONS: Record<PillarType, string> = {
  education: 'Practical, save-worthy advice on {topic} that helps {audience} make progress without overthinking it.',
  stories: 'Real voices from {audience}: the wins, lessons and honest moments around {topic}.',
  behind: 'An honest look behind the scenes of {topic}: the people, the process and the small decisions.',
  product: '{Topic} up close: what it does, who it is for and how to get the most out of it.',
  values: 'Why we care about {topic}, what we actually do about it and how {audience} can take part.',
  event: 'Everything around {topic}: what is happening, how to join in and what to expect.',
  offer: 'Clear, time-bound offers on {topic} that give {audience} a good reason to act now.',
  inspiration: 'Everyday inspiration around {topic} that gives {audience} a lift and a reason to come back.',
  general: 'Useful, specific posts about {topic} for {audience}, mixing ideas, answers and conversation.',
};

/** Pillars added from the goal when fewer than three themes are given, in order of preference per objective. */
const FILLERS: Record<PillarType, string> = {
  education: 'Tips and How-Tos',
  stories: 'Community Voices',
  behind: 'Behind the Scenes',
  product: 'Up Close',
  values: 'Why It Matters',
  event: 'What to Expect',
  offer: 'Perks and Offers',
  inspiration: 'Everyday Inspiration',
  general: 'Conversation Starters',
};
const FILLER_ORDER: Record<Objective, readonly PillarType[]> = {
  awareness: ['values', 'education', 'stories', 'behind'],
  engagement: ['stories', 'inspiration', 'education', 'general'],
  traffic: ['education', 'product', 'stories', 'values'],
  signups: ['education', 'product', 'stories', 'behind'],
  sales: ['product', 'stories', 'offer', 'education'],
  launch: ['product', 'behind', 'education', 'stories'],
  event: ['event', 'behind', 'stories', 'education'],
};

export interface PillarContext {
  objective: Objective;
  /** Mid-sentence name of what the campaign promotes. */
  subject: string;
  properNouns: ReadonlySet<string>;
}

export interface PillarDrafts {
  drafts: Array<{ name: string; type: PillarType; topic: string; tagSource: string }>;
  /** The campaign's main topic: the first theme with a subject of its own, else the subject. */
  main: string;
}

/** Topic-less pillars ("Behind the Scenes", fillers) talk about the campaign's main topic: the first theme with a subject of its own. */
/** A theme like "product tips" is about what the campaign promotes. */
const PRODUCT_WORDS = /\b(products?|features?|services?|apps?|menu|range|collection)\b/i;
const SUBJECT_FILLERS: ReadonlySet<PillarType> = new Set(['product', 'offer', 'behind']);
const CONTENT_TYPES: ReadonlySet<PillarType> = new Set(['general', 'education', 'values', 'inspiration', 'product']);

/** 3–5 pillars: one per distinct content theme (first five), topped up from the goal's objective. */
export function draftPillars(themes: readonly string[], ctx: PillarContext): PillarDrafts {
  const drafts: PillarDrafts['drafts'] = [];
  const names = new Set<string>();
  const add = (name: string, type: PillarType, topic: string, tagSource: string) => {
    names.add(name.toLowerCase());
    drafts.push({ name, type, topic, tagSource });
  };
  for (const raw of themes) {
    if (drafts.length === 5) break;
    const theme = shortPhrase(plainPhrase(raw), 48, 7);
    const name = titleCase(theme);
    if (!/\p{L}/u.test(theme) || names.has(name.toLowerCase())) continue;
    const type = classifyTheme(theme);
    const topic = midSentence(topicOf(theme, type), ctx.properNouns);
    add(name, type, topic || (PRODUCT_WORDS.test(theme) ? ctx.subject : ''), theme);
  }
  const fillers = [...FILLER_ORDER[ctx.objective], 'general', 'inspiration', 'education', 'stories'] as const;
  for (const type of fillers) {
    if (drafts.length >= 3) break;
    if (names.has(FILLERS[type].toLowerCase()) || (drafts.some((d) => d.type === type) && type !== 'general')) continue;
    add(FILLERS[type], type, SUBJECT_FILLERS.has(type) ? ctx.subject : '', FILLERS[type]);
  }
  const main = drafts.find((d) => d.topic && CONTENT_TYPES.has(d.type))?.topic ?? drafts.find((d) => d.topic)?.topic ?? ctx.subject;
  return { drafts, main };
}

export function finishPillars({ drafts, main }: PillarDrafts, audience: string): PillarSeed[] {
  return drafts.map(({ name, type, topic, tagSource }) => {
    const resolved = topic || main;
    return { name, type, topic: resolved, tag: toHashtag(tagSource), description: fill(DESCRIPTIONS[type], { topic: resolved, audience }) };
  });
}
