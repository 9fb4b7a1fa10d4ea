import type { AccountRecommendations, Platform, RecommendationsView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The latest model of each of the user's accounts on the given platforms (what `/analytics/optimize/{id}` shows). */
@Injectable()
export class RecommendationsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async forUser(userId: string, platforms: Platform[]): Promise<RecommendationsView> {
    const rows = await this.dataSource.query(
      `SELECT DISTINCT ON (a."connection_id") a."connection_id", a."platform", a."account_name", a."time_zone",
              r."id", r."computed_at", r."observations", r."basis", r."slots", r."best_slots", r."content_insights", r."changes"
         FROM "analytics"."accounts" a JOIN "analytics"."optimization_runs" r ON r."connection_id" = a."connection_id"
        WHERE a."user_id" = $1 AND a."platform" = ANY($2) AND a."status" <> 'disconnected'
        ORDER BY a."connection_id", r."computed_at" DESC`,
      [userId, platforms],
    );
    const accounts: AccountRecommendations[] = rows.map((r: Record<string, unknown>) => ({
      connectionId: r.connection_id as string,
      platform: r.platform as Platform,
      accountName: r.account_name as string,
      timeZone: r.time_zone as string,
      runId: r.id as string,
      computedAt: new Date(r.computed_at as string).toISOString(),
      observations: r.observations as number,
      basis: r.basis as AccountRecommendations['basis'],
      bestSlots: r.best_slots as AccountRecommendations['bestSlots'],
      slots: r.slots as AccountRecommendations['slots'],
      contentInsights: r.content_insights as AccountRecommendations['contentInsights'],
      changes: r.changes as AccountRecommendations['changes'],
    }));
    accounts.sort((a, b) => a.platform.localeCompare(b.platform) || a.accountName.localeCompare(b.accountName));
    return { accounts, platformsWithoutModel: platforms.filter((p) => !accounts.some((a) => a.platform === p)) };
  }
}
