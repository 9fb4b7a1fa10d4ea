/** Brand voice: inferred from the free-text `brandVoice` by keywords, with a conversational default. */
export type VoiceKind = 'playful' | 'professional' | 'bold' | 'warm' | 'conversational';

export interface VoiceStyle {
  kind: VoiceKind;
  /** How the strategy describes the voice. */
  description: string;
  /** Chance that a post carries an emoji, and the emoji to pick from. */
  emojiRate: number;
  emoji: readonly string[];
  /** Short lead-ins put in front of a hook now and then. */
  leadIns: readonly string[];
  /** Sign-offs for longer posts (Instagram, Facebook). */
  signOffs: readonly string[];
  /** Openers for a conversational Facebook post. */
  openers: readonly string[];
  palette: string;
  lighting: string;
  mood: string;
}

const KEYWORDS: Record<Exclude<VoiceKind, 'conversational'>, readonly string[]> = {
  playful: ['playful', 'fun', 'witty', 'quirky', 'cheeky', 'humor', 'humour', 'funny', 'lighthearted', 'light-hearted', 'silly', 'whimsical', 'irreverent', 'cheerful', 'upbeat', 'sassy'],
  professional: ['professional', 'authoritative', 'expert', 'formal', 'corporate', 'trustworthy', 'informative', 'polished', 'b2b', 'credible', 'precise', 'clear', 'knowledgeable', 'serious', 'data-driven', 'concise'],
  bold: ['bold', 'energetic', 'confident', 'punchy', 'edgy', 'daring', 'provocative', 'hype', 'loud', 'fearless', 'rebellious', 'direct', 'intense', 'dynamic', 'ambitious', 'motivational'],
  warm: ['warm', 'friendly', 'caring', 'empathetic', 'supportive', 'gentle', 'kind', 'welcoming', 'inclusive', 'heartfelt', 'compassionate', 'cozy', 'cosy', 'approachable', 'nurturing', 'calm', 'warmth'],
};

export const VOICES: Record<VoiceKind, VoiceStyle> = {
  playful: {
    kind: 'playful',
    description: 'playful and witty: light jokes, short punchy lines and the odd emoji, never at the audience’s expense',
    emojiRate: 0.8,
    emoji: ['✨', '🙌', '😄', '🎉', '👀', '💡', '🙃'],
    leadIns: ['Plot twist:', 'Okay, real talk:', 'Hot tip, fresh out of the oven:', 'Not to be dramatic, but', 'Friendly nudge:'],
    signOffs: ['You’ve got this (and we’ve got snacks).', 'Go on, give it a go.', 'Tag a friend who needs to hear this.'],
    openers: ['Okay, confession time.', 'Can we talk about something for a sec?', 'Fun one for your feed today.', 'Grab a snack, this one’s good.', 'Pop quiz energy, but friendlier.'],
    palette: 'bright coral, sunny yellow and teal accents on a clean off-white background',
    lighting: 'bright, even daylight with soft shadows',
    mood: 'cheerful and energetic',
  },
  professional: {
    kind: 'professional',
    description: 'professional and clear: confident, evidence-minded, no hype and no emoji, every post useful on its own',
    emojiRate: 0,
    emoji: [],
    leadIns: ['Worth knowing:', 'A quick insight:', 'Key takeaway:', 'In practice:'],
    signOffs: ['We’re happy to answer questions in the comments.', 'Save this for your next planning session.', 'Share it with a colleague who will find it useful.'],
    openers: ['A short note for anyone weighing their options.', 'Here is something we get asked about often.', 'One practical point for this week.', 'A quick update from our team.', 'Something worth five minutes of your time.'],
    palette: 'deep navy, slate grey and crisp white with a single teal accent',
    lighting: 'soft, diffused studio lighting',
    mood: 'calm, confident and trustworthy',
  },
  bold: {
    kind: 'bold',
    description: 'bold and energetic: short declarative sentences, strong verbs, a clear point of view',
    emojiRate: 0.5,
    emoji: ['🔥', '⚡', '💥', '🚀', '👊'],
    leadIns: ['Let’s be honest:', 'Here’s the truth:', 'No excuses:', 'Stop scrolling.', 'Big statement:'],
    signOffs: ['Now go make it happen.', 'No more waiting. Start today.', 'Your move.'],
    openers: ['Let’s cut to it.', 'We’re not going to sugar-coat this.', 'Straight talk for a minute.', 'Time to shake things up.', 'Listen up.'],
    palette: 'high-contrast black, electric red and bright white',
    lighting: 'dramatic side lighting with deep shadows and crisp highlights',
    mood: 'intense and energetic',
  },
  warm: {
    kind: 'warm',
    description: 'warm and welcoming: encouraging, inclusive, speaking to one person at a time',
    emojiRate: 0.55,
    emoji: ['💛', '🌿', '🤗', '☀️', '🌸'],
    leadIns: ['A gentle reminder:', 'From our team to you:', 'Something we love sharing:', 'Just between us:'],
    signOffs: ['We’re cheering you on.', 'Take what helps and leave the rest.', 'We’d love to hear how it goes.'],
    openers: ['We hope your week is treating you kindly.', 'Pull up a chair for a minute.', 'Here’s something we’ve been wanting to share with you.', 'Hello, friends.', 'A little note from all of us.'],
    palette: 'soft terracotta, warm cream and sage green',
    lighting: 'golden-hour window light, soft and warm',
    mood: 'warm, welcoming and hopeful',
  },
  conversational: {
    kind: 'conversational',
    description: 'conversational and clear: friendly, plain English, like a knowledgeable friend',
    emojiRate: 0.3,
    emoji: ['👇', '💡', '✅', '🙌'],
    leadIns: ['Quick one:', 'Here’s a thought:', 'Worth a minute:', 'Real talk:'],
    signOffs: ['Let us know what you think.', 'More coming soon, so stay tuned.', 'Save this so you can find it later.'],
    openers: ['Quick question for you.', 'Here’s something we’ve been thinking about.', 'A little something for your week.', 'Happy to see you here.', 'Something we keep coming back to.'],
    palette: 'natural daylight tones, soft blues and warm neutrals',
    lighting: 'natural window light',
    mood: 'friendly and approachable',
  },
};

const PATTERNS = (Object.entries(KEYWORDS) as Array<[VoiceKind, readonly string[]]>).map(([kind, words]) => ({
  kind,
  patterns: words.map((w) => new RegExp(`(^|[^a-z])${w.replace(/-/g, '\\-')}${w.length < 5 ? '(?![a-z])' : ''}`)),
}));

/** The voice whose keywords appear most often in `brandVoice` (earlier keyword position wins ties). */
export function detectVoice(brandVoice: string | undefined): VoiceStyle {
  const text = (brandVoice ?? '').toLowerCase();
  let best: VoiceKind = 'conversational';
  let bestScore = 0;
  let bestPos = Infinity;
  for (const { kind, patterns } of PATTERNS) {
    let score = 0;
    let pos = Infinity;
    for (const pattern of patterns) {
      const at = text.search(pattern);
      if (at >= 0) {
        score++;
        pos = Math.min(pos, at);
      }
    }
    if (score > bestScore || (score === bestScore && score > 0 && pos < bestPos)) {
      best = kind;
      bestScore = score;
      bestPos = pos;
    }
  }
  return VOICES[best];
}
