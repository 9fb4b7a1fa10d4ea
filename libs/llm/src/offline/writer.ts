import type { Platform, PlannedPost } from '@app/contracts';
import { fitsOn } from '../limits';
import { angleAsHook, kindOfAngle } from './angles';
import { textVars } from './context';
import type { CampaignContext } from './context';
import { ctaOptions, whereFor } from './cta';
import { FILLER_TAGS, KIND_TAGS, addTags, toHashtag } from './hashtags';
import { KINDS, PILLAR_KINDS } from './phrases';
import type { PostKind } from './phrases';
import type { PillarSeed } from './pillars';
import type { Rng } from './random';
import { fill, fitText } from './text';

/** Everything one post is written from: the kind of post, its hook, talking points and asks. */
export interface Material {
  platform: Platform;
  kind: PostKind;
  pillar: PillarSeed;
  vars: Record<string, string>;
  hook: string;
  emoji: string | null;
  points: string[];
  question: string;
  cta: string;
  signOff: string;
  /** A line about who the post is for. */
  audienceLine: string;
  /** The hook without lead-in or emoji (for on-screen text). */
  core: string;
  /** Whether the hook already opens with a voice lead-in ("Quick one: …"). */
  leadIn: boolean;
}

const PLACEHOLDER = /\{\w+\}/;

/** Kinds whose hooks read well after a lead-in such as "Here’s the truth:". */
const LEAD_IN_KINDS: ReadonlySet<PostKind> = new Set(['tips', 'mistakes', 'myth', 'why', 'inspire', 'behind', 'feature']);

const AUDIENCE_LINES: readonly string[] = [
  'We made this with {audience} in mind.',
  'This one’s for {audience}.',
  'Written for {audience}, tested by our own team.',
  'Made for {audience}, and for anyone just getting started.',
];

export function pillarFor(ctx: CampaignContext, name: string): PillarSeed {
  const found = ctx.pillars.find((p) => p.name === name) ?? ctx.pillars.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const topic = name.toLowerCase();
  return { name, type: 'general', topic, tag: toHashtag(name), description: name };
}

export function material(ctx: CampaignContext, post: PlannedPost, rng: Rng): Material {
  const pillar = pillarFor(ctx, post.pillar);
  const kind = kindOfAngle(post.angle) ?? rng.pick(PILLAR_KINDS[pillar.type]);
  const bank = KINDS[kind];
  const vars = textVars(ctx, pillar);
  const voice = ctx.voice;
  const template = rng.pick(bank.hooks);
  const headline = angleAsHook(post.angle);
  const core = headline ?? fill(template, vars);
  let hook = core;
  const leadIn = LEAD_IN_KINDS.has(kind) && !template.startsWith('{') && !hook.includes(':') && rng.chance(0.25);
  if (leadIn) {
    const words = rng.pick(voice.leadIns);
    hook = `${words} ${words.endsWith(':') ? hook.charAt(0).toLowerCase() + hook.slice(1) : hook}`;
  }
  if ((voice.kind === 'bold' || voice.kind === 'playful') && rng.chance(0.4)) hook = hook.replace(/\.$/, '!');
  // A hook that names nothing from the campaign is followed by a point and a question that do.
  const generic = !headline && !PLACEHOLDER.test(template);
  let points = bank.ordered ? [...bank.points] : rng.shuffle(bank.points);
  if (generic && !bank.ordered) {
    const at = points.findIndex((p) => PLACEHOLDER.test(p));
    if (at > 0) points = [points[at] as string, ...points.filter((_, i) => i !== at)];
  }
  const questions = generic ? bank.questions.filter((q) => PLACEHOLDER.test(q)) : [];
  const audienceLine = fill(rng.pick(AUDIENCE_LINES), vars);
  return {
    platform: post.platform,
    kind,
    pillar,
    vars,
    hook,
    emoji: rng.chance(voice.emojiRate) && voice.emoji.length ? rng.pick(voice.emoji) : null,
    points: points.map((p) => fill(p, vars)),
    question: fill(rng.pick(questions.length ? questions : bank.questions), vars),
    cta: fill(rng.pick(ctaOptions(ctx.objective, kind)), { ...vars, where: whereFor(post.platform) }),
    signOff: rng.pick(voice.signOffs),
    audienceLine,
    core,
    leadIn,
  };
}

/** Hashtags for a post, most specific first: pillar, campaign, subject, audience, other pillars, kind, fillers. */
export function tagPool(ctx: CampaignContext, m: Material, rng: Rng): string[] {
  const words = `${m.pillar.topic} ${ctx.subject === ctx.name ? '' : ctx.subjectShort}`
    .split(' ')
    .filter((w) => w.length >= 5 && /^\p{L}+$/u.test(w))
    .map((w) => toHashtag(w));
  return addTags(
    [],
    [
      m.pillar.tag,
      ctx.nameTag,
      ctx.subjectTag,
      ctx.audienceTag,
      ...ctx.pillars.filter((p) => p !== m.pillar).map((p) => p.tag),
      ...(KIND_TAGS[m.kind] ?? []),
      ...words,
      ...rng.shuffle(FILLER_TAGS),
    ],
  );
}

export function withEmoji(line: string, emoji: string | null): string {
  return emoji ? `${line} ${emoji}` : line;
}

/** A post of blocks with a single text and no thread (Instagram, LinkedIn). */
export interface CaptionPost {
  text: string;
  hashtags: string[];
  callToAction?: string;
}

/**
 * Joins hook, body blocks, closing and hashtags with blank lines, dropping optional blocks (from the end of the
 * body) until the text fits the platform, then shortening hook and body if it still does not.
 */
export function assembleCaption(platform: Platform, hook: string, body: string[], closing: string, tags: string[]): string {
  const fits = fitsOn(platform);
  const tagLine = tags.join(' ');
  const build = (blocks: string[]) => [hook, ...blocks, closing, tagLine].filter(Boolean).join('\n\n');
  const blocks = [...body];
  while (blocks.length > 1 && !fits(build(blocks))) blocks.pop();
  const text = build(blocks);
  if (fits(text)) return text;
  const room = (t: string) => fits([t, closing, tagLine].filter(Boolean).join('\n\n'));
  return [fitText([hook, ...blocks].join('\n\n'), room), closing, tagLine].filter(Boolean).join('\n\n');
}
