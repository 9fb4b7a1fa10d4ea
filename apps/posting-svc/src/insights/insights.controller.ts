import { PLATFORMS, isPlatform } from '@app/contracts';
import type { InsightsHistoryRequest, InsightsHistoryResponse, InsightsMetricsRequest, InsightsMetricsResponse } from '@app/contracts';
import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InsightsService } from './insights.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_IDS = 100;

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message: `${field} ${message}`, fields: { [field]: message } });
}

/**
 * posting-svc's internal insights API (contract in @app/contracts `analytics.ts`): analytics-svc reads the
 * metrics of published posts and the history of connected accounts through it, since only posting-svc
 * holds the tokens. Cluster-internal, like `/internal/connections`.
 */
@Controller('internal/insights')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Post('metrics')
  @HttpCode(200)
  metrics(@Body() body: InsightsMetricsRequest): Promise<InsightsMetricsResponse> {
    if (!isPlatform(body?.platform)) throw invalid('platform', `must be one of ${PLATFORMS.join(', ')}`);
    if (body.connectionId !== undefined && (typeof body.connectionId !== 'string' || !UUID.test(body.connectionId))) throw invalid('connectionId', 'must be a UUID');
    const ids = body.platformPostIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS || !ids.every((id) => typeof id === 'string' && id.length > 0)) {
      throw invalid('platformPostIds', `must be a list of 1 to ${MAX_IDS} post ids`);
    }
    return this.insights.metrics({ connectionId: body.connectionId, platform: body.platform, platformPostIds: ids });
  }

  @Post('history')
  @HttpCode(200)
  history(@Body() body: InsightsHistoryRequest): Promise<InsightsHistoryResponse> {
    if (typeof body?.connectionId !== 'string' || !UUID.test(body.connectionId)) throw invalid('connectionId', 'must be a UUID');
    if (typeof body.since !== 'string' || Number.isNaN(Date.parse(body.since))) throw invalid('since', 'must be an ISO 8601 instant');
    if (body.cursor !== undefined && typeof body.cursor !== 'string') throw invalid('cursor', 'must be a string');
    if (body.limit !== undefined && (!Number.isInteger(body.limit) || body.limit < 1 || body.limit > 100)) throw invalid('limit', 'must be an integer from 1 to 100');
    return this.insights.history(body);
  }
}
