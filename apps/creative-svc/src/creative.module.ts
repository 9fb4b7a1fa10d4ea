import { AgentConfig, AgentCoreModule } from '@app/agent-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitCreative1764028800000 } from './migrations/1764028800000-InitCreative';
import { AddLlmResultsCreative1764115200000 } from './migrations/1764115200000-AddLlmResultsCreative';
import { DesignVisualsHandler } from './design/design-visuals.handler';

@Module({})
export class CreativeModule {
  static forRoot(config: AgentConfig): DynamicModule {
    return {
      module: CreativeModule,
      imports: [AgentCoreModule.forRoot(config, 'creative', [InitCreative1764028800000, AddLlmResultsCreative1764115200000])],
      controllers: [DesignVisualsHandler],
    };
  }
}
