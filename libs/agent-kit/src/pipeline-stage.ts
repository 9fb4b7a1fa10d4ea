import { BusContext } from '@app/bus';
import { CampaignState, LlmUsage, PipelineStage, RoutingKey, StageRun } from '@app/contracts';
import { Logger } from '@nestjs/common';
import { StageRunRecord } from './stage-run.entity';

/** A failure of the stage itself (e.g. model output that stays invalid): the campaign fails, no retry helps. */
export class StageFailure extends Error {}

export interface StageResult {
  state: CampaignState;
  usage?: LlmUsage;
}

type StateKey = 'campaign.planned.v1' | 'campaign.written.v1' | 'campaign.designed.v1' | 'campaign.scheduled.v1';

/**
 * Runs one pipeline stage over a campaign state exactly once: skips a campaign this stage already ran for,
 * records the run, and publishes either the next state (revision + 1, stage history appended) or
 * `campaign.failed` with the reason, all in the message's transaction.
 */
export async function runPipelineStage(
  context: BusContext,
  input: CampaignState,
  stage: PipelineStage,
  next: StateKey & RoutingKey,
  work: (state: CampaignState) => Promise<StageResult>,
): Promise<void> {
  const logger = new Logger(`Stage:${stage}`);
  const runs = context.manager.getRepository(StageRunRecord);
  if (await runs.existsBy({ campaignId: input.campaignId })) {
    logger.warn(`campaign ${input.campaignId} already went through ${stage}; skipping`);
    return;
  }
  const startedAt = new Date();
  let result: StageResult | undefined;
  let failure: string | undefined;
  try {
    result = await work(input);
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    failure = error.message;
  }
  const finishedAt = new Date();
  const run: StageRun = {
    stage,
    status: failure ? 'failed' : 'succeeded',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    ...(failure ? { error: failure } : {}),
    ...(result?.usage ? { usage: result.usage } : {}),
  };
  await runs.insert({
    campaignId: input.campaignId,
    inputRevision: input.revision,
    status: run.status,
    startedAt,
    finishedAt,
    error: failure ?? null,
    usage: result?.usage ?? null,
    output: result ? stageOutput(stage, result.state) : null,
  });
  if (failure || !result) {
    logger.warn(`campaign ${input.campaignId} failed at ${stage}: ${failure}`);
    await publishCampaignFailed(context, input, stage, failure ?? 'stage produced no result');
    return;
  }
  const state: CampaignState = { ...result.state, revision: input.revision + 1, stages: [...input.stages, run] };
  await context.publish(next, { state });
}

export async function publishCampaignFailed(context: BusContext, state: CampaignState, stage: PipelineStage, reason: string): Promise<void> {
  await context.publish('campaign.failed.v1', {
    campaignId: state.campaignId,
    userId: state.userId,
    stage,
    reason,
    failedAt: new Date().toISOString(),
    revision: state.revision,
  });
}

function stageOutput(stage: PipelineStage, state: CampaignState): object | null {
  if (stage === 'strategy') return state.strategy ?? null;
  return state.posts;
}
