import { agentInitMigration } from '@app/agent-kit';

/** Bus tables (inbox, outbox) and stage_runs in schema "content". */
export const InitContent1764028800000 = agentInitMigration('content', 1764028800000);
