import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { IMAGE_GENERATOR, createImageGenerator } from '@app/llm';
import { DynamicModule, Module } from '@nestjs/common';
import { DesignVisualsHandler } from './design/design-visuals.handler';
import { ImageStore } from './images/image-store';
import { ImagesController } from './images/images.controller';
import { VisualRenderer } from './images/visual-renderer';
import { InitCreative1764028800000 } from './migrations/1764028800000-InitCreative';
import { AddLlmResultsCreative1764115200000 } from './migrations/1764115200000-AddLlmResultsCreative';
import { AddImages1764201600000 } from './migrations/1764201600000-AddImages';

@Module({})
export class CreativeModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: CreativeModule,
      imports: [AgentCoreModule.forRoot(config, 'creative', [InitCreative1764028800000, AddLlmResultsCreative1764115200000, AddImages1764201600000])],
      controllers: [DesignVisualsHandler, ImagesController],
      providers: [ImageStore, VisualRenderer, { provide: IMAGE_GENERATOR, useFactory: () => createImageGenerator(config.llm) }],
    };
  }
}
