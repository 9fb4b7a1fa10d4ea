import { BusContext } from '@app/bus';
import { CampaignState, LlmUsage, PipelineStage, RoutingKey, StageRun } from '@app/contracts';
import { queryRows } from '@app/database';
import type { ServiceMetrics } from '@app/telemetry';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LlmResultCache } from './llm-result-cache';
import { StageRunRecord } from './stage-run.entity';

/** A failure of the stage itself (e.g. model output that stays invalid): the campaign fails, no retry helps. */
export class StageFailure extends Error {}

export interface StageResult {
  state: CampaignState;
  usage?: LlmUsage;
  /** Writes of the stage's own tables, committed with the stage run and the next event. */
  persist?: (manager: EntityManager) => Promise<void>;
}

type StateKey = 'campaign.planned.v1' | 'campaign.written.v1' | 'campaign.designed.v1' | 'campaign.scheduled.v1';

/**
 * Runs one pipeline stage over a campaign state exactly once. The work (a model call, say) runs outside any
 * database transaction; then, in the message's transaction, the stage run is recorded (its primary key
 * makes a second run of the same campaign a no-op) together with either the next state (revision + 1,
 * stage history appended) or `campaign.failed` with the reason. Handlers using it are MANUAL_TRANSACTION.
 */
export async function runPipelineStage(
  context: BusContext,
  input: CampaignState,
  stage: PipelineStage,
  next: StateKey & RoutingKey,
  work: (state: CampaignState) => Promise<StageResult>,
): Promise<void> {
  const logger = new Logger(`Stage:${stage}`);
  if (await context.dataSource.getRepository(StageRunRecord).existsBy({ campaignId: input.campaignId })) {
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
  context.metrics?.stageDuration.observe({ stage, outcome: failure ? 'failed' : 'succeeded' }, (finishedAt.getTime() - startedAt.getTime()) / 1000);
  if (result?.usage) recordUsage(context.metrics, result.usage);
  const run: StageRun = {
    stage,
    status: failure ? 'failed' : 'succeeded',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    ...(failure ? { error: failure } : {}),
    ...(result?.usage ? { usage: result.usage } : {}),
  };
  await context.transaction(async (manager) => {
    const { schema, tableName } = manager.getRepository(StageRunRecord).metadata;
    const inserted = await queryRows(
      manager,
      `INSERT INTO "${schema}"."${tableName}" ("campaign_id", "input_revision", "status", "started_at", "finished_at", "error", "usage", "output")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("campaign_id") DO NOTHING RETURNING "campaign_id"`,
      [
        input.campaignId,
        input.revision,
        run.status,
        startedAt,
        finishedAt,
        failure ?? null,
        result?.usage ? JSON.stringify(result.usage) : null,
        result ? JSON.stringify(stageOutput(stage, result.state)) : null,
      ],
    );
    if (inserted.length === 0) {
      logger.warn(`campaign ${input.campaignId} went through ${stage} concurrently; this run is dropped`);
      return;
    }
    if (result?.usage) await LlmResultCache.forget(manager, schema!, input.campaignId);
    if (failure || !result) {
      logger.warn(`campaign ${input.campaignId} failed at ${stage}: ${failure}`);
      await publishCampaignFailed(context, input, stage, failure ?? 'stage produced no result');
      return;
    }
    await result.persist?.(manager);
    const state: CampaignState = { ...result.state, revision: input.revision + 1, stages: [...input.stages, run] };
    await context.publish(next, { state });
    logger.log(`campaign ${input.campaignId}: ${stage} succeeded in ${finishedAt.getTime() - startedAt.getTime()} ms (revision ${state.revision})`);
  });
}

/** Model tokens and calls of a stage, by provider and model. */
function recordUsage(metrics: ServiceMetrics | undefined, usage: LlmUsage): void {
  if (!metrics) return;
  const labels = { provider: usage.provider, model: usage.model };
  metrics.modelTokens.inc({ ...labels, kind: 'prompt' }, usage.tokensIn);
  metrics.modelTokens.inc({ ...labels, kind: 'completion' }, usage.tokensOut);
  metrics.modelCalls.inc({ ...labels, outcome: 'succeeded' }, usage.calls ?? 1);
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
