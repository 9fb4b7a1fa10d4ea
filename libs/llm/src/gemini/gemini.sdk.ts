import type * as GenAi from '@google/genai';

let sdk: typeof GenAi | undefined;

/**
 * The @google/genai module, loaded on first use: it takes over 100 ms to load, and every service imports
 * @app/llm while only the agents configured for Gemini ever call it.
 */
export function genai(): typeof GenAi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk ??= require('@google/genai') as typeof GenAi;
  return sdk;
}
