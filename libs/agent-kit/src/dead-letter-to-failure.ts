import { BusServer } from '@app/bus';
import { CampaignStatePayload, PipelineStage } from '@app/contracts';
import { publishCampaignFailed } from './pipeline-stage';

/**
 * When a campaign-state message of this stage is dead-lettered (retries used up, or poison), the user
 * must still see the campaign fail: publish `campaign.failed` with the reason.
 */
export function failCampaignOnDeadLetter(server: BusServer, stage: PipelineStage): void {
  server.setDeadLetterHook(async (envelope, reason, context) => {
    const payload = envelope.payload as Partial<CampaignStatePayload>;
    if (!payload.state) return;
    await publishCampaignFailed(context, payload.state, stage, `${stage} stage gave up: ${reason}`);
  });
}
