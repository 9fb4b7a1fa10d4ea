import type { RecommendedSlot, SlotEstimate } from '@/api/types';
import { HEAT_RANGE, WEEKDAYS, WEEKDAY_NAMES, heatColor, heatOpacity, heatmapRows } from '@/lib/analytics-data';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The hour-of-week heatmap: 7 rows (Monday first, the API's weekday 0) × 24 hours in the audience's time zone.
 * Colour = expected engagement relative to the account's average; faint = low confidence; a ring and a star =
 * a recommended slot. Every cell says all of it in words (title and screen-reader text), so colour is never
 * the only carrier. Scrolls sideways inside its own box on a narrow screen.
 */
export function SlotHeatmap({ slots, bestSlots, timeZone, label }: { slots: SlotEstimate[]; bestSlots: RecommendedSlot[]; timeZone: string; label: string }) {
  const rows = heatmapRows(slots, bestSlots);
  return (
    <div className="space-y-2">
      <div role="region" aria-label={`${label}: hour-of-week heatmap`} tabIndex={0} className="relative overflow-x-auto rounded-md border border-slate-200 bg-white p-2">
        <table className="border-separate border-spacing-0.5 text-[11px] leading-none" data-testid="slot-heatmap">
          <caption className="sr-only">
            {`${label}: expected engagement per weekday and hour (${timeZone}), relative to the account's average, with the confidence of each estimate. Recommended slots are marked.`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="w-10">
                <span className="sr-only">Weekday</span>
              </th>
              {HOURS.map((hour) => (
                <th key={hour} scope="col" className="w-6 min-w-6 pb-1 text-center font-normal text-slate-500">
                  {hour % 3 === 0 ? <span aria-hidden="true">{pad2(hour)}</span> : null}
                  <span className="sr-only">{`${pad2(hour)}:00`}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, weekday) => (
              <tr key={WEEKDAYS[weekday]}>
                <th scope="row" className="pr-2 text-left font-medium text-slate-700">
                  <abbr title={WEEKDAY_NAMES[weekday]} className="no-underline">
                    {WEEKDAYS[weekday]}
                  </abbr>
                </th>
                {row.map((cell) => (
                  <td key={cell.hour} title={cell.label} className="relative h-6 w-6 min-w-6 p-0" data-recommended={cell.recommended ? 'true' : undefined}>
                    <span
                      aria-hidden="true"
                      className={`block h-6 w-6 rounded-sm ${cell.mean === undefined ? 'bg-slate-100' : ''}`}
                      style={cell.mean === undefined ? undefined : { backgroundColor: heatColor(cell.mean), opacity: heatOpacity(cell.confidence) }}
                    />
                    {cell.recommended ? (
                      <span aria-hidden="true" className="absolute inset-0 flex items-center justify-center rounded-sm text-[13px] text-slate-950 ring-2 ring-slate-900 ring-inset">
                        <span className="rounded-full bg-white/85 px-0.5 leading-none">★</span>
                      </span>
                    ) : null}
                    <span className="sr-only">{cell.label}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatmapLegend />
    </div>
  );
}

/** What colour, faintness and the star mean. */
function HeatmapLegend() {
  const stops = [HEAT_RANGE.low, Math.SQRT1_2, 1, Math.SQRT2, HEAT_RANGE.high];
  const gradient = `linear-gradient(to right, ${stops.map((m) => heatColor(m)).join(', ')})`;
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-xs text-slate-700">
      <div className="flex items-center gap-2">
        <span>{HEAT_RANGE.low}× or less</span>
        <span aria-hidden="true" className="h-3 w-28 rounded-sm border border-slate-200" style={{ backgroundImage: gradient }} />
        <span>{HEAT_RANGE.high}× or more the average</span>
      </div>
      <div className="flex items-center gap-2">
        {[0, 0.5, 1].map((confidence) => (
          <span key={confidence} aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ backgroundColor: heatColor(HEAT_RANGE.high), opacity: heatOpacity(confidence) }} />
        ))}
        <span>Fainter = lower confidence</span>
      </div>
      <div className="flex items-center gap-2">
        <span aria-hidden="true" className="flex h-4 w-4 items-center justify-center rounded-sm text-[11px] ring-2 ring-slate-900 ring-inset">
          ★
        </span>
        <span>Recommended slot</span>
      </div>
    </div>
  );
}
