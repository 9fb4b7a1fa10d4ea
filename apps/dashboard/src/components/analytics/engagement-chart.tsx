import { PLATFORM_NAMES } from '@/api/types';
import {
  PLATFORM_STYLES,
  axisTicks,
  chartSummary,
  formatCount,
  formatDay,
  labelIndexes,
  niceCeiling,
  xPosition,
  yPosition,
} from '@/lib/analytics-data';
import type { EngagementSeries } from '@/lib/analytics-data';

const WIDTH = 880;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 20, bottom: 40, left: 52 };
/** Above this many days, points are drawn as a line only. */
const MARKER_DAYS = 45;

/**
 * Engagements per day, one line per platform: server-rendered SVG, no client JavaScript. Lines differ by colour
 * and dash pattern; the SVG is one image with a summary for screen readers, and the numbers are in a table.
 */
export function EngagementChart({ data }: { data: EngagementSeries }) {
  const n = data.days.length;
  if (n === 0) return <p className="text-sm text-slate-600">No published posts yet: the chart appears with the first one.</p>;
  const top = niceCeiling(data.max);
  const bottomY = HEIGHT - MARGIN.bottom;
  const x = (i: number) => xPosition(i, n, MARGIN.left, WIDTH - MARGIN.right);
  const y = (value: number) => yPosition(value, top, bottomY, MARGIN.top);
  const labels = labelIndexes(n, 7);
  const markers = n <= MARKER_DAYS;

  return (
    <figure className="space-y-3">
      {/* Below 560 px the labels would shrink out of legibility: the chart scrolls sideways instead. */}
      <div role="region" aria-label="Engagement chart" tabIndex={0} className="relative overflow-x-auto">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chartSummary(data)} className="h-auto w-full min-w-[560px]" data-testid="engagement-chart">
          <g aria-hidden="true">
            {axisTicks(top).map((tick) => (
              <g key={tick}>
                <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? '#94a3b8' : '#e2e8f0'} strokeWidth={1} />
                <text x={MARGIN.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#475569">
                  {formatCount(tick)}
                </text>
              </g>
            ))}
            {labels.map((i) => (
              <text
                key={data.days[i]}
                x={x(i)}
                y={bottomY + 20}
                textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}
                fontSize={12}
                fill="#475569"
              >
                {formatDay(data.days[i])}
              </text>
            ))}
            <text x={12} y={MARGIN.top + (bottomY - MARGIN.top) / 2} fontSize={12} fill="#475569" textAnchor="middle" transform={`rotate(-90 12 ${MARGIN.top + (bottomY - MARGIN.top) / 2})`}>
              Engagements
            </text>
            {data.series.map((series) => {
              const style = PLATFORM_STYLES[series.platform];
              const d = series.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.engagements).toFixed(1)}`).join(' ');
              return (
                <g key={series.platform}>
                  {n > 1 ? <path d={d} fill="none" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash || undefined} strokeLinejoin="round" strokeLinecap="round" /> : null}
                  {markers
                    ? series.points.map((p, i) => (
                        <circle key={p.date} cx={x(i)} cy={y(p.engagements)} r={n === 1 ? 5 : 3.5} fill="#fff" stroke={style.color} strokeWidth={2}>
                          <title>{`${PLATFORM_NAMES[series.platform]}, ${formatDay(p.date)}: ${formatCount(p.engagements)} engagements`}</title>
                        </circle>
                      ))
                    : null}
                </g>
              );
            })}
          </g>
        </svg>
      </div>

      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm" aria-label="Legend">
          {data.series.map((series) => {
            const style = PLATFORM_STYLES[series.platform];
            return (
              <li key={series.platform} className="flex items-center gap-2">
                <svg width="28" height="10" aria-hidden="true">
                  <line x1="1" x2="27" y1="5" y2="5" stroke={style.color} strokeWidth={2.5} strokeDasharray={style.dash || undefined} strokeLinecap="round" />
                </svg>
                <span>
                  {PLATFORM_NAMES[series.platform]} <span className="text-slate-600">({formatCount(series.total)})</span>
                </span>
              </li>
            );
          })}
        </ul>
        <p className="mt-1 text-xs text-slate-600">Each post&apos;s latest engagements, on the UTC day it was published.</p>
      </figcaption>

      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Show the data as a table</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Engagements per day and platform</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Day (UTC)
                </th>
                {data.series.map((series) => (
                  <th key={series.platform} scope="col" className="py-1 pr-4 text-right font-medium">
                    {PLATFORM_NAMES[series.platform]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.days.map((day, i) => (
                <tr key={day} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {formatDay(day)}
                  </th>
                  {data.series.map((series) => (
                    <td key={series.platform} className="py-1 pr-4 text-right tabular-nums">
                      {formatCount(series.points[i].engagements)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
