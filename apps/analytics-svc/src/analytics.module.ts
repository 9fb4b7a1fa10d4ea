import { ServiceConfig } from '@app/config';
import { ServiceCoreModule } from '@app/service-kit';
import { DynamicModule, Module } from '@nestjs/common';
import { InitAnalytics1764028800000 } from './migrations/1764028800000-InitAnalytics';
import { PublishedPost } from './publications/published-post.entity';
import { RecordPublicationHandler } from './publications/record-publication.handler';

@Module({})
export class AnalyticsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AnalyticsModule,
      imports: [ServiceCoreModule.forRoot(config, { entities: [PublishedPost], migrations: [InitAnalytics1764028800000] })],
      controllers: [RecordPublicationHandler],
    };
  }
}
