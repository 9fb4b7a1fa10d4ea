import type { Objective } from './objective';
import type { PillarType } from './pillars';

/** How each objective shapes the campaign, for the summary. */
export const APPROACH: Record<Objective, string> = {
  awareness: 'with shareable, save-worthy posts that put {subject} in front of new people',
  engagement: 'with questions, stories and polls that invite replies rather than just likes',
  traffic: 'with value-first posts that give people a genuine reason to click through',
  signups: 'with a steady run of helpful posts, each ending in one clear, low-friction invitation to sign up',
  sales: 'leading with useful content and following with clear, time-bound reasons to buy',
  launch: 'building anticipation early and keeping momentum after launch day',
  event: 'building interest, answering the practical questions and reminding people to save their spot',
};

export const INSIGHTS: readonly string[] = [
  '{Audience} are short on time and long on options: they stop for posts that solve a real problem with {topic} in a few seconds, and they trust specifics and real people over polished claims.',
  '{Audience} already care about {topic}, but many feel they are behind. Posts that make the next step feel small and doable earn saves and shares; hard sells get scrolled past.',
  '{Audience} want to feel like insiders: practical detail, honest behind-the-scenes moments and a chance to be heard. A conversation about {topic2} will travel further than an announcement.',
  '{Audience} follow accounts that make their day a little easier. Useful, specific posts about {topic} build the trust that later turns into action.',
];

export const INSIGHT_TAIL: Record<Objective, string> = {
  awareness: 'Shareable formats (carousels, threads, short videos) will do the heavy lifting for reach.',
  engagement: 'Replying quickly to early comments will matter as much as the posts themselves.',
  traffic: 'Each post should tease one concrete thing that is only fully answered after the click.',
  signups: 'One low-friction ask per post will convert better than several competing calls to action.',
  sales: 'Proof and clarity (what it is, who it is for, what it costs) will matter more than urgency.',
  launch: 'Early curiosity is the asset: show enough to intrigue, then reward followers on launch day.',
  event: 'Practical detail (when, where, what to expect) removes the doubts that stop people from committing.',
};

export const PILLAR_MESSAGES: Record<PillarType, string> = {
  education: 'Small, consistent steps make {topic} easier, and we’ll show you how.',
  stories: 'People like you are already making progress with {topic}, and your story matters.',
  behind: 'Real people care about every detail of {subject}.',
  product: '{Subject} is built for {audience}: simple to start, useful every day.',
  values: 'We treat {topic} as part of how we work, not as a campaign slogan.',
  event: '{Topic}: worth showing up for, and joining in is easy.',
  offer: 'Now is a good time to try {subject}: a fair offer with no fine print.',
  inspiration: 'With {topic}, progress beats perfection.',
  general: 'There’s a simple, practical way into {topic}, and it’s worth your time.',
};

export const OBJECTIVE_MESSAGES: Record<Objective, string> = {
  awareness: '{Subject} is here for {audience}. Follow along.',
  engagement: 'We want to hear from you: this campaign is a conversation, not a broadcast.',
  traffic: 'There is more where this came from, and the full guides are one click away.',
  signups: 'Signing up takes a minute, and the value starts right away.',
  sales: '{Subject} is worth it, and getting yours is easy.',
  launch: '{Subject} is new, and you can be among the first to try it.',
  event: 'Save your spot now: it’s easy, and it’s going to be good.',
};

/** KPI names and targets per objective; {days}, {target} and {pct} are filled in by the generator. */
export const KPIS: Record<Objective, ReadonlyArray<readonly [string, string]>> = {
  awareness: [
    ['Reach (unique accounts)', '{target} vs. the {days} days before the campaign'],
    ['Impressions', '+40% vs. the {days} days before the campaign'],
    ['Follower growth', '+{pct}% net new followers by the end of the campaign'],
    ['Engagement rate', 'at least 3% average per post'],
  ],
  engagement: [
    ['Engagement rate', '{target} average per post'],
    ['Comments and replies', 'at least 10 genuine replies per post on average'],
    ['Saves and shares', '+25% vs. the {days} days before the campaign'],
    ['Reach (unique accounts)', '+20% vs. the {days} days before the campaign'],
  ],
  traffic: [
    ['Link clicks', '{target} vs. the {days} days before the campaign'],
    ['Click-through rate', 'at least 1.5% on posts with a link call to action'],
    ['Landing-page sessions from social', '+30% over {days} days (UTM-tagged links)'],
    ['Engagement rate', 'at least 2.5% average per post'],
  ],
  signups: [
    ['Sign-ups from social', '{target} over {days} days (UTM-tagged links)'],
    ['Click-through rate', 'at least 1.5% on posts with a sign-up call to action'],
    ['Click-to-sign-up conversion', 'at least 10% of social visitors'],
    ['Reach (unique accounts)', '+20% vs. the {days} days before the campaign'],
  ],
  sales: [
    ['Orders from social', '{target} over {days} days (UTM-tagged links)'],
    ['Conversion rate', 'at least 2% of social visitors'],
    ['Click-through rate', 'at least 1.2% on posts with a shopping call to action'],
    ['Engagement rate', 'at least 2.5% average per post'],
  ],
  launch: [
    ['Reach (unique accounts)', '{target} vs. the {days} days before the launch'],
    ['Launch-page click-throughs', 'at least 1.5% click-through rate on launch posts'],
    ['Shares and mentions', '+50% vs. the {days} days before the launch'],
    ['Engagement rate', 'at least 3% average per post'],
  ],
  event: [
    ['Registrations / RSVPs from social', '{target} by the last day of the campaign'],
    ['Link clicks', 'at least 1.5% click-through rate on event posts'],
    ['Reach (unique accounts)', '+25% vs. the {days} days before the campaign'],
    ['Reminder engagement', 'at least 3% engagement rate on reminder posts'],
  ],
};

export const DEFAULT_TARGETS: Record<Objective, string> = {
  awareness: '+30%',
  engagement: 'at least 4%',
  traffic: '+35%',
  signups: '+25% vs. the previous period',
  sales: '+20% vs. the previous period',
  launch: '+50%',
  event: '+30% vs. the previous event',
};
