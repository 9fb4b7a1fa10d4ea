import { LlmInvalidOutputError } from './errors';
import type { LlmRequest, LlmStep } from './llm.port';

/** The heading the structured input is introduced with; the fake servers look for the fenced block after it. */
export const INPUT_HEADING = 'Input data (JSON):';

/**
 * The step's structured input as a fenced JSON block. Real models only see text, so the providers append it
 * to the prompt: the prose prompt summarises, the block carries every field exactly.
 */
export function renderPromptInput(input: unknown): string {
  return `${INPUT_HEADING}\n\`\`\`json\n${JSON.stringify(input)}\n\`\`\``;
}

/** The user turn a real provider sends: the prompt followed by the input block. */
export function userPrompt<S extends LlmStep>(request: LlmRequest<S>): string {
  return `${request.prompt.trim()}\n\n${renderPromptInput(request.input)}`;
}

/** The follow-up user turn of a repair request: what was wrong with the previous answer. */
export function repairPrompt(problems: readonly string[]): string {
  const list = problems.map((p) => `- ${p}`).join('\n');
  return (
    'Your previous answer could not be accepted. Problems found:\n' +
    `${list}\n\n` +
    'Reply with the corrected, complete JSON answer (the whole document, not just the changed parts), ' +
    'matching the schema, with no text before or after it.'
  );
}

/**
 * The first ```json … ``` block of a text, or undefined. The closing fence must start a line (compact JSON has
 * no raw newlines, so a "```" inside a JSON string cannot end the block); failing that, a fence on the same line.
 */
export function extractFencedJson(text: string): string | undefined {
  const match = /```(?:json)?[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*```/.exec(text) ?? /```(?:json)?[ \t]*\r?\n?([\s\S]*?)```/.exec(text);
  return match?.[1];
}

/**
 * Parses a model's answer. JSON mode should return a bare document, but models sometimes wrap it in a
 * code fence anyway; anything else is LlmInvalidOutputError with the raw text attached.
 */
export function parseJsonOutput(provider: string, text: string, detail = ''): unknown {
  const trimmed = text.trim();
  for (const candidate of [trimmed, extractFencedJson(trimmed)]) {
    if (candidate === undefined || candidate === '') continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next candidate
    }
  }
  const why = trimmed === '' ? 'an empty answer' : 'an answer that is not valid JSON';
  return invalid(provider, `${provider} returned ${why}${detail}`, text);
}

function invalid(provider: string, message: string, text: string): never {
  throw new LlmInvalidOutputError(message, provider, text);
}
