import { isPlatform } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { postsFor } from '../cadence';
import type { StrategyStepInput } from '../llm.port';
import { PLATFORM_NAMES, Problems, formatsFor } from './helpers';


function stringList(problems: Problems, root: Record<string, unknown>, key: string, min: number, max: number): void {
  problems.array(root, key, '', min, max)?.forEach((item, i) => {
    if (typeof item !== 'string' || !item.trim()) problems.add(`${key}[${i}]`, 'must be a non-empty string');
  });
}

function checkCadence(problems: Problems, root: Record<string, unknown>, targets: readonly Platform[]): Map<Platform, number> {
  const cadence = new Map<Platform, number>();
  const entries = problems.array(root, 'cadence', '', 1);
  if (!entries) return cadence;
  entries.forEach((entry, i) => {
    const item = problems.object(entry, `cadence[${i}]`);
    if (!item) return;
    const platform = problems.string(item, 'platform', `cadence[${i}]`);
    const perWeek = item.postsPerWeek;
    if (typeof perWeek !== 'number' || !Number.isFinite(perWeek) || perWeek <= 0) problems.add(`cadence[${i}].postsPerWeek`, 'must be a positive number');
    if (platform === undefined) return;
    if (!isPlatform(platform) || !targets.includes(platform)) return problems.add(`cadence[${i}].platform`, `"${platform}" is not a target platform`);
    if (cadence.has(platform)) return problems.add(`cadence[${i}].platform`, `${PLATFORM_NAMES[platform]} appears twice`);
    cadence.set(platform, typeof perWeek === 'number' ? perWeek : NaN);
  });
  for (const platform of targets) if (!cadence.has(platform)) problems.add('cadence', `no entry for ${PLATFORM_NAMES[platform]}`);
  return cadence;
}

function checkPlan(problems: Problems, root: Record<string, unknown>, input: StrategyStepInput, pillars: Set<string>, cadence: Map<Platform, number>): void {
  const plan = problems.array(root, 'plan', '', 1);
  if (!plan) return;
  const days = input.spec.durationDays;
  const ids = new Map<string, number>();
  const angles = new Map<string, number>();
  const counts = new Map<Platform, number>();
  plan.forEach((entry, i) => {
    const path = `plan[${i}]`;
    const item = problems.object(entry, path);
    if (!item) return;
    const planId = problems.string(item, 'planId', path);
    const platform = problems.string(item, 'platform', path);
    const pillar = problems.string(item, 'pillar', path);
    const format = problems.string(item, 'format', path);
    const angle = problems.string(item, 'angle', path);
    if (planId !== undefined) {
      if (ids.has(planId)) problems.add(`${path}.planId`, `"${planId}" is already used by plan[${ids.get(planId)}]`);
      else ids.set(planId, i);
    }
    if (angle !== undefined) {
      const key = angle.trim().toLowerCase();
      if (angles.has(key)) problems.add(`${path}.angle`, `duplicates plan[${angles.get(key)}].angle`);
      else angles.set(key, i);
    }
    if (pillar !== undefined && pillars.size > 0 && !pillars.has(pillar)) problems.add(`${path}.pillar`, `"${pillar}" is not one of the pillars`);
    if (typeof item.day !== 'number' || !Number.isInteger(item.day) || item.day < 0 || item.day >= days)
      problems.add(`${path}.day`, `must be an integer from 0 to ${days - 1}, got ${JSON.stringify(item.day)}`);
    if (platform === undefined) return;
    if (!isPlatform(platform) || !input.spec.targetPlatforms.includes(platform)) return problems.add(`${path}.platform`, `"${platform}" is not a target platform`);
    counts.set(platform, (counts.get(platform) ?? 0) + 1);
    if (format !== undefined && !formatsFor(platform).includes(format as never))
      problems.add(`${path}.format`, `"${format}" is not a format ${PLATFORM_NAMES[platform]} supports (${formatsFor(platform).join(', ')})`);
  });
  for (const [platform, perWeek] of cadence) {
    if (!Number.isFinite(perWeek)) continue;
    const want = postsFor(perWeek, days);
    const got = counts.get(platform) ?? 0;
    if (got !== want) problems.add('plan', `${got} ${PLATFORM_NAMES[platform]} posts, but ${perWeek}/week over ${days} days means ${want}`);
  }
}

/** Structure and internal consistency of a `strategy.plan` output against the campaign spec. */
export function validateStrategy(input: StrategyStepInput, value: unknown): string[] {
  const problems = new Problems();
  const root = problems.object(value, 'output');
  if (!root) return problems.list;
  problems.string(root, 'summary', '');
  problems.string(root, 'audienceInsight', '');
  const pillars = new Set<string>();
  problems.array(root, 'pillars', '', 3, 5)?.forEach((entry, i) => {
    const item = problems.object(entry, `pillars[${i}]`);
    if (!item) return;
    const name = problems.string(item, 'name', `pillars[${i}]`);
    problems.string(item, 'description', `pillars[${i}]`);
    if (name !== undefined && pillars.has(name)) problems.add(`pillars[${i}].name`, `"${name}" appears twice`);
    if (name !== undefined) pillars.add(name);
  });
  stringList(problems, root, 'keyMessages', 3, 5);
  problems.array(root, 'kpis', '', 1)?.forEach((entry, i) => {
    const item = problems.object(entry, `kpis[${i}]`);
    if (item) (problems.string(item, 'name', `kpis[${i}]`), problems.string(item, 'target', `kpis[${i}]`));
  });
  const targets = (input?.spec?.targetPlatforms ?? []).filter(isPlatform);
  const cadence = checkCadence(problems, root, targets);
  checkPlan(problems, root, input, pillars, cadence);
  return problems.list;
}
