import { agentInitMigration } from '@app/agent-kit';

/** Bus tables (inbox, outbox) and stage_runs in schema "strategy". */
export const InitStrategy1764028800000 = agentInitMigration('strategy', 1764028800000);
