import { ServiceConfig } from '@app/config';
import { AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitCreative1764028800000 } from './migrations/1764028800000-InitCreative';
import { DesignVisualsHandler } from './design/design-visuals.handler';

@Module({})
export class CreativeModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: CreativeModule,
      imports: [AgentCoreModule.forRoot(config, 'creative', [InitCreative1764028800000])],
      controllers: [DesignVisualsHandler],
    };
  }
}
