import { agentLlmCacheMigration } from '@app/agent-kit';

/** The model-answer cache (llm_results) in schema "content". */
export const AddLlmResultsContent1764115200000 = agentLlmCacheMigration('content', 1764115200000);
