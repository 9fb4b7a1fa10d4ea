import { METRIC_NAMES, engagementRate, engagements } from '@app/contracts';
import type { PostAnalyticsView } from '@app/contracts';

const COLUMNS = ['post_id', 'platform', 'platform_post_id', 'published_at', 'measured_at', 'age_hours', ...METRIC_NAMES, 'engagements', 'engagement_rate'];

/**
 * RFC 4180 CSV, one row per reading of each post (the whole time series). Cells that a spreadsheet would
 * run as a formula (=, +, -, @ first) are prefixed with an apostrophe.
 */
export function campaignCsv(posts: PostAnalyticsView[]): string {
  const lines = [COLUMNS.join(',')];
  for (const post of posts) {
    for (const reading of post.series) {
      const cells: Array<string | number | undefined> = [
        post.postId,
        post.platform,
        post.platformPostId,
        post.publishedAt,
        reading.at,
        reading.ageHours,
        ...METRIC_NAMES.map((name) => reading.metrics[name]),
        engagements(reading.metrics),
        engagementRate(reading.metrics),
      ];
      lines.push(cells.map(cell).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(6);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
