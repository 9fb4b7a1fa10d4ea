import { InitStrategy1764028800000 } from './1764028800000-InitStrategy';
import { AddLlmResultsStrategy1764115200000 } from './1764115200000-AddLlmResultsStrategy';
import { AccountInsights1764374400000 } from './1764374400000-AccountInsights';

/** strategy-svc's migrations in order: a new one is appended, never an existing one edited. */
export const STRATEGY_MIGRATIONS = [InitStrategy1764028800000, AddLlmResultsStrategy1764115200000, AccountInsights1764374400000];
