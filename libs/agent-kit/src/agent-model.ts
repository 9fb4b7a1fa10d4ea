import { SERVICE_CONFIG } from '@app/config';
import type { ServiceConfig } from '@app/config';
import { LLM_PROVIDER, LlmBlockedError, LlmInvalidOutputError, validateStepOutput } from '@app/llm';
import type { LlmProvider, LlmRequest, LlmResult, LlmStep, StepOutput } from '@app/llm';
import type { LlmUsage } from '@app/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LlmResultCache } from './llm-result-cache';
import type { AgentConfig } from './agent-config';
import { StageFailure } from './pipeline-stage';

/**
 * How an agent asks its model: a cached answer is reused; an answer that is not JSON or breaks the step's
 * schema or platform rules gets one repair turn with the problems; if that fails too, the stage fails with
 * the reason (nothing half-written moves on). A safety block fails the stage. Rate limits and outages that
 * outlast the provider's retries propagate, so the bus hands the message back to its retry queue.
 */
@Injectable()
export class AgentModel {
  private readonly logger = new Logger(AgentModel.name);
  private readonly cache: LlmResultCache;
  private readonly batchSize: number;

  constructor(
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider,
    dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.cache = new LlmResultCache(dataSource, config.schema);
    this.batchSize = (config as Partial<AgentConfig>).batchPosts ?? Number.POSITIVE_INFINITY;
  }

  /**
   * One call for all `items` (posts of a stage), or one per batch of AGENT_BATCH_POSTS when there are more,
   * two batches at a time; usage is summed over the calls.
   */
  async generateBatched<S extends LlmStep, T>(
    campaignId: string,
    items: readonly T[],
    request: (batch: T[]) => LlmRequest<S>,
  ): Promise<{ outputs: Array<StepOutput<S>>; usage: LlmUsage }> {
    const batches: T[][] = [];
    for (let i = 0; i < items.length; i += this.batchSize) batches.push(items.slice(i, i + this.batchSize));
    const results: Array<LlmResult<S>> = [];
    for (let i = 0; i < batches.length; i += 2) {
      results.push(...(await Promise.all(batches.slice(i, i + 2).map((batch) => this.generate(campaignId, request(batch))))));
    }
    const usage = results.slice(1).reduce((sum, r) => combine(sum, r.usage), results[0].usage);
    return { outputs: results.map((r) => r.output), usage };
  }

  get providerName(): string {
    return this.llm.name;
  }

  async generate<S extends LlmStep>(campaignId: string, request: LlmRequest<S>): Promise<LlmResult<S>> {
    const first = await this.attempt(campaignId, request);
    if (first.problems.length === 0) return first.result!;
    this.logger.warn(`${this.llm.name} ${request.step} answer rejected, asking for a repair: ${first.problems.slice(0, 3).join('; ')}`);
    const second = await this.attempt(campaignId, { ...request, repair: { previousOutput: first.raw, problems: first.problems } });
    if (second.problems.length === 0) return { ...second.result!, usage: combine(first.usage, second.result!.usage) };
    throw new StageFailure(`${this.llm.name} returned invalid ${request.step} output twice: ${second.problems.slice(0, 5).join('; ')}`);
  }

  private async attempt<S extends LlmStep>(campaignId: string, request: LlmRequest<S>): Promise<{ result?: LlmResult<S>; problems: string[]; raw: string; usage?: LlmUsage }> {
    const key = this.cache.key(this.llm.name, request as LlmRequest<LlmStep>);
    let result = await this.cache.get<S>(key);
    if (!result) {
      try {
        result = await this.llm.generate(request);
      } catch (error) {
        if (error instanceof LlmInvalidOutputError) return { problems: [`the answer is not valid JSON: ${error.message}`], raw: error.rawText };
        if (error instanceof LlmBlockedError) throw new StageFailure(`${this.llm.name} refused the ${request.step} request: ${error.reason}`);
        throw error;
      }
      await this.cache.put(key, campaignId, result as LlmResult<LlmStep>);
    }
    const problems = validateStepOutput(request.step, request.input, result.output);
    return { result, problems, raw: JSON.stringify(result.output), usage: result.usage };
  }
}

function combine(first: LlmUsage | undefined, second: LlmUsage): LlmUsage {
  if (!first) return { ...second, calls: (second.calls ?? 1) + 1 };
  return {
    ...second,
    tokensIn: first.tokensIn + second.tokensIn,
    tokensOut: first.tokensOut + second.tokensOut,
    latencyMs: first.latencyMs + second.latencyMs,
    attempts: first.attempts + second.attempts,
    calls: (first.calls ?? 1) + (second.calls ?? 1),
  };
}
