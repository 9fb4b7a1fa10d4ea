import { Controller, Get, Headers, NotFoundException, Query, Sse } from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Observable, interval, map, merge } from 'rxjs';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/current-user.decorator';
import { Campaign } from '../campaigns/campaign.entity';
import { LiveEventsQuery } from './live-events.query';
import { LiveFeed } from './live-feed';

/** Keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class LiveController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Sse()
  @ApiOperation({
    summary: 'Live changes of your campaigns and posts (Server-Sent Events).',
    description:
      'A `text/event-stream`: `event: campaign` (the campaign summary with its four stages, as each stage finishes or the status changes) ' +
      'and `event: post` (the post view, on every change: scheduled, edited, published, failed…); `id:` is the change’s time, so ' +
      '`Last-Event-ID` (or `?since=`) replays what was missed. Only your own campaigns; a comment line every 15 s keeps it open.',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this event id (sent by EventSource on reconnect).' })
  @ApiOkResponse({ description: 'The stream.' })
  async stream(@CurrentUser() user: AuthUser, @Query() query: LiveEventsQuery, @Headers('last-event-id') lastEventId?: string): Promise<Observable<MessageEvent>> {
    if (query.campaignId) {
      const owned = await this.dataSource.getRepository(Campaign).existsBy({ id: query.campaignId.toLowerCase(), userId: user.userId });
      if (!owned) throw new NotFoundException(`Campaign ${query.campaignId} not found`);
    }
    const resumeAt = query.since ?? (lastEventId && !Number.isNaN(Date.parse(lastEventId)) ? lastEventId : undefined);
    const changes = this.feed.stream(user.userId, query.campaignId?.toLowerCase(), resumeAt ? new Date(resumeAt) : undefined).pipe(
      map(({ type, id, data }): MessageEvent => {
        const { userId: _owner, ...visible } = data as { userId?: string };
        return { type, id, data: visible };
      }),
    );
    return merge(changes, interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ comment: 'ping' }))));
  }
}
