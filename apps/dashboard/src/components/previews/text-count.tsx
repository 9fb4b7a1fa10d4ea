import { PLATFORM_LIMITS, platformTextLength } from '@app/contracts';
import type { Platform } from '@/api/types';

/**
 * "n/limit", flagged when over the limit: red, bold, outlined, and "— over the limit" in words, so the flag
 * does not rely on color alone. `unit` is read out after the numbers (visibly when `showUnit`, else for
 * screen readers only).
 */
export function TextCount({ count, limit, unit, showUnit = false, testId }: { count: number; limit: number; unit: string; showUnit?: boolean; testId: string }) {
  const over = count > limit;
  return (
    <p
      data-testid={testId}
      data-over-limit={over ? 'true' : undefined}
      className={`mt-2 inline-block rounded px-1.5 py-0.5 text-xs tabular-nums ${over ? 'border border-red-700 bg-red-50 font-semibold text-red-800' : 'text-slate-600'}`}
    >
      {count}/{limit}
      {showUnit ? ` ${unit}` : <span className="sr-only"> {unit}</span>}
      {over ? ' — over the limit' : null}
    </p>
  );
}

const UNITS = { 'x-weighted': 'weighted characters', 'code-points': 'characters', graphemes: 'characters' } as const;

/** One text unit's length as its platform counts it (X weighted, Bluesky graphemes, others code points). */
export function PlatformTextCount({ platform, text, testId = 'text-count' }: { platform: Platform; text: string; testId?: string }) {
  const limits = PLATFORM_LIMITS[platform];
  return <TextCount count={platformTextLength(platform, text)} limit={limits.maxTextLength} unit={UNITS[limits.lengthCounting]} testId={testId} />;
}
