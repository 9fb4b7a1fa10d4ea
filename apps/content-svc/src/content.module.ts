import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitContent1764028800000 } from './migrations/1764028800000-InitContent';
import { AddLlmResultsContent1764115200000 } from './migrations/1764115200000-AddLlmResultsContent';
import { WritePostsHandler } from './writing/write-posts.handler';

@Module({})
export class ContentModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: ContentModule,
      imports: [AgentCoreModule.forRoot(config, 'content', [InitContent1764028800000, AddLlmResultsContent1764115200000])],
      controllers: [WritePostsHandler],
    };
  }
}
