import { ServiceConfig } from '@app/config';
import { AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitContent1764028800000 } from './migrations/1764028800000-InitContent';
import { WritePostsHandler } from './writing/write-posts.handler';

@Module({})
export class ContentModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ContentModule,
      imports: [AgentCoreModule.forRoot(config, 'content', [InitContent1764028800000])],
      controllers: [WritePostsHandler],
    };
  }
}
