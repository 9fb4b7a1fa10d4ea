import type { CampaignView, StageView } from '@/api/types';
import { StatusBadge } from '../ui';

const STAGE_NAMES: Record<StageView['stage'], { agent: string; does: string }> = {
  strategy: { agent: 'Strategy', does: 'plans pillars, messages, cadence and a day-by-day plan' },
  content: { agent: 'Content Writer', does: 'writes each post for its platform' },
  creative: { agent: 'Creative', does: 'designs the visuals' },
  schedule: { agent: 'Scheduler', does: 'picks the posting times' },
};

function duration(stage: StageView): string | null {
  if (!stage.startedAt || !stage.finishedAt) return null;
  const ms = new Date(stage.finishedAt).getTime() - new Date(stage.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The four agents' stages, in order, as they stand now (the page re-renders on each live event). */
export function StageProgress({ campaign }: { campaign: CampaignView }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Agent progress">
      {campaign.stages.map((stage, i) => {
        const names = STAGE_NAMES[stage.stage];
        const took = duration(stage);
        return (
          <li key={stage.stage} className="rounded-lg border border-slate-200 bg-white p-3" data-stage={stage.stage} data-stage-status={stage.status}>
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-semibold">
                {i + 1}. {names.agent}
              </p>
              <StatusBadge status={stage.status} />
            </div>
            <p className="mt-1 text-xs text-slate-600">{names.does}</p>
            {took ? <p className="mt-2 text-xs text-slate-700">Took {took}{stage.usage ? ` · ${stage.usage.model}, ${stage.usage.tokensIn + stage.usage.tokensOut} tokens` : ''}</p> : null}
            {stage.error ? <p className="mt-2 text-xs text-red-700">{stage.error}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
