import type { Strategy } from '@/api/types';
import { PLATFORM_NAMES } from '@/api/types';
import { Card } from '../ui';

/** What the Strategy agent planned: summary, audience, pillars, key messages, cadence and KPIs. */
export function StrategySummary({ strategy }: { strategy: Strategy }) {
  return (
    <Card title="Strategy">
      <p className="text-sm text-slate-800">{strategy.summary}</p>
      <p className="mt-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800">Audience: </span>
        {strategy.audienceInsight}
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">Content pillars</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {strategy.pillars.map((p) => (
              <li key={p.name}>
                <span className="font-medium">{p.name}</span> <span className="text-slate-600">— {p.description}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Key messages</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {strategy.keyMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold">Cadence</h3>
          <ul className="mt-1 text-sm">
            {strategy.cadence.map((c) => (
              <li key={c.platform}>
                {PLATFORM_NAMES[c.platform]}: {c.postsPerWeek} posts a week
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold">KPIs</h3>
          <ul className="mt-1 text-sm">
            {strategy.kpis.map((k) => (
              <li key={k.name}>
                {k.name}: <span className="font-medium">{k.target}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="mt-4 text-xs text-slate-600">{strategy.plan.length} posts planned.</p>
    </Card>
  );
}
