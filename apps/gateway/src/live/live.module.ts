import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';
import { LiveFeed } from './live-feed';

/** `GET /api/v1/events`: the caller's campaign and post changes as Server-Sent Events. */
@Module({
  controllers: [LiveController],
  providers: [LiveFeed],
})
export class LiveModule {}
