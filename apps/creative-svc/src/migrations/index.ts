import { InitCreative1764028800000 } from './1764028800000-InitCreative';
import { AddLlmResultsCreative1764115200000 } from './1764115200000-AddLlmResultsCreative';
import { AddImages1764201600000 } from './1764201600000-AddImages';

/** creative-svc's migrations in order: a new one is appended, never an existing one edited. */
export const CREATIVE_MIGRATIONS = [InitCreative1764028800000, AddLlmResultsCreative1764115200000, AddImages1764201600000];
