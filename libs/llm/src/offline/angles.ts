import { ANGLE_LENSES, KINDS } from './phrases';
import type { PostKind } from './phrases';
import { fill } from './text';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each angle template as a prefix pattern, so the writer can tell which kind of post an angle asks for. */
const TEMPLATE_PATTERNS: ReadonlyArray<readonly [PostKind, RegExp]> = (Object.entries(KINDS) as Array<[PostKind, (typeof KINDS)[PostKind]]>).flatMap(
  ([kind, bank]) =>
    bank.angles.map((angle) => {
      const core = escape(angle.replace(/\.$/, '')).replace(/\\\{\w+\\\}/g, '.+?');
      return [kind, new RegExp(`^${core}(?:[,.]|$)`, 'isu')] as const;
    }),
);

/** Keyword fallbacks for angles written by someone else (e.g. a real model). */
const KEYWORDS: ReadonlyArray<readonly [PostKind, RegExp]> = [
  ['myth', /\bmyths?\b|misconception/i],
  ['mistakes', /\bmistakes?\b|pitfalls?|avoid\b/i],
  ['howto', /\bsteps?\b|how to\b|walk\w* .* through|tutorial|guide\b|checklist/i],
  ['offer', /\boffers?\b|discount|deal\b|limited[- ]time|giveaway|promo/i],
  ['invite', /\binvit\w+ .* to (join|attend|come)|save the date|rsvp|what to expect/i],
  ['announce', /\bkick\w* off|announc\w*|launch\w*|introduc\w*|countdown/i],
  ['lessons', /\brecap|lessons?|learned|takeaways?|look\w* back/i],
  ['behind', /\bbehind|peek|inside\b|the team|how we\b/i],
  ['story', /\bstor(y|ies)|spotlight|testimonial|customer|member\b/i],
  ['question', /\bask\w*\b|\bpoll\b|question|this[- ]or[- ]that|invite .* to share/i],
  ['feature', /\bfeatures?\b|detail|showcase|product|how it works/i],
  ['why', /\bwhy\b|matters?|mission|values?|believe|purpose/i],
  ['inspire', /\binspir|motivat|reminder|celebrat/i],
  ['tips', /\btips?\b|quick wins?|hacks?|tricks?|shortcut|advice/i],
];

export function kindOfAngle(angle: string): PostKind | undefined {
  const text = angle.trim();
  return TEMPLATE_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0];
}

export function isOwnAngle(angle: string): boolean {
  const text = angle.trim();
  return TEMPLATE_PATTERNS.some(([, pattern]) => pattern.test(text));
}

const INSTRUCTION = /^(share|show|explain|ask|invite|give|offer|announce|highlight|celebrate|walk|break|take|introduce|run|name|turn|bust|set|remind|pair|build|answer|kick|open|count|recap|look|spotlight|feature|post|create|write|tell|provide|discuss|present|demonstrate|teach|use|make|encourage|promote|list|compare|reveal|tease|educate|inform|describe|outline|showcase|engage|drive|focus)\b/i;

/** An angle written elsewhere that already reads like a headline ("A checklist for race night."), not like an instruction. */
export function angleAsHook(angle: string): string | undefined {
  const text = angle.trim().replace(/\s+/g, ' ');
  if (!text || isOwnAngle(text) || INSTRUCTION.test(text) || [...text].length > 120) return undefined;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The `count`-th angle of a kind for one pillar: templates first, then the same templates through a lens
 * ("…, this time for complete beginners") so long campaigns never repeat an angle.
 */
export function angleText(kind: PostKind, count: number, vars: Readonly<Record<string, string>>): string {
  const templates = KINDS[kind].angles;
  const template = templates[count % templates.length] ?? templates[0] ?? '';
  const round = Math.floor(count / templates.length);
  const base = fill(template, vars);
  if (round === 0) return base;
  const lens = ANGLE_LENSES[(round - 1) % ANGLE_LENSES.length] ?? '';
  const cycle = Math.floor((round - 1) / ANGLE_LENSES.length);
  const suffix = cycle > 0 ? `, ${fill(lens, vars).replace(/^./, (c) => c.toLowerCase())} (take ${cycle + 1})` : `, ${fill(lens, vars).replace(/^./, (c) => c.toLowerCase())}`;
  return `${base.replace(/[.!?]$/, '')}${suffix}.`;
}
