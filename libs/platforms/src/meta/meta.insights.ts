import type { MetricName, PostMetrics } from '@app/contracts';
import type { GraphList } from './meta.graph';

/** One entry of an `/{id}/insights` answer (§3.5, §4.4). */
export interface GraphInsight {
  name: string;
  period?: string;
  values?: Array<{ value?: unknown; end_time?: string }>;
  total_value?: { value?: unknown };
}

/**
 * The numbers of an insights answer, by metric name. A metric missing from `data` (Instagram answers an empty
 * `data` when nothing is available yet) is missing here too, never 0. An object value (`post_media_view` split
 * paid/organic, reactions by type) counts as the sum of its numbers.
 */
export function insightNumbers(answer: GraphList<GraphInsight> | undefined): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const insight of answer?.data ?? []) {
    const raw = insight.values?.length ? insight.values[insight.values.length - 1]?.value : insight.total_value?.value;
    const value = numberOf(raw);
    if (value !== undefined) numbers.set(insight.name, value);
  }
  return numbers;
}

/** Maps platform metric names to the common model, keeping only those the platform reported. */
export function mapMetrics(numbers: Map<string, number>, names: Readonly<Record<string, MetricName>>): PostMetrics {
  const metrics: PostMetrics = {};
  for (const [raw, name] of Object.entries(names)) {
    const value = numbers.get(raw);
    if (value !== undefined) metrics[name] = value;
  }
  return metrics;
}

/** A count as the Graph sends it: a number, a numeric string, or an object of numbers (summed). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = Object.values(value as Record<string, unknown>).map(numberOf).filter((n): n is number => n !== undefined);
    return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : undefined;
  }
  return undefined;
}
