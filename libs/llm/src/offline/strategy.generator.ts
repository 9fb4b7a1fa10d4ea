import { PLATFORM_LIMITS } from '@app/contracts';
import type { ContentType, Platform, PlannedPost, Strategy } from '@app/contracts';
import { DEFAULT_POSTS_PER_WEEK, postsFor } from '../cadence';
import { PLATFORM_NAMES } from '../validate/helpers';
import { angleText } from './angles';
import { textVars } from './context';
import type { CampaignContext } from './context';
import type { StrategyInsights } from '../llm.port';
import { PILLAR_KINDS } from './phrases';
import type { PostKind } from './phrases';
import type { PillarSeed } from './pillars';
import { Rng } from './random';
import { APPROACH, DEFAULT_TARGETS, INSIGHTS, INSIGHT_TAIL, KPIS, OBJECTIVE_MESSAGES, PILLAR_MESSAGES } from './strategy.phrases';
import { fill, joinList, shortPhrase } from './text';

const FORMAT_CYCLES: Readonly<Record<Platform, readonly ContentType[]>> = {
  x: ['single', 'thread', 'single'],
  instagram: ['carousel', 'image', 'image', 'carousel', 'short_video_script', 'image'],
  facebook: ['single', 'image'],
  linkedin: ['single', 'image', 'single'],
  bluesky: ['single', 'thread', 'single', 'image'],
  mastodon: ['single', 'thread', 'image'],
};
/** Platforms start a fraction of a slot apart so they do not all post on the same days. */
const DAY_OFFSETS = [0, 0.5, 0.25, 0.75, 0.125, 0.625];

interface Slot {
  platform: Platform;
  index: number;
  count: number;
  day: number;
  pillar: PillarSeed;
  format: ContentType;
  order: number;
}

/** The format past posts favoured on a platform (largest positive lift), when the insights name one it supports. */
function preferredFormat(platform: Platform, insights: StrategyInsights | undefined): ContentType | undefined {
  const options = (insights?.formatPreferences ?? []).filter((f) => f.platform === platform && f.lift > 0 && FORMAT_CYCLES[platform].includes(f.format));
  return options.sort((a, b) => b.lift - a.lift)[0]?.format;
}

function slots(ctx: CampaignContext, rng: Rng, insights?: StrategyInsights): Slot[] {
  const out: Slot[] = [];
  ctx.platforms.forEach((platform, p) => {
    const count = postsFor(DEFAULT_POSTS_PER_WEEK[platform], ctx.durationDays);
    const preferred = preferredFormat(platform, insights);
    // What performed better for this account takes every other post; the rest keeps the platform's mix.
    const cycle = preferred ? FORMAT_CYCLES[platform].flatMap((f) => [preferred, f]) : FORMAT_CYCLES[platform];
    // Where threads exist the cycle opens on a single post, and a one-post campaign is never a thread.
    const threads = PLATFORM_LIMITS[platform].maxThreadParts > 1;
    const start = threads ? 0 : rng.int(cycle.length);
    for (let i = 0; i < count; i++) {
      const day = Math.min(ctx.durationDays - 1, Math.floor(((i + (DAY_OFFSETS[p % DAY_OFFSETS.length] ?? 0)) * ctx.durationDays) / count));
      const format = threads && count === 1 ? 'single' : (cycle[(start + i) % cycle.length] ?? cycle[0] ?? 'single');
      const pillar = ctx.pillars[(i + p) % ctx.pillars.length] as PillarSeed;
      out.push({ platform, index: i, count, day, pillar, format, order: p });
    }
  });
  return out.sort((a, b) => a.day - b.day || a.order - b.order);
}

