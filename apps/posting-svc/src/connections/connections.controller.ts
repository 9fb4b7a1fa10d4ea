import { PLATFORMS, isPlatform } from '@app/contracts';
import type { ConnectRequest, ConnectionView, OAuthCallbackRequest, OAuthStartRequest, OAuthStartResponse, Platform } from '@app/contracts';
import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ConnectionsService } from './connections.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireUuid(field: string, value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw new BadRequestException({ statusCode: 400, message: `${field} must be a UUID`, fields: { [field]: 'must be a UUID' } });
  return value;
}

function requirePlatform(value: unknown): Platform {
  if (!isPlatform(value)) throw new BadRequestException({ statusCode: 400, message: `platform must be one of ${PLATFORMS.join(', ')}`, fields: { platform: `must be one of ${PLATFORMS.join(', ')}` } });
  return value;
}

/**
 * posting-svc's internal API for connected accounts (contract: `ConnectionView` & co. in @app/contracts).
 * Only the gateway calls it, on the cluster network (the Kubernetes NetworkPolicy admits only the gateway);
 * it authenticates the user and passes the user id. Tokens are accepted, never returned.
 */
@Controller('internal')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post('connections')
  async connect(@Body() body: ConnectRequest, @Res({ passthrough: true }) res: Response): Promise<ConnectionView> {
    const request: ConnectRequest = { ...body, userId: requireUuid('userId', body?.userId), platform: requirePlatform(body?.platform) };
    const { view, created } = await this.connections.connect(request);
    res.status(created ? 201 : 200);
    return view;
  }

  @Get('connections')
  list(@Query('userId') userId: string): Promise<ConnectionView[]> {
    return this.connections.list(requireUuid('userId', userId));
  }

  @Delete('connections/:id')
  @HttpCode(204)
  async disconnect(@Param('id') id: string, @Query('userId') userId: string): Promise<void> {
    const removed = await this.connections.disconnect(requireUuid('userId', userId), requireUuid('id', id));
    if (!removed) throw new NotFoundException({ statusCode: 404, message: 'no such connection' });
  }

  @Post('oauth/:platform/start')
  @HttpCode(200)
  start(@Param('platform') platform: string, @Body() body: OAuthStartRequest): Promise<OAuthStartResponse> {
    return this.connections.startOAuth(requirePlatform(platform), { ...body, userId: requireUuid('userId', body?.userId) });
  }

  @Post('oauth/:platform/callback')
  async callback(@Param('platform') platform: string, @Body() body: OAuthCallbackRequest, @Res({ passthrough: true }) res: Response): Promise<ConnectionView & { userId: string }> {
    if (typeof body?.state !== 'string' || typeof body?.code !== 'string') {
      throw new BadRequestException({ statusCode: 400, message: 'state and code are required', fields: { state: 'required', code: 'required' } });
    }
    const { view, created, userId } = await this.connections.completeOAuth(requirePlatform(platform), body);
    res.status(created ? 201 : 200);
    return { ...view, userId };
  }
}
