import { PLATFORMS, isPlatform } from '@app/contracts';
import type { CampaignAnalyticsView, Platform, PostAnalyticsView, RecommendationsView } from '@app/contracts';
import { BadRequestException, Controller, Get, Header, NotFoundException, Param, Query } from '@nestjs/common';
import { AnalyticsQueries } from './analytics.queries';
import { campaignCsv } from './csv';
import { RecommendationsQuery } from './recommendations.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(field: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new BadRequestException({ statusCode: 400, message: `${field} must be a UUID`, fields: { [field]: 'must be a UUID' } });
  return value;
}

/**
 * analytics-svc's internal read API (contract in @app/contracts `analytics.ts`). The gateway checks that
 * the campaign or post belongs to the caller and serves these as `/api/v1/analytics/*`.
 */
@Controller('internal/analytics')
export class AnalyticsController {
  constructor(
    private readonly queries: AnalyticsQueries,
    private readonly recommendations: RecommendationsQuery,
  ) {}

  @Get('campaigns/:id')
  campaign(@Param('id') id: string): Promise<CampaignAnalyticsView> {
    return this.queries.campaign(uuid('id', id));
  }

  @Get('campaigns/:id/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async csv(@Param('id') id: string): Promise<string> {
    const view = await this.queries.campaign(uuid('id', id));
    const posts = await Promise.all(view.posts.filter((p) => p.status === 'published').map((p) => this.queries.post(p.postId)));
    return campaignCsv(posts.filter((p): p is PostAnalyticsView => p !== null));
  }

  @Get('posts/:id')
  async post(@Param('id') id: string): Promise<PostAnalyticsView> {
    const view = await this.queries.post(uuid('id', id));
    if (!view) throw new NotFoundException({ statusCode: 404, message: 'no analytics for this post (not published yet)' });
    return view;
  }

  @Get('recommendations')
  recommend(@Query('userId') userId: string, @Query('platforms') platforms: string): Promise<RecommendationsView> {
    const list = (platforms ?? '').split(',').filter(Boolean);
    if (list.length === 0 || !list.every(isPlatform)) {
      throw new BadRequestException({ statusCode: 400, message: `platforms must be a comma-separated list of ${PLATFORMS.join(', ')}`, fields: { platforms: 'invalid' } });
    }
    return this.recommendations.forUser(uuid('userId', userId), list as Platform[]);
  }
}
