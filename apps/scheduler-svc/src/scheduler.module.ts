import { BusServer } from '@app/bus';
import { ServiceCoreModule } from '@app/service-kit';
import { StageRunRecord, failCampaignOnDeadLetter } from '@app/agent-kit';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { SchedulerConfig } from './config/scheduler.config';
import { DuePostDispatcher } from './dispatch/due-post-dispatcher';
import { ScheduleCampaignHandler } from './planning/schedule-campaign.handler';
import { SlotModelsHandler } from './planning/slot-models.handler';
import { PostChangesHandler } from './posts/post-changes.handler';
import { ScheduledPost } from './posts/scheduled-post.entity';
import { SCHEDULER_MIGRATIONS } from './migrations';

@Module({})
export class SchedulerModule implements OnModuleInit {
  constructor(private readonly server: BusServer) {}

  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        ServiceCoreModule.forRoot(config, { entities: [StageRunRecord, ScheduledPost], migrations: SCHEDULER_MIGRATIONS }),
        ScheduleModule.forRoot(),
      ],
      controllers: [ScheduleCampaignHandler, PostChangesHandler, SlotModelsHandler],
      providers: [DuePostDispatcher],
    };
  }

  onModuleInit(): void {
    failCampaignOnDeadLetter(this.server, 'schedule');
  }
}
