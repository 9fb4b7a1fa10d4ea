import { agentInitMigration } from '@app/agent-kit';

/** Bus tables (inbox, outbox) and stage_runs in schema "creative". */
export const InitCreative1764028800000 = agentInitMigration('creative', 1764028800000);
