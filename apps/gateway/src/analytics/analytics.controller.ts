import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignAnalyticsDto } from './dto/campaign-analytics.dto';
import { CampaignOptimizationDto } from './dto/optimization.dto';
import { PostAnalyticsDto } from './dto/post-analytics.dto';
import { ExportCampaignAnalytics } from './use-cases/export-campaign-analytics.use-case';
import { GetCampaignAnalytics } from './use-cases/get-campaign-analytics.use-case';
import { GetCampaignOptimization } from './use-cases/get-campaign-optimization.use-case';
import { GetPostAnalytics } from './use-cases/get-post-analytics.use-case';

const campaignId = ApiParam({ name: 'id', format: 'uuid', description: 'One of your campaigns.' });

/**
 * How the caller's campaigns and posts perform, and what the Optimization agent learned. analytics-svc
 * (ANALYTICS_URL) holds the metrics and models; the gateway checks ownership in its own read model first.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@ApiErrors(401, 502, 503)
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly campaignAnalytics: GetCampaignAnalytics,
    private readonly exportAnalytics: ExportCampaignAnalytics,
    private readonly postAnalytics: GetPostAnalytics,
    private readonly optimization: GetCampaignOptimization,
  ) {}

  @Get('campaign/:id')
  @ApiOperation({
    summary: "A campaign's metrics: totals, per platform, per post, and per day.",
    description: "Each post's latest reading counts; readings are taken 1 h, 6 h, 24 h, 72 h and 7 days after publication. Zeros until a post went out.",
  })
  @campaignId
  @ApiOkResponse({ type: CampaignAnalyticsDto })
  @ApiErrors(404)
  campaign(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Campaign')) id: string): Promise<CampaignAnalyticsDto> {
    return this.campaignAnalytics.execute(user.userId, id);
  }

  @Get('campaign/:id/export.csv')
  @ApiOperation({
    summary: "A campaign's readings as CSV, one row per reading of each published post.",
    description:
      'Columns: post_id, platform, platform_post_id, published_at, measured_at, age_hours, impressions, reach, likes, comments, shares, saves, clicks, video_views, ' +
      'engagements, engagement_rate (empty where the platform reports nothing). Sent as an attachment `campaign-<id>-analytics.csv`.',
  })
  @campaignId
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV (a header row, then the readings).', schema: { type: 'string' } })
  @ApiErrors(404)
  async exportCsv(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Campaign')) id: string, @Res() res: Response): Promise<void> {
    const { filename, csv } = await this.exportAnalytics.execute(user.userId, id);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    res.type('text/csv; charset=utf-8').send(csv);
  }

  @Get('post/:id')
  @ApiOperation({
    summary: "One post's metrics with every reading taken so far.",
    description: 'A post that has not been published yet has no analytics: 404 saying so.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'One of your posts.' })
  @ApiOkResponse({ type: PostAnalyticsDto })
  @ApiErrors(404)
  post(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Post')) id: string): Promise<PostAnalyticsDto> {
    return this.postAnalytics.execute(user.userId, id);
  }

  @Get('optimize/:id')
  @ApiOperation({
    summary: 'What the Optimization agent recommends for a campaign, and what the campaign used.',
    description:
      "For each of your connected accounts on the campaign's target platforms: its latest model (best hours of the week, the 168-hour heatmap with confidence, " +
      'content findings with their evidence, what changed since the previous run). Accounts learn from their history once connected and from every post measured since.',
  })
  @campaignId
  @ApiOkResponse({ type: CampaignOptimizationDto })
  @ApiErrors(404)
  optimize(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Campaign')) id: string): Promise<CampaignOptimizationDto> {
    return this.optimization.execute(user.userId, id);
  }
}
