import { PLATFORMS } from '@app/contracts';
import { AudienceSimulator, DEFAULT_HALF_LIFE_DAYS, DEFAULT_KERNEL, DEFAULT_PRIOR_STRENGTH, DRIFT_THRESHOLD_Z } from '@app/optimizer';
import { fitAccount, fitMovedAccount, runCampaign, type AccountResult, type BenchAccount, type CampaignSettings } from './campaign';

/**
 * Learned posting slots vs the best possible: for simulated accounts with a hidden audience profile, fit the
 * hour-of-week model on H weeks of simulated history (with the generic platform prior), schedule a 14-day
 * campaign of 2 posts a day with `thompsonScorer` + `chooseTime` + `dayCandidates` (what the Scheduler runs),
 * and score the chosen hours by the simulator's noise-free expected engagement, as a share of the best
 * schedule that keeps the same constraints (same days, ≥ 2 h apart). Compared: greedy (posterior mean, no
 * exploration) and fixed daily slots (the platform's first two `DEFAULT_SLOTS`). Deterministic.
 */
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'America/Sao_Paulo'];
const ACCOUNTS_PER_PLATFORM = Number(process.env.BENCH_ACCOUNTS_PER_PLATFORM ?? 4);
const HISTORY_WEEKS = (process.env.BENCH_WEEKS ?? '0,2,4,16').split(',').map(Number);
const MOVED_HOURS = 4;
const MOVED_WEEKS = 4;

const settings: CampaignSettings = {
  now: new Date('2026-11-25T00:00:00Z'),
  days: 14,
  postsPerDay: 2,
  gapMs: 2 * 3_600_000,
  postsPerWeek: 7,
  matureMs: 48 * 3_600_000,
  model: {
    ...(process.env.BENCH_HALF_LIFE_DAYS ? { halfLifeDays: Number(process.env.BENCH_HALF_LIFE_DAYS) } : {}),
    ...(process.env.BENCH_PRIOR_STRENGTH ? { priorStrength: Number(process.env.BENCH_PRIOR_STRENGTH) } : {}),
    ...(process.env.BENCH_DETECT_DRIFT === '0' ? { detectDrift: false } : {}),
    ...(process.env.BENCH_KERNEL ? { kernel: { ...DEFAULT_KERNEL, ...(JSON.parse(process.env.BENCH_KERNEL) as object) } } : {}),
  },
};

const accounts: BenchAccount[] = PLATFORMS.flatMap((platform, p) =>
  Array.from({ length: ACCOUNTS_PER_PLATFORM }, (_, i) => ({ platform, seed: `bench-${platform}-${i}`, timeZone: ZONES[(p + i * 3) % ZONES.length] })),
);

const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
const stats = (values: number[]): { mean: number; min: number } => ({ mean: values.reduce((s, v) => s + v, 0) / values.length, min: Math.min(...values) });

function main(): void {
  const kernel = settings.model.kernel ?? DEFAULT_KERNEL;
  console.log(`accounts: ${accounts.length} (${ACCOUNTS_PER_PLATFORM} per platform: ${PLATFORMS.join(', ')}), zones: ${[...new Set(accounts.map((a) => a.timeZone))].join(', ')}`);
  console.log(`history: ~${settings.postsPerWeek} posts/week (posts younger than 48 h left out); campaign: ${settings.days} days × ${settings.postsPerDay} posts/day, ≥ 2 h apart, hourly candidates`);
  console.log(
    `model: half-life ${settings.model.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS} d, prior strength ${settings.model.priorStrength ?? `per account (empirical Bayes, default ${DEFAULT_PRIOR_STRENGTH})`}, drift check |z| ≥ ${DRIFT_THRESHOLD_Z}, kernel ${JSON.stringify(kernel)}, prior = platformPrior (never the simulator's profile)`,
  );
  console.log('');
  console.log('| weeks of history | posts fitted (mean) | Thompson (product) mean / min | greedy mean / min | fixed slots mean / min | Thompson explored |');
  console.log('|---|---|---|---|---|---|');
  const row = (label: string, results: AccountResult[]): void => {
    const t = stats(results.map((r) => r.thompson));
    const g = stats(results.map((r) => r.greedy));
    const f = stats(results.map((r) => r.fixed));
    const posts = stats(results.map((r) => r.observations)).mean;
    const explored = stats(results.map((r) => r.explored)).mean;
    console.log(`| ${label} | ${posts.toFixed(0)} | **${pct(t.mean)}** / ${pct(t.min)} | ${pct(g.mean)} / ${pct(g.min)} | ${pct(f.mean)} / ${pct(f.min)} | ${pct(explored)} |`);
  };
  for (const weeks of HISTORY_WEEKS) {
    row(
      String(weeks),
      accounts.map((account) => {
        const sim = new AudienceSimulator(account);
        return runCampaign(sim, fitAccount(sim, weeks, settings), weeks, settings);
      }),
    );
  }
  // The audience's hours moved 4 hours later 4 weeks ago; the campaign is judged against the new hours.
  row(
    `16, audience moved +${MOVED_HOURS} h ${MOVED_WEEKS} weeks ago`,
    accounts.map((account) => {
      const before = new AudienceSimulator(account);
      const after = new AudienceSimulator({ ...account, shiftHours: MOVED_HOURS });
      return runCampaign(after, fitMovedAccount(before, after, 16, MOVED_WEEKS, settings), 16, settings);
    }),
  );
}

main();
