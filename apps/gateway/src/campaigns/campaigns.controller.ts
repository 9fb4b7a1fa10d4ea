import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/current-user.decorator';
import { ApiErrors } from '../common/api-errors';
import { PageQueryDto } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignPageDto, CampaignViewDto } from './dto/campaign-view.dto';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { CreateCampaign } from './use-cases/create-campaign.use-case';
import { ExecuteCampaign } from './use-cases/execute-campaign.use-case';
import { GetCampaign } from './use-cases/get-campaign.use-case';
import { ListCampaigns } from './use-cases/list-campaigns.use-case';

@ApiTags('campaigns')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly createCampaign: CreateCampaign,
    private readonly listCampaigns: ListCampaigns,
    private readonly getCampaign: GetCampaign,
    private readonly executeCampaign: ExecuteCampaign,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Request a campaign; the agents plan, write, design and schedule it asynchronously.' })
  @ApiAcceptedResponse({ type: CampaignViewDto })
  @ApiErrors(400)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignViewDto> {
    return this.createCampaign.execute(user.userId, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's campaigns, newest first." })
  @ApiOkResponse({ type: CampaignPageDto })
  @ApiErrors(400)
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<CampaignPageDto> {
    return this.listCampaigns.execute(user.userId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A campaign with its pipeline stages, strategy and posts.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CampaignViewDto })
  @ApiErrors(404)
  get(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Campaign')) id: string): Promise<CampaignViewDto> {
    return this.getCampaign.execute(user.userId, id);
  }

  @Post(':id/execute')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Start publishing a scheduled campaign (the Scheduler arms its posts).' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: CampaignViewDto })
  @ApiErrors(404, 409)
  execute(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Campaign')) id: string): Promise<CampaignViewDto> {
    return this.executeCampaign.execute(user.userId, id);
  }
}
