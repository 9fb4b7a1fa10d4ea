import { OutboxRelay, Outbox } from '@app/bus';
import { CAMPAIGN_STATE_SCHEMA_VERSION, Events } from '@app/contracts';
import type { CampaignSpec, CampaignStatePayload, CampaignStateV1 } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { toCampaignView } from '../campaign-view.mapper';
import { CampaignsRepository } from '../campaigns.repository';
import { CreateCampaignDto } from '../dto/create-campaign.dto';
import { CampaignViewDto } from '../dto/campaign-view.dto';
import { bindCorrelationId } from '@app/telemetry';

/** Stores the request and hands it to the pipeline (campaign.requested) in one transaction. */
@Injectable()
export class CreateCampaign {
  private readonly logger = new Logger(CreateCampaign.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsRepository,
    private readonly outbox: Outbox,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, input: CreateCampaignDto): Promise<CampaignViewDto> {
    const id = randomUUID();
    bindCorrelationId(id);
    const spec = toSpec(input, this.clock.now());
    const state: CampaignStateV1 = { schemaVersion: CAMPAIGN_STATE_SCHEMA_VERSION, campaignId: id, userId, revision: 1, spec, posts: [], stages: [] };
    const campaign = await this.dataSource.transaction(async (manager) => {
      const saved = await this.campaigns.insert(manager, {
        id,
        userId,
        name: spec.name,
        goal: spec.goal,
        targetPlatforms: spec.targetPlatforms,
        startDate: new Date(spec.startDate),
        durationDays: spec.durationDays,
        targetAudience: spec.targetAudience ?? null,
        brandVoice: spec.brandVoice ?? null,
        contentThemes: spec.contentThemes,
        timezone: spec.timezone,
        status: 'requested',
        revision: state.revision,
        stages: [],
      });
      const payload: CampaignStatePayload = { state };
      await this.outbox.add(manager, Events.CampaignRequested, payload, { correlationId: id });
      return saved;
    });
    this.relay.nudge();
    this.logger.log(`campaign ${id} requested by user ${userId}`);
    return toCampaignView(campaign, []);
  }
}

export function toSpec(input: CreateCampaignDto, now: Date): CampaignSpec {
  const spec: CampaignSpec = {
    name: input.name,
    goal: input.goal,
    targetPlatforms: input.targetPlatforms,
    startDate: (input.startDate ? new Date(input.startDate) : now).toISOString(),
    durationDays: input.durationDays,
    contentThemes: input.contentThemes ?? [],
    timezone: input.timezone ?? 'UTC',
  };
  if (input.targetAudience !== undefined) spec.targetAudience = input.targetAudience;
  if (input.brandVoice !== undefined) spec.brandVoice = input.brandVoice;
  return spec;
}
