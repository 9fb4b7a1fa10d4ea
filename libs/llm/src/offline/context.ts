import { PLATFORMS } from '@app/contracts';
import type { CampaignSpec, Platform } from '@app/contracts';
import { toHashtag } from './hashtags';
import { detectObjective, goalTarget } from './objective';
import type { Objective } from './objective';
import { draftPillars, finishPillars } from './pillars';
import type { PillarSeed } from './pillars';
import { clean, lowerCasual, midSentence, plainPhrase, shortPhrase } from './text';
import { detectVoice } from './voice';
import type { VoiceStyle } from './voice';

/** Everything the generators know about a campaign, derived once from its spec (no randomness here). */
export interface CampaignContext {
  name: string;
  nameShort: string;
  goal: string;
  /** The goal as it reads after "to …" or "focused on …". */
  goalClause: string;
  goalTarget?: string;
  subject: string;
  subjectShort: string;
  audience: string;
  audienceShort: string;
  objective: Objective;
  voice: VoiceStyle;
  pillars: PillarSeed[];
  platforms: Platform[];
  durationDays: number;
  /** "the next two weeks", "today", … */
  period: string;
  /** "a 14-day", "an 8-day". */
  lengthPhrase: string;
  nameTag: string | null;
  subjectTag: string | null;
  audienceTag: string | null;
}

const ACTION_VERB =
  /^(increase|drive|grow|build|boost|launch|promote|raise|generate|get|sell|announce|introduce|attract|reach|engage|create|establish|position|educate|inform|encourage|invite|celebrate|double|triple|win|gain|convert|collect|spread|make|help|show|bring|turn|recruit|fill|book|expand|improve|strengthen|rebuild|re-?engage|re-?launch|kick off|highlight|showcase|support|lift|push|maximi[sz]e|inspire)\b/i;