function plan(ctx: CampaignContext, rng: Rng, insights?: StrategyInsights): PlannedPost[] {
  const used = new Set<string>();
  const perPillar = new Map<string, number>();
  const perAngle = new Map<string, number>();
  const kindOffset = rng.int(12);
  return slots(ctx, rng, insights).map((slot) => {
    const width = Math.max(2, String(slot.count).length);
    const kinds = PILLAR_KINDS[slot.pillar.type];
    const seen = perPillar.get(slot.pillar.name) ?? 0;
    let kind: PostKind = kinds[(seen + kindOffset) % kinds.length] ?? 'tips';
    if (slot.index === 0) kind = 'announce';
    else if (slot.index === slot.count - 1 && slot.count >= 4) kind = 'lessons';
    else perPillar.set(slot.pillar.name, seen + 1);
    const vars = textVars(ctx, slot.pillar);
    const key = kind === 'announce' || kind === 'lessons' ? kind : `${slot.pillar.name}|${kind}`;
    let n = perAngle.get(key) ?? 0;
    let angle = angleText(kind, n, vars);
    while (used.has(angle.toLowerCase())) angle = angleText(kind, ++n, vars);
    perAngle.set(key, n + 1);
    used.add(angle.toLowerCase());
    const planId = `${slot.platform}-${String(slot.index + 1).padStart(width, '0')}`;
    return { planId, platform: slot.platform, pillar: slot.pillar.name, format: slot.format, angle, day: slot.day };
  });
}

function kpis(ctx: CampaignContext, rng: Rng): Strategy['kpis'] {
  const target = ctx.goalTarget;
  const isCount = target !== undefined && !target.includes('%');
  return KPIS[ctx.objective].map(([name, template], i) => {
    if (i === 0 && isCount) return { name, target: `${target} by day ${ctx.durationDays} (from the goal)` };
    const primary = i === 0 && target ? `+${target.replace(/^\+/, '')}` : DEFAULT_TARGETS[ctx.objective];
    return { name, target: fill(template, { target: primary, days: String(ctx.durationDays), pct: String(rng.between(5, 12)) }) };
  });
}

export function generateStrategy(ctx: CampaignContext, seed: number, insights?: StrategyInsights): Strategy {
  const rng = Rng.derive(seed, 'strategy');
  const topics = ctx.pillars.map((p) => shortPhrase(p.topic, 40, 6));
  const vars = { ...textVars(ctx, ctx.pillars[0]), topic2: topics[1] ?? topics[0] ?? ctx.subjectShort };
  const cadence = ctx.platforms.map((platform) => ({ platform, postsPerWeek: DEFAULT_POSTS_PER_WEEK[platform] }));
  const planned = plan(ctx, rng, insights);
  const perPlatform = cadence.map((c) => `${postsFor(c.postsPerWeek, ctx.durationDays)} on ${PLATFORM_NAMES[c.platform]}`);
  const voice = ctx.voice.description.split(':')[0] ?? ctx.voice.kind;
  const summary =
    `${ctx.name} is ${ctx.lengthPhrase} campaign ${ctx.goalClause}. Written in a ${voice} voice for ${ctx.audience}, ` +
    `it rotates ${joinList(ctx.pillars.map((p) => p.name))} across ${planned.length} posts (${joinList(perPlatform)}), ` +
    `${fill(APPROACH[ctx.objective], vars).replace(/^./, (c) => c.toLowerCase())}.`;
  const messages = [...ctx.pillars.slice(0, 4).map((p) => fill(PILLAR_MESSAGES[p.type], textVars(ctx, p))), fill(OBJECTIVE_MESSAGES[ctx.objective], vars)];
  return {
    summary,
    audienceInsight: [`${fill(rng.pick(INSIGHTS), vars)} ${INSIGHT_TAIL[ctx.objective]}`, ...(insights?.contentFindings ?? []).slice(0, 2).map((f) => `Past posts: ${f}`)].join(' '),
    pillars: ctx.pillars.map((p) => ({ name: p.name, description: p.description })),
    keyMessages: [...new Set(messages)].slice(0, 5),
    cadence,
    kpis: kpis(ctx, rng),
    plan: planned,
  };
}
