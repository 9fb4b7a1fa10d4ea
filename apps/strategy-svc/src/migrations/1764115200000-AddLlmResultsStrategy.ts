import { agentLlmCacheMigration } from '@app/agent-kit';

/** The model-answer cache (llm_results) in schema "strategy". */
export const AddLlmResultsStrategy1764115200000 = agentLlmCacheMigration('strategy', 1764115200000);
