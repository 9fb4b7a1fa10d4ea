import { LLM_PROVIDER, LlmProvider, LlmRequest, LlmResult, LlmStep, OfflineLlmProvider, validateStepOutput } from '@app/llm';
import { Provider } from '@nestjs/common';
import { StageFailure } from './pipeline-stage';

/** The model behind the agents. Offline (deterministic, no network) until a provider is configured. */
export const llmProvider: Provider = { provide: LLM_PROVIDER, useFactory: (): LlmProvider => new OfflineLlmProvider() };

/** Calls the model and accepts only output that passes the step's schema and platform rules. */
export async function generateValidated<S extends LlmStep>(llm: LlmProvider, request: LlmRequest<S>): Promise<LlmResult<S>> {
  const result = await llm.generate(request);
  const problems = validateStepOutput(request.step, request.input, result.output);
  if (problems.length > 0) {
    throw new StageFailure(`${llm.name} returned invalid ${request.step} output: ${problems.slice(0, 5).join('; ')}`);
  }
  return result;
}
