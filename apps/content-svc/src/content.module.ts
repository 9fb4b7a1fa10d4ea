import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { WritePostsHandler } from './writing/write-posts.handler';
import { CONTENT_MIGRATIONS } from './migrations';

@Module({})
export class ContentModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: ContentModule,
      imports: [AgentCoreModule.forRoot(config, 'content', CONTENT_MIGRATIONS)],
      controllers: [WritePostsHandler],
    };
  }
}
