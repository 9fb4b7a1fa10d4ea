import { PLATFORMS } from '@app/contracts';
import type { CampaignSpec, Platform } from '@app/contracts';
import { Rng } from '../offline/random';

/** Test fixtures: a realistic sample campaign and a generator of varied, sometimes hostile, specs. */
export const SAMPLE_SPEC: CampaignSpec = {
  name: 'Spring Into Running',
  goal: 'Drive 500 sign-ups for our spring running club in Austin',
  targetPlatforms: ['x', 'instagram', 'facebook'],
  startDate: '2025-03-01T00:00:00.000Z',
  durationDays: 14,
  targetAudience: 'Busy parents in Austin who want to get fit',
  brandVoice: 'warm, encouraging and a little playful',
  contentThemes: ['beginner running tips', 'community stories', 'behind the scenes', '🌱 recovery and rest'],
  timezone: 'America/Chicago',
};

const NAMES = ['Spring Into Running', 'EcoBottle Launch 2025', 'Q3 Awareness Push', 'Brew Lab Summer Menu', 'Café Lumière ☕ Week', 'The Big Green Switch', 'Operation Inbox Zero', '日本茶フェア', 'Mindful Mondays', 'SaaS Growth Sprint'];
const GOALS = [
  'Increase brand awareness for EcoBottle among Gen Z',
  'Drive 500 sign-ups for our spring running club',
  'Sell out the new summer menu at Brew Lab',
  'Grow Instagram followers by 20% before the holidays',
  'Get more people to attend our free coding workshop in Berlin',
  'Launch our budgeting app and get 1,000 downloads',
  'Boost engagement and conversation in our plant lovers community',
  'Drive traffic to our new recipe blog',
  'Raise awareness of ocean plastic and promote our beach clean-up volunteering days, which run every weekend through the summer, by partnering with local schools, surf clubs and cafés along the coast so that families, students and tourists all hear about it and show up with friends, gloves and reusable bottles',
  '🚀 Make people love our product 🚀',
];
const THEMES = [
  'plant care', 'sustainability', 'behind the scenes', 'customer stories', 'product tips', '🌱 eco tips', 'café culture ☕', '日本茶の楽しみ方',
  'AI tools for small business', 'team culture', 'summer sale', 'live workshops', 'mindset & motivation', '#TrailRunning', 'recipes',
  'a very long theme about the many ways that people in busy cities can find a little more calm in their daily commute and routines',
  '👩‍💻 coding for beginners', 'Black Friday deals', 'community events', 'FAQ', '💧💧💧', 'Sustainability!!!',
];
const AUDIENCES = [undefined, 'Busy parents in Austin', 'Gen Z students', 'small business owners who are new to marketing and want quick wins', 'Remote workers aged 25-40', 'Foodies 🍜 in Tokyo', ''];
const VOICES = [undefined, 'playful and witty', 'professional, authoritative', 'bold, energetic', 'warm, friendly', 'calm and clear', 'quirky but professional', ''];
const PLATFORM_SETS: Platform[][] = [
  ['x'], ['instagram'], ['facebook'], ['x', 'instagram'], ['instagram', 'facebook'], ['x', 'instagram', 'facebook'], ['facebook', 'x'],
  ['linkedin'], ['bluesky'], ['mastodon'], ['x', 'bluesky', 'mastodon'], ['linkedin', 'instagram', 'facebook'], ['mastodon', 'linkedin'], [...PLATFORMS],
];

export function randomSpec(index: number): CampaignSpec {
  const rng = new Rng(1000 + index * 7919);
  const themeCount = rng.int(7);
  return {
    name: `${rng.pick(NAMES)}${rng.chance(0.3) ? ` ${index}` : ''}`,
    goal: rng.pick(GOALS),
    targetPlatforms: rng.pick(PLATFORM_SETS),
    startDate: '2025-05-01T09:00:00.000Z',
    durationDays: rng.chance(0.2) ? rng.pick([1, 7, 30, 90]) : rng.between(1, 90),
    targetAudience: rng.pick(AUDIENCES),
    brandVoice: rng.pick(VOICES),
    contentThemes: rng.sample(THEMES, themeCount),
    timezone: 'Europe/Berlin',
  };
}
