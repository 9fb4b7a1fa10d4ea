import { SERVICE_CONFIG } from '@app/config';
import type { Platform } from '@app/contracts';
import { BadRequestException, Body, ConflictException, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { PLATFORMS } from '@app/contracts';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { UpstreamException } from '../common/upstream.exception';
import type { GatewayConfig } from '../config/gateway.config';
import { ConnectPlatformDto, OAuthStartQueryDto } from './dto/connect-platform.dto';
import { ConnectionViewDto, OAuthStartViewDto } from './dto/connection-view.dto';
import { ParsePlatformPipe } from './parse-platform.pipe';
import { CompleteOAuth, oauthResultLocation } from './use-cases/complete-oauth.use-case';
import type { OAuthOutcome } from './use-cases/complete-oauth.use-case';
import { ConnectPlatform } from './use-cases/connect-platform.use-case';
import { DisconnectPlatform } from './use-cases/disconnect-platform.use-case';
import { ListConnections } from './use-cases/list-connections.use-case';
import { StartOAuth } from './use-cases/start-oauth.use-case';

const platformParam = ApiParam({ name: 'platform', enum: PLATFORMS });

/**
 * Connected platform accounts. posting-svc owns them and their tokens; the gateway authenticates the
 * user, validates, and relays to posting-svc's internal API.
 */
@ApiTags('platforms')
@Controller('platforms')
export class PlatformsController {
  constructor(
    private readonly connectPlatform: ConnectPlatform,
    private readonly listConnections: ListConnections,
    private readonly disconnectPlatform: DisconnectPlatform,
    private readonly startOAuth: StartOAuth,
    private readonly completeOAuth: CompleteOAuth,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('connect')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Connect an account with a token you already have (or a Bluesky app password).',
    description: 'posting-svc verifies the credentials with the platform. 201 for a new connection, 200 when it updated your existing connection of that account.',
  })
  @ApiCreatedResponse({ type: ConnectionViewDto, description: 'Connected.' })
  @ApiOkResponse({ type: ConnectionViewDto, description: 'Your existing connection of this account was updated (reconnected).' })
  @ApiErrors(400, 401, 409, 503)
  async connect(@CurrentUser() user: AuthUser, @Body() body: ConnectPlatformDto, @Res({ passthrough: true }) res: Response): Promise<ConnectionViewDto> {
    const { created, connection } = await this.connectPlatform.execute(user.userId, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return connection;
  }

  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Your connected accounts, with their status and the posts waiting for a reconnect.' })
  @ApiOkResponse({ type: [ConnectionViewDto] })
  @ApiErrors(401, 503)
  list(@CurrentUser() user: AuthUser): Promise<ConnectionViewDto[]> {
    return this.listConnections.execute(user.userId);
  }

  @Delete(':id')
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Disconnect an account: its tokens are deleted.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Disconnected.' })
  @ApiErrors(401, 404, 503)
  disconnect(@CurrentUser() user: AuthUser, @Param('id', new ParseIdPipe('Connection')) id: string): Promise<void> {
    return this.disconnectPlatform.execute(user.userId, id);
  }

  @Get('oauth/:platform/start')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start connecting an account with OAuth: send the browser to `authorizeUrl`.',
    description: 'The platform then redirects to `GET /platforms/oauth/{platform}/callback`. 400 when the platform has no OAuth flow here or no OAuth client is configured (the message names the variable).',
  })
  @platformParam
  @ApiOkResponse({ type: OAuthStartViewDto })
  @ApiErrors(400, 401, 404, 503)
  start(@CurrentUser() user: AuthUser, @Param('platform', ParsePlatformPipe) platform: Platform, @Query() query: OAuthStartQueryDto): Promise<OAuthStartViewDto> {
    return this.startOAuth.execute(user.userId, platform, query);
  }

  @Get('oauth/:platform/callback')
  @Public()
  @ApiOperation({
    summary: "The platform's OAuth redirect (no bearer token: the state names the user).",
    description:
      'With OAUTH_RESULT_URL configured, redirects (302) there with `?connected=<platform>&connectionId=<id>`, or `?error=<reason>&platform=<platform>&message=<text>` ' +
      '(reasons: the platform\'s own, e.g. `access_denied`; `invalid_request`, `connection_failed`, `account_taken`, `temporarily_unavailable`). ' +
      'Without it, answers 200 with the connection, or the error as JSON (400, 409, 503).',
  })
  @platformParam
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'error', required: false, description: 'Sent by the platform instead of a code, e.g. `access_denied`.' })
  @ApiQuery({ name: 'error_description', required: false })
  @ApiFoundResponse({ description: 'Redirect to OAUTH_RESULT_URL (when configured).' })
  @ApiOkResponse({ type: ConnectionViewDto, description: 'Connected (when OAUTH_RESULT_URL is not configured).' })
  @ApiErrors(400, 404, 409, 503)
  async callback(
    @Param('platform', ParsePlatformPipe) platform: Platform,
    @Query('code') code: unknown,
    @Query('state') state: unknown,
    @Query('error') error: unknown,
    @Query('error_description') errorDescription: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const outcome = await this.completeOAuth.execute(platform, { code: single(code), state: single(state), error: single(error), errorDescription: single(errorDescription) });
    res.setHeader('cache-control', 'no-store');
    if (this.config.oauthResultUrl) return res.redirect(HttpStatus.FOUND, oauthResultLocation(this.config.oauthResultUrl, outcome));
    if (outcome.ok) {
      res.status(HttpStatus.OK).json(outcome.connection);
      return;
    }
    throw callbackError(outcome);
  }
}

function single(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function callbackError(outcome: Extract<OAuthOutcome, { ok: false }>): Error {
  const message = `OAuth connection to ${outcome.platform} failed (${outcome.reason}): ${outcome.message}`;
  if (outcome.status === HttpStatus.CONFLICT) return new ConflictException(message);
  if (outcome.status >= 500) return new UpstreamException(outcome.status as ConstructorParameters<typeof UpstreamException>[0], outcome.message);
  return new BadRequestException(message);
}