const SUBJECT_CUE = /\b(?:(?:for|of|about|around|behind|to)\s+((?:our|my|the)\s.+)|(?:for|of|about|around|behind)\s+(.+)|(our\s.+))$/i;
/** Who the goal names, when no target audience is given: "among Gen Z", "plant lovers". */
const AUDIENCE_CUE = /\bamong\s+([^,.;]+)|\b((?:[\p{L}-]+\s)?(?:lovers|fans|enthusiasts|owners|parents|students|runners|professionals|founders|creators|developers|gamers|readers|travell?ers|foodies|families|beginners|members|shoppers|customers))\b/iu;
/** A capitalised name after "at" or "from": "… summer menu at Brew Lab". (No `i` flag: \p{Lu} must stay upper-case.) */
const BRAND_CUE = /\b(?:at|from)\s+(\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*)*)/u;
const SUBJECT_STOP = /\s+(?:among|with|by|in|this|during|before|ahead|through|via|across|on|so|and|to|while|from|within|over|at)\s.*$|[,.;:!?(].*$/i;
const AUDIENCE_STOP = /\s+(?:who|that|which|aged|between|looking|interested|across|living|based|with|in)\s.*$|[,.;:(].*$/i;

function properNounsOf(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const words = text.split(/\s+/).slice(1);
    for (const w of words) if (/^\p{Lu}/u.test(w)) out.add(w.replace(/[^\p{L}\p{N}'-]/gu, ''));
  }
  return out;
}

function deriveSubject(goal: string, name: string): string {
  const match = goal.match(SUBJECT_CUE);
  const cue = match?.[1] ?? match?.[2] ?? match?.[3];
  const fromCue = cue ? clean(cue.replace(SUBJECT_STOP, '')) : '';
  if (fromCue && /\p{L}/u.test(fromCue) && !/^\d/.test(fromCue)) return shortPhrase(fromCue, 40, 6);
  const named = goal.match(BRAND_CUE)?.[1];
  if (named) return shortPhrase(named, 40, 5);
  const brand = goal.split(/\s+/).slice(1).find((w) => /^\p{Lu}[\p{L}\p{N}]*\p{Lu}|^\p{Lu}{2,}[\p{L}\p{N}]*$/u.test(w) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(w));
  return brand ? brand.replace(/[^\p{L}\p{N}'-]/gu, '') : name;
}

function period(days: number): string {
  if (days <= 1) return 'today';
  if (days <= 3) return 'the next few days';
  if (days === 7) return 'the next week';
  if (days === 14) return 'the next two weeks';
  if (days >= 28 && days <= 31) return 'the next month';
  return `the next ${days} days`;
}

const article = (n: number) => (/^(8|11|18)/.test(String(n)) ? 'an' : 'a');

/** Lower-case a leading word that is only capitalised because it starts the phrase ("Busy parents", not "Gen Z"). */
function lowerLead(phrase: string): string {
  const [first = '', second = ''] = phrase.split(' ');
  if (/^\p{Lu}/u.test(second)) return phrase;
  return [lowerCasual(first), ...phrase.split(' ').slice(1)].join(' ');
}

export function buildContext(spec: CampaignSpec): CampaignContext {
  const name = plainPhrase(spec.name) || 'our new campaign';
  const goal = plainPhrase(spec.goal) || `share ${name}`;
  const rawAudience = plainPhrase(spec.targetAudience);
  const properNouns = properNounsOf(goal, rawAudience, clean(spec.brandVoice));
  const objective = detectObjective(goal);
  const derived = deriveSubject(goal, name);
  const subject = derived === name ? name : midSentence(derived, properNouns);
  const subjectShort = shortPhrase(subject, 28, 4);
  const pillarDrafts = draftPillars(spec.contentThemes ?? [], { objective, subject: subjectShort, properNouns });
  const goalAudience = goal.match(AUDIENCE_CUE);
  const fromGoal = clean((goalAudience?.[1] ?? goalAudience?.[2] ?? '').replace(SUBJECT_STOP, ''));
  const audience = rawAudience
    ? lowerLead(rawAudience)
    : fromGoal
      ? lowerLead(shortPhrase(fromGoal, 30, 4))
      : `people who love ${shortPhrase(pillarDrafts.main, 30, 4)}`;
  const audienceCore = rawAudience ? clean(audience.replace(AUDIENCE_STOP, '')) || audience : audience;
  const audienceShort = shortPhrase(audienceCore, 34, 6);
  const platforms = [...new Set(spec.targetPlatforms)].filter((p) => (PLATFORMS as readonly string[]).includes(p));
  const durationDays = Number.isFinite(spec.durationDays) ? Math.max(1, Math.floor(spec.durationDays)) : 7;
  return {
    name,
    nameShort: shortPhrase(name, 32, 5),
    goal,
    goalClause: ACTION_VERB.test(goal) ? `to ${[lowerCasual(goal.split(' ')[0] ?? ''), ...goal.split(' ').slice(1)].join(' ')}` : `focused on ${lowerLead(goal)}`,
    goalTarget: goalTarget(goal),
    subject,
    subjectShort,
    audience,
    audienceShort,
    objective,
    voice: detectVoice(spec.brandVoice),
    pillars: finishPillars(pillarDrafts, audienceShort),
    platforms,
    durationDays,
    period: period(durationDays),
    lengthPhrase: `${article(durationDays)} ${durationDays}-day`,
    nameTag: toHashtag(name),
    subjectTag: subject === name ? null : toHashtag(subject.replace(/^(?:our|my|your|the|a|an)\s+/i, '')),
    audienceTag: audienceShort.split(' ').length <= 3 && !audienceShort.startsWith('people who') ? toHashtag(audienceShort) : null,
  };
}

/** Placeholder values for the phrase banks, for posts of one pillar. */
export function textVars(ctx: CampaignContext, pillar: PillarSeed | undefined): Record<string, string> {
  return {
    topic: shortPhrase(pillar?.topic ?? ctx.subjectShort, 40, 6),
    audience: ctx.audienceShort,
    subject: ctx.subjectShort,
    name: ctx.nameShort,
    period: ctx.period,
  };
}
