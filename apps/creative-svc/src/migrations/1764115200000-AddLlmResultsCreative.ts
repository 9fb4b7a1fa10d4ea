import { agentLlmCacheMigration } from '@app/agent-kit';

/** The model-answer cache (llm_results) in schema "creative". */
export const AddLlmResultsCreative1764115200000 = agentLlmCacheMigration('creative', 1764115200000);
