import type { ContentStepInput, CreativeStepInput, LlmStep, StepInput, StrategyStepInput } from './llm.port';
import { validateContent } from './validate/content';
import { validateCreative } from './validate/creative';
import { validateStrategy } from './validate/strategy';

/**
 * Checks a step's output before an agent accepts it: structure, platform limits (via the contracts
 * helpers) and alignment with the step's input (one post per planned post, one visual per post, …).
 * Returns human-readable errors prefixed with the field path; an empty list means the output is usable.
 */
export function validateStepOutput<S extends LlmStep>(step: S, input: StepInput<S>, value: unknown): string[] {
  switch (step) {
    case 'strategy.plan':
      return validateStrategy(input as StrategyStepInput, value);
    case 'content.write':
      return validateContent(input as ContentStepInput, value);
    case 'creative.design':
      return validateCreative(input as CreativeStepInput, value);
    default:
      return [`step: unknown step "${String(step)}"`];
  }
}
