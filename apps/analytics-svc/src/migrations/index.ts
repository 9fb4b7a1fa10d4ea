import { InitAnalytics1764028800000 } from './1764028800000-InitAnalytics';
import { CollectAndOptimize1764374400000 } from './1764374400000-CollectAndOptimize';

/** analytics-svc's migrations in order: a new one is appended, never an existing one edited. */
export const ANALYTICS_MIGRATIONS = [InitAnalytics1764028800000, CollectAndOptimize1764374400000];
