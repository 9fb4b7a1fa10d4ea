import { Module } from '@nestjs/common';
import { PlatformsController } from './platforms.controller';
import { PostingClient } from './posting.client';
import { CompleteOAuth } from './use-cases/complete-oauth.use-case';
import { ConnectPlatform } from './use-cases/connect-platform.use-case';
import { DisconnectPlatform } from './use-cases/disconnect-platform.use-case';
import { ListConnections } from './use-cases/list-connections.use-case';
import { StartOAuth } from './use-cases/start-oauth.use-case';

/** `/api/v1/platforms`: the user's connected accounts, relayed to posting-svc (which owns them and the tokens). */
@Module({
  controllers: [PlatformsController],
  providers: [PostingClient, ConnectPlatform, ListConnections, DisconnectPlatform, StartOAuth, CompleteOAuth],
  exports: [PostingClient, ListConnections],
})
export class PlatformsModule {}
