import { CONTENT_TYPES } from '@app/contracts';
import type { CampaignRecommendations, ContentInsight, ContentType, Platform, RecommendedSlot } from '@app/contracts';
import type { StrategyInsights } from '@app/llm';
import { DataSource } from 'typeorm';

interface InsightRow {
  platform: Platform;
  run_id: string;
  best_slots: RecommendedSlot[];
  content_insights: ContentInsight[];
}

const SLOTS_PER_PLATFORM = 3;
const MEDIA_FORMATS: Record<string, ContentType> = { image: 'image', carousel: 'carousel', video: 'short_video_script' };

/**
 * What the Strategy agent reads from the Optimization agent for a campaign: for each target platform, the
 * latest model of the user's account there — its best slots and its significant content findings, and the
 * formats that did better. Undefined when no account has a model yet.
 */
export async function loadStrategyInsights(dataSource: DataSource, userId: string, platforms: Platform[]): Promise<{ insights: StrategyInsights; used: NonNullable<CampaignRecommendations['strategy']> } | undefined> {
  const rows: InsightRow[] = await dataSource.query(
    `SELECT DISTINCT ON ("platform") "platform", "run_id", "best_slots", "content_insights" FROM "strategy"."account_insights"
      WHERE "user_id" = $1 AND "platform" = ANY($2) ORDER BY "platform", "computed_at" DESC`,
    [userId, platforms],
  );
  if (rows.length === 0) return undefined;
  const bestSlots = rows.flatMap((r) => r.best_slots.slice(0, SLOTS_PER_PLATFORM).map((s) => ({ platform: r.platform, weekday: s.weekday, hour: s.hour, expectedLift: s.expectedLift })));
  const significant = rows.flatMap((r) => r.content_insights.filter((i) => i.significant).map((i) => ({ platform: r.platform, insight: i })));
  const contentFindings = significant.map(({ platform, insight }) => `${platform}: ${insight.finding}`);
  const formatPreferences = significant.flatMap(({ platform, insight }) => {
    const format = insight.feature === 'media' ? MEDIA_FORMATS[insight.value] : insight.feature === 'format' && (CONTENT_TYPES as readonly string[]).includes(insight.value) ? (insight.value as ContentType) : undefined;
    return format && insight.lift > 0 ? [{ platform, format, lift: insight.lift, n: insight.n }] : [];
  });
  return {
    insights: { bestSlots, contentFindings, formatPreferences },
    used: { runIds: rows.map((r) => r.run_id), contentFindings, bestSlots: bestSlots.length },
  };
}
