import type { LlmStep, StepInput } from '../llm.port';
import { OfflineLlmProvider } from '../offline/offline.provider';
import { INPUT_HEADING, extractFencedJson } from '../prompt';

const offline = new OfflineLlmProvider();

/** The step a request is for, from the shape of the output schema it sends. */
export function stepFromSchema(schema: unknown): LlmStep | undefined {
  const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  if ('plan' in properties && 'pillars' in properties) return 'strategy.plan';
  if ('posts' in properties) return 'content.write';
  if ('visuals' in properties) return 'creative.design';
  return undefined;
}

/** The structured input the providers append to the prompt (the fenced block after INPUT_HEADING). */
export function inputFromPrompt(text: string): unknown {
  // Heading, newline, fence: a sequence compact JSON cannot contain, so data mentioning the heading is no risk.
  const at = text.lastIndexOf(`${INPUT_HEADING}\n\`\`\``);
  const json = extractFencedJson(at >= 0 ? text.slice(at) : text);
  if (json === undefined) throw new Error('no fenced JSON input block in the prompt');
  return JSON.parse(json);
}

/**
 * What a well-behaved model would answer: the offline provider's output for the step and input found in the
 * request, as JSON text. Lets a whole campaign run through a fake server with realistic content.
 */
export function smartAnswer(schema: unknown, promptTexts: readonly string[]): string {
  const step = stepFromSchema(schema);
  if (!step) throw new Error('cannot tell the step from the response schema');
  const prompt = promptTexts.find((t) => t.includes(INPUT_HEADING));
  if (prompt === undefined) throw new Error('no prompt carries the input block');
  const input = inputFromPrompt(prompt) as StepInput<LlmStep>;
  return JSON.stringify(offline.run(step, input));
}

export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);
