import { performance } from 'node:perf_hooks';
import type { LlmProvider, LlmRequest, LlmResult, LlmStep, StepInput, StepOutput } from '../llm.port';
import { generateContent } from './content.generator';
import { buildContext } from './context';
import { generateCreative } from './creative.generator';
import { seedFrom } from './random';
import { generateStrategy } from './strategy.generator';

export const OFFLINE_PROVIDER_NAME = 'offline';
export const OFFLINE_MODEL = 'offline-templates-v1';

const estimateTokens = (chars: number) => Math.ceil(chars / 4);

/**
 * A deterministic, template-based provider: no network, no API key. The same input always yields the same
 * output (the PRNG is seeded from a SHA-256 of the step and input), and the text is built from the campaign's
 * own goal, audience, voice, platforms and themes.
 */
export class OfflineLlmProvider implements LlmProvider {
  readonly name = OFFLINE_PROVIDER_NAME;
  readonly model = OFFLINE_MODEL;

  async generate<S extends LlmStep>(request: LlmRequest<S>): Promise<LlmResult<S>> {
    const started = performance.now();
    const output = this.run(request.step, request.input);
    const latencyMs = Math.round((performance.now() - started) * 1000) / 1000;
    return {
      output,
      usage: {
        provider: this.name,
        model: this.model,
        promptVersion: request.promptVersion,
        tokensIn: estimateTokens((request.system?.length ?? 0) + (request.prompt?.length ?? 0)),
        tokensOut: estimateTokens(JSON.stringify(output).length),
        latencyMs,
        attempts: 1,
      },
    };
  }

  /** The step's output, synchronously (what `generate` wraps). */
  run<S extends LlmStep>(step: S, input: StepInput<S>): StepOutput<S> {
    const seed = seedFrom({ step, input });
    const ctx = buildContext(input.spec);
    switch (step) {
      case 'strategy.plan':
        return generateStrategy(ctx, seed, (input as StepInput<'strategy.plan'>).insights) as StepOutput<S>;
      case 'content.write':
        return generateContent(ctx, (input as StepInput<'content.write'>).strategy, seed) as StepOutput<S>;
      case 'creative.design':
        return generateCreative(ctx, input as StepInput<'creative.design'>, seed) as StepOutput<S>;
      default:
        throw new Error(`OfflineLlmProvider: unknown step "${String(step)}"`);
    }
  }
}
