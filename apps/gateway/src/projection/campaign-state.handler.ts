import { BusController } from '@app/bus';
import type { BusContext } from '@app/bus';
import { Events } from '@app/contracts';
import type { Envelope } from '@app/contracts';

import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CampaignStateProjector } from './campaign-state.projector';

type StateEnvelope = Envelope<
  typeof Events.CampaignPlanned | typeof Events.CampaignWritten | typeof Events.CampaignDesigned | typeof Events.CampaignScheduled
>;

/** Pipeline progress → campaign read model (status, revision, strategy, stages, posts). */
@BusController()
export class CampaignStateHandler {
  constructor(private readonly projector: CampaignStateProjector) {}

  @EventPattern<string>(Events.CampaignPlanned)
  planned(@Payload() envelope: StateEnvelope, @Ctx() context: BusContext): Promise<void> {
    return this.projector.apply(context.manager, envelope.payload.state, 'planned');
  }

  @EventPattern<string>(Events.CampaignWritten)
  written(@Payload() envelope: StateEnvelope, @Ctx() context: BusContext): Promise<void> {
    return this.projector.apply(context.manager, envelope.payload.state, 'written');
  }

  @EventPattern<string>(Events.CampaignDesigned)
  designed(@Payload() envelope: StateEnvelope, @Ctx() context: BusContext): Promise<void> {
    return this.projector.apply(context.manager, envelope.payload.state, 'designed');
  }

  @EventPattern<string>(Events.CampaignScheduled)
  scheduled(@Payload() envelope: StateEnvelope, @Ctx() context: BusContext): Promise<void> {
    return this.projector.apply(context.manager, envelope.payload.state, 'scheduled');
  }
}
