import Link from 'next/link';
import { PLATFORM_NAMES } from '@/api/types';
import type { AccountRecommendations, CampaignOptimization } from '@/api/types';
import { formatDateTime, formatLift, formatPercent, slotName } from '@/lib/analytics-data';
import { Badge, EmptyState, buttonClass } from '../ui';
import { SlotHeatmap } from './slot-heatmap';

/**
 * "Best times to post": what the Optimization agent learned for each of the user's accounts on the campaign's
 * platforms (heatmap, recommended slots, content findings), the platforms without a model, and how the
 * campaign's schedule used them.
 */
export function OptimizerSection({ optimization }: { optimization: CampaignOptimization }) {
  const { accounts, platformsWithoutModel, used } = optimization;
  const schedule = used?.schedule;
  return (
    <div className="space-y-6">
      {schedule ? (
        <p className="text-sm text-slate-700" data-testid="schedule-usage">
          This campaign&apos;s schedule: {schedule.learnedPosts} {schedule.learnedPosts === 1 ? 'post' : 'posts'} placed by a learned model
          {schedule.exploredPosts > 0 ? ` (${schedule.exploredPosts} trying an uncertain slot to learn more)` : ''}, {schedule.defaultPosts} at default times.
        </p>
      ) : null}

      {platformsWithoutModel.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">No model yet for {platformsWithoutModel.map((p) => PLATFORM_NAMES[p]).join(', ')}</p>
          <p className="mt-1">
            The Scheduler uses default posting times there. A model is learned once an account on the platform is connected (from its history) and improves with every
            measured post.
          </p>
        </div>
      ) : null}

      {accounts.length === 0 ? (
        <EmptyState title="No account to learn from yet">
          <p>Connect an account on this campaign&apos;s platforms and the Optimization agent learns its best times from its history.</p>
          <p className="mt-3">
            <Link href="/platforms" className={buttonClass.link}>
              Go to Platforms
            </Link>
          </p>
        </EmptyState>
      ) : (
        accounts.map((account) => <AccountModel key={account.connectionId} account={account} />)
      )}
    </div>
  );
}

function AccountModel({ account }: { account: AccountRecommendations }) {
  const title = `${account.accountName} · ${PLATFORM_NAMES[account.platform]}`;
  const insights = [...account.contentInsights].sort((a, b) => Number(b.significant) - Number(a.significant) || Math.abs(b.lift) - Math.abs(a.lift));
  const headingId = `model-${account.connectionId}`;
  const changes = account.changes;
  return (
    <section aria-labelledby={headingId} className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0" data-testid="account-model">
      <div>
        <h3 id={headingId} className="text-base font-semibold">
          {title}
        </h3>
        <p className="text-xs text-slate-600">
          Learned from {account.observations} {account.observations === 1 ? 'post' : 'posts'} · times in {account.timeZone} · measured by{' '}
          {account.basis === 'engagement_rate' ? 'engagement rate' : 'engagements'} · computed {formatDateTime(account.computedAt)}
        </p>
      </div>

      <SlotHeatmap slots={account.slots} bestSlots={account.bestSlots} timeZone={account.timeZone} label={title} />

      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <h4 className="text-sm font-semibold">Recommended slots</h4>
          {account.bestSlots.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No slot stands out yet.</p>
          ) : (
            <ol className="mt-1 space-y-1 text-sm" aria-label={`Recommended slots for ${title}`}>
              {account.bestSlots.map((slot, i) => (
                <li key={`${slot.weekday}-${slot.hour}`} className="flex flex-wrap gap-x-2">
                  <span aria-hidden="true">★</span>
                  <span className="font-medium tabular-nums">
                    {i + 1}. {slotName(slot.weekday, slot.hour)}
                  </span>
                  <span>
                    {formatLift(slot.expectedLift)} expected lift, confidence {formatPercent(slot.confidence)}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {changes && (changes.newTopSlots.length > 0 || changes.droppedTopSlots.length > 0) ? (
            <p className="mt-2 text-xs text-slate-600">
              Since the previous run:
              {changes.newTopSlots.length > 0 ? ` new ${changes.newTopSlots.map((s) => slotName(s.weekday, s.hour)).join(', ')}.` : ''}
              {changes.droppedTopSlots.length > 0 ? ` dropped ${changes.droppedTopSlots.map((s) => slotName(s.weekday, s.hour)).join(', ')}.` : ''}
            </p>
          ) : null}
        </div>
        <div>
          <h4 className="text-sm font-semibold">What content works</h4>
          {insights.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">No content findings yet.</p>
          ) : (
            <ul className="mt-1 space-y-2 text-sm">
              {insights.map((insight) => (
                <li
                  key={`${insight.feature}-${insight.value}`}
                  className={insight.significant ? 'rounded-md border border-green-200 bg-green-50 p-2 text-green-950' : 'px-2 text-slate-600'}
                  data-significant={insight.significant ? 'true' : 'false'}
                >
                  {insight.significant ? (
                    <>
                      <Badge tone="green">significant</Badge>{' '}
                    </>
                  ) : null}
                  {insight.finding}
                  {insight.significant ? null : <span className="text-xs"> (not significant yet)</span>}
                </li>
              ))}
            </ul>
          )}
          {changes && changes.insightChanges.length > 0 ? (
            <ul className="mt-2 list-disc pl-5 text-xs text-slate-600" aria-label={`Content findings changed since the previous run for ${title}`}>
              {changes.insightChanges.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </section>
  );
}
