import { engagementRate, engagements, type Platform } from '@app/contracts';
import {
  AudienceSimulator,
  DEFAULT_SLOTS,
  addLocalDays,
  chooseTime,
  createRandom,
  dayCandidates,
  fitSlotModel,
  keepsGap,
  meanScorer,
  platformPrior,
  thompsonScorer,
  zonedTime,
  type ContentFeatures,
  type LocalDate,
  type SlotModel,
  type SlotObservation,
  type SlotModelOptions,
} from '@app/optimizer';

/** One benchmark account: a simulated audience the model never sees directly. */
export interface BenchAccount {
  platform: Platform;
  seed: string;
  timeZone: string;
}

export interface CampaignSettings {
  now: Date;
  days: number;
  postsPerDay: number;
  gapMs: number;
  postsPerWeek: number;
  /** Posts younger than this are left out of the fit (their counts are still growing). */
  matureMs: number;
  model: Partial<Pick<SlotModelOptions, 'halfLifeDays' | 'priorStrength' | 'kernel' | 'detectDrift'>>;
}

export interface AccountResult {
  /** True expected engagement of each strategy's schedule / the best feasible schedule's. */
  thompson: number;
  greedy: number;
  fixed: number;
  /** Share of Thompson's choices that were not the best-mean feasible slot. */
  explored: number;
  observations: number;
}

interface PlannedPost {
  date: LocalDate;
  features: ContentFeatures;
}

function observationsOf(posts: ReturnType<AudienceSimulator['history']>, settings: CampaignSettings): SlotObservation[] {
  return posts
    .filter((p) => settings.now.getTime() - p.publishedAt.getTime() >= settings.matureMs)
    .map((p) => ({ publishedAt: p.publishedAt, value: engagementRate(p.metrics) ?? engagements(p.metrics) }));
}

function fit(sim: AudienceSimulator, observations: SlotObservation[], settings: CampaignSettings): SlotModel {
  return fitSlotModel(observations, { now: settings.now, timeZone: sim.timeZone, prior: platformPrior(sim.platform), ...settings.model });
}

export function fitAccount(sim: AudienceSimulator, weeks: number, settings: CampaignSettings): SlotModel {
  const history = weeks > 0 ? sim.history({ now: settings.now, weeks, postsPerWeek: settings.postsPerWeek }) : [];
  return fit(sim, observationsOf(history, settings), settings);
}

/** History from `before` (the audience as it was) except the last `movedWeeks`, which come from `after`. */
export function fitMovedAccount(before: AudienceSimulator, after: AudienceSimulator, weeks: number, movedWeeks: number, settings: CampaignSettings): SlotModel {
  const cut = settings.now.getTime() - movedWeeks * 7 * 86_400_000;
  const options = { now: settings.now, weeks, postsPerWeek: settings.postsPerWeek };
  const history = [...before.history(options).filter((p) => p.publishedAt.getTime() < cut), ...after.history(options).filter((p) => p.publishedAt.getTime() >= cut)];
  return fit(after, observationsOf(history, settings), settings);
}

function plannedPosts(sim: AudienceSimulator, settings: CampaignSettings): PlannedPost[] {
  const random = createRandom(`campaign-content:${sim.seed}`);
  const posts: PlannedPost[] = [];
  for (let d = 1; d <= settings.days; d++) {
    const date = addLocalDays(settings.now, d, sim.timeZone);
    for (let p = 0; p < settings.postsPerDay; p++) posts.push({ date, features: sim.randomContent(random).features });
  }
  return posts;
}

/** The best total over the day's posts: every ordered choice of hours that keeps the gap (exhaustive). */
function bestDay(sim: AudienceSimulator, candidates: readonly Date[], features: readonly ContentFeatures[], gapMs: number, taken: Date[] = []): number {
  if (features.length === 0) return 0;
  let best = 0;
  for (const instant of candidates) {
    if (!keepsGap(taken, gapMs)(instant)) continue;
    const value = sim.expectedRate(instant, features[0]) + bestDay(sim, candidates, features.slice(1), gapMs, [...taken, instant]);
    best = Math.max(best, value);
  }
  return best;
}

export function runCampaign(sim: AudienceSimulator, model: SlotModel, weeks: number, settings: CampaignSettings): AccountResult {
  const posts = plannedPosts(sim, settings);
  const random = createRandom(`thompson:${sim.seed}:${weeks}`);
  const takenThompson: Date[] = [];
  const takenGreedy: Date[] = [];
  let thompson = 0;
  let greedy = 0;
  let fixed = 0;
  let explored = 0;
  let best = 0;
  for (const [index, post] of posts.entries()) {
    const candidates = dayCandidates(post.date, sim.timeZone);
    const t = chooseTime({ candidates, scorer: thompsonScorer(model.slots, sim.timeZone, random), isFree: keepsGap(takenThompson, settings.gapMs) });
    const g = chooseTime({ candidates, scorer: meanScorer(model.slots, sim.timeZone), isFree: keepsGap(takenGreedy, settings.gapMs) });
    if (!t || !g) throw new Error('no feasible hour');
    takenThompson.push(t.instant);
    takenGreedy.push(g.instant);
    if (t.explored) explored++;
    thompson += sim.expectedRate(t.instant, post.features);
    greedy += sim.expectedRate(g.instant, post.features);
    const [hour, minute] = DEFAULT_SLOTS[sim.platform][index % settings.postsPerDay];
    fixed += sim.expectedRate(zonedTime(post.date, hour, minute, sim.timeZone), post.features);
    if (index % settings.postsPerDay === settings.postsPerDay - 1) {
      const day = posts.slice(index - settings.postsPerDay + 1, index + 1);
      best += bestDay(sim, candidates, day.map((p) => p.features), settings.gapMs);
    }
  }
  return { thompson: thompson / best, greedy: greedy / best, fixed: fixed / best, explored: explored / posts.length, observations: model.observations };
}
