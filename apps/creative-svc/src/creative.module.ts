import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { IMAGE_GENERATOR, createImageGenerator } from '@app/llm';
import { DynamicModule, Module } from '@nestjs/common';
import { DesignVisualsHandler } from './design/design-visuals.handler';
import { ImageStore } from './images/image-store';
import { ImagesController } from './images/images.controller';
import { VisualRenderer } from './images/visual-renderer';
import { CREATIVE_MIGRATIONS } from './migrations';

@Module({})
export class CreativeModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: CreativeModule,
      imports: [AgentCoreModule.forRoot(config, 'creative', CREATIVE_MIGRATIONS)],
      controllers: [DesignVisualsHandler, ImagesController],
      providers: [ImageStore, VisualRenderer, { provide: IMAGE_GENERATOR, useFactory: () => createImageGenerator(config.llm) }],
    };
  }
}
